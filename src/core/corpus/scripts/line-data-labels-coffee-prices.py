import matplotlib.pyplot as plt

# Average retail price of a 250 g bag of specialty coffee beans (USD), by quarter
quarters = ['Q1 2022', 'Q2 2022', 'Q3 2022', 'Q4 2022', 'Q1 2023', 'Q2 2023', 'Q3 2023', 'Q4 2023']
arabica = [11.2, 11.8, 12.6, 13.1, 12.9, 12.4, 12.7, 13.5]
robusta_blend = [7.4, 7.6, 8.1, 8.6, 8.8, 8.5, 8.9, 9.4]

fig, ax = plt.subplots(figsize=(11, 6))
x = list(range(len(quarters)))
ax.plot(x, arabica, marker='o', linewidth=2.2, color='#6f4e37', label='Single-origin Arabica')
ax.plot(x, robusta_blend, marker='D', linewidth=2.2, color='#d2a26b', label='Robusta blend')

# Labels above the Arabica points and below the blend points so the two rows never collide
for xi, price in zip(x, arabica):
    ax.text(xi, price + 0.25, '${:.1f}'.format(price), ha='center', va='bottom', fontsize=9, color='#6f4e37')
for xi, price in zip(x, robusta_blend):
    ax.text(xi, price - 0.25, '${:.1f}'.format(price), ha='center', va='top', fontsize=9, color='#a0703a')

ax.set_title('Specialty Coffee Bean Retail Prices, 2022-2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Quarter')
ax.set_ylabel('Price per 250 g bag (USD)')
ax.set_xticks(x)
ax.set_xticklabels(quarters, rotation=30, ha='right')
ax.set_ylim(6, 15)
ax.grid(True, alpha=0.3)
ax.legend(loc='center right')

plt.tight_layout()
plt.show()
