import matplotlib.pyplot as plt
import squarify

# Consumer spending in a mobile app store by category, 2023 (billion USD)
categories = ['Games', 'Entertainment', 'Social', 'Productivity', 'Photo & video', 'Music',
              'Education', 'Health & fitness', 'Dating', 'Utilities']
spending_busd = [52.4, 14.8, 11.6, 8.9, 6.3, 5.7, 4.2, 3.8, 3.5, 2.4]
colors = ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#8ab17d',
          '#b56576', '#6d597a', '#355070', '#adb5bd']

total = sum(spending_busd)
labels = ['{}\n${:.1f}B ({:.0f}%)'.format(c, v, v / total * 100) for c, v in zip(categories, spending_busd)]

fig, ax = plt.subplots(figsize=(13, 8))
# The sizes are already sorted from largest to smallest, which squarify lays out best
squarify.plot(sizes=spending_busd, label=labels, color=colors, alpha=0.9, ax=ax, pad=True)
ax.set_title('App Store Consumer Spending by Category, 2023 (total ${:.1f}B)'.format(total),
             fontsize=14, fontweight='bold')
ax.axis('off')

plt.tight_layout()
plt.show()
