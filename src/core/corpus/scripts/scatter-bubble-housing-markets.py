import matplotlib.pyplot as plt
import numpy as np

# Housing markets of ten metro areas, 2023: median price, one-year price change, homes sold, months of supply
metros = ['Austin', 'Denver', 'Miami', 'Seattle', 'Phoenix', 'Boston', 'Atlanta', 'Detroit', 'Portland', 'Tampa']
median_price_k = [452, 585, 540, 760, 430, 720, 395, 245, 545, 410]
price_change_pct = [-6.8, -1.2, 7.4, -2.5, -3.1, 4.9, 2.2, 5.8, -1.9, 3.6]
homes_sold_k = [28, 41, 36, 44, 72, 38, 81, 47, 29, 55]
months_supply = [3.9, 2.4, 4.6, 1.8, 3.2, 1.6, 2.9, 2.1, 2.6, 3.8]

fig, ax = plt.subplots(figsize=(12, 7))
# Bubble area encodes sales volume; colour encodes inventory
bubbles = ax.scatter(median_price_k, price_change_pct, s=[n * 18 for n in homes_sold_k], c=months_supply,
                     cmap='coolwarm', alpha=0.75, edgecolors='black', linewidths=0.6)
for name, x, y in zip(metros, median_price_k, price_change_pct):
    ax.text(x, y + 0.9, name, ha='center', fontsize=9)
colorbar = fig.colorbar(bubbles, ax=ax)
colorbar.set_label('Months of supply')

# Size legend with three reference bubbles
for n in [30, 50, 80]:
    ax.scatter([], [], s=n * 18, color='#bbbbbb', edgecolors='black', label='{}k homes sold'.format(n))
ax.legend(loc='lower right', labelspacing=1.6, borderpad=1.2, title='Sales volume')
ax.axhline(0, color='black', linewidth=0.8)

ax.set_title('Metro Housing Markets, 2023: Price Level vs. Price Change', fontsize=14, fontweight='bold')
ax.set_xlabel('Median sale price (thousand USD)')
ax.set_ylabel('One-year price change (%)')
ax.set_xlim(180, 840)
ax.set_ylim(-14, 11)
ax.grid(alpha=0.3)

plt.tight_layout()
plt.show()
