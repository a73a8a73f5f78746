import matplotlib.pyplot as plt
import numpy as np
import squarify

# Hammer-price totals (million USD) of an auction house's 2023 sales, by art category,
# and the number of lots sold in each category
categories = ['Impressionist', 'Contemporary', 'Old Masters', 'Modern', 'Photography', 'Asian art', 'Design']
sales_musd = [318, 276, 142, 121, 38, 64, 27]
lots_sold = [412, 968, 305, 540, 720, 466, 610]
colors = ['#ffadad', '#ffd6a5', '#fdffb6', '#caffbf', '#9bf6ff', '#a0c4ff', '#bdb2ff']

# squarify wants the sizes in descending order
order = np.argsort(sales_musd)[::-1]
sizes = [sales_musd[i] for i in order]
labels = ['{}\n${}M'.format(categories[i], sales_musd[i]) for i in order]
ordered_colors = [colors[i] for i in order]

fig, (ax_tree, ax_bar) = plt.subplots(1, 2, figsize=(15, 7), gridspec_kw={'width_ratios': [3, 2]})
squarify.plot(sizes=sizes, label=labels, color=ordered_colors, ax=ax_tree, pad=True, alpha=0.95)
ax_tree.set_title('Hammer-Price Totals by Category')
ax_tree.axis('off')

# Average price per lot tells a different story than the totals
average_k = [s * 1000 / n for s, n in zip(sales_musd, lots_sold)]
y = np.arange(len(categories))
ax_bar.barh(y, average_k, color=colors, edgecolor='gray')
for yi, value in zip(y, average_k):
    ax_bar.text(value + 8, yi, '${:.0f}k'.format(value), va='center', fontsize=9)
ax_bar.set_yticks(y)
ax_bar.set_yticklabels(categories)
ax_bar.invert_yaxis()
ax_bar.set_xlim(0, 900)
ax_bar.set_xlabel('Average hammer price per lot (thousand USD)')
ax_bar.set_title('Average Price per Lot')

fig.suptitle('Auction House Sales by Art Category, 2023', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
