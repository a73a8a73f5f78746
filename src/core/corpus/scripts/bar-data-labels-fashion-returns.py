import matplotlib.pyplot as plt
import numpy as np

# Return rate (%) of online fashion orders by product category, before and after
# a retailer introduced a virtual fitting tool in 2023
categories = ['Dresses', 'Jeans', 'Shoes', 'Outerwear', 'Knitwear', 'Accessories']
returns_2022 = [38.5, 31.2, 27.8, 22.4, 19.6, 8.3]
returns_2023 = [29.1, 24.7, 25.9, 18.0, 17.2, 7.9]

x = np.arange(len(categories))
width = 0.38
fig, ax = plt.subplots(figsize=(11, 6))
before = ax.bar(x - width / 2, returns_2022, width, label='2022 (before tool)', color='#b5838d')
after = ax.bar(x + width / 2, returns_2023, width, label='2023 (with tool)', color='#6d6875')
ax.bar_label(before, fmt='%.1f%%', padding=2, fontsize=8)
ax.bar_label(after, fmt='%.1f%%', padding=2, fontsize=8)

ax.set_title('Online Fashion Return Rates Before and After Virtual Fitting', fontsize=14, fontweight='bold')
ax.set_xlabel('Product category')
ax.set_ylabel('Orders returned (%)')
ax.set_xticks(x)
ax.set_xticklabels(categories)
ax.set_ylim(0, 45)
ax.legend(loc='upper right')
ax.grid(axis='y', alpha=0.3)

plt.tight_layout()
plt.show()
