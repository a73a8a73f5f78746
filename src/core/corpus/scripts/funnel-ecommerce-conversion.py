import matplotlib.pyplot as plt

# Shoppers reaching each step of an online furniture store's checkout funnel, November 2023
stages = ['Visited site', 'Viewed product', 'Added to cart', 'Started checkout', 'Entered payment', 'Purchased']
shoppers = [184000, 96500, 28400, 15200, 10900, 9300]
colors = ['#03045e', '#023e8a', '#0077b6', '#0096c7', '#00b4d8', '#48cae4']

fig, ax = plt.subplots(figsize=(11, 7))
y = list(range(len(stages)))[::-1]
# Centred bars: each bar starts at -width/2 so the funnel is symmetric about zero
lefts = [-n / 2 for n in shoppers]
ax.barh(y, shoppers, left=lefts, height=0.8, color=colors)

for yi, n, i in zip(y, shoppers, range(len(stages))):
    rate = '' if i == 0 else '  ({:.1f}% of previous step)'.format(n / shoppers[i - 1] * 100)
    # Labels sit right of each bar: the narrow bottom bars have no room inside
    ax.text(n / 2 + 3000, yi, '{:,}{}'.format(n, rate), ha='left', va='center', fontsize=10)

ax.set_yticks(y)
ax.set_yticklabels(stages)
ax.set_xticks([])
ax.set_xlim(-100000, 150000)
for side in ['top', 'right', 'bottom']:
    ax.spines[side].set_visible(False)
ax.set_ylabel('Funnel step')
overall = shoppers[-1] / shoppers[0] * 100
ax.set_title('Online Furniture Store Checkout Funnel, Nov 2023 (overall conversion {:.1f}%)'.format(overall),
             fontsize=13, fontweight='bold')

plt.tight_layout()
plt.show()
