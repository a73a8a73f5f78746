import matplotlib.pyplot as plt

# Bridge from revenue to net profit (million USD) of a mid-sized logistics company, fiscal 2023
steps = ['Revenue', 'Fuel', 'Wages', 'Fleet leasing', 'Depreciation', 'Other costs', 'Interest', 'Tax', 'Net profit']
amounts = [412.0, -96.5, -148.2, -41.8, -27.4, -38.9, -12.6, -11.2]

# Each bar starts where the running total stands before it
bottoms, heights, colors = [], [], []
running = 0.0
for i, amount in enumerate(amounts):
    if i == 0:
        bottoms.append(0.0)
        heights.append(amount)
        colors.append('#4361ee')
    else:
        bottoms.append(running + amount if amount < 0 else running)
        heights.append(abs(amount))
        colors.append('#ef233c' if amount < 0 else '#2a9d8f')
    running += amount
bottoms.append(0.0)
heights.append(running)
colors.append('#2b2d42')

fig, ax = plt.subplots(figsize=(12, 6.5))
x = list(range(len(steps)))
ax.bar(x, heights, bottom=bottoms, color=colors, width=0.6, edgecolor='black', linewidth=0.5)
for xi, b, h, amount in zip(x, bottoms, heights, amounts + [running]):
    ax.text(xi, b + h + 6, '{:+.1f}'.format(amount) if xi not in (0, len(steps) - 1) else '{:.1f}'.format(amount),
            ha='center', fontsize=9)
# Thin connectors make the running total easy to follow
for xi in range(len(steps) - 1):
    level = bottoms[xi] + heights[xi] if xi == 0 or amounts[xi] >= 0 else bottoms[xi]
    ax.plot([xi + 0.3, xi + 0.7], [level, level], color='gray', linewidth=0.8)

ax.annotate('Net margin {:.1f}%'.format(running / amounts[0] * 100), xy=(7.7, running / 2), xytext=(6.2, 150),
            arrowprops=dict(arrowstyle='->', color='#2b2d42'), fontsize=10)
ax.set_xticks(x)
ax.set_xticklabels(steps, rotation=25, ha='right')
ax.set_ylabel('Million USD')
ax.set_xlabel('Profit and loss item')
ax.set_ylim(0, 460)
ax.set_title('Logistics Company: From Revenue to Net Profit, FY2023', fontsize=14, fontweight='bold')
ax.grid(axis='y', alpha=0.3)

plt.tight_layout()
plt.show()
