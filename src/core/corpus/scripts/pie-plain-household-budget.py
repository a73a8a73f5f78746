import matplotlib.pyplot as plt
import numpy as np

# Monthly spending of an average two-person household (USD), 2023 consumer survey
categories = ['Housing', 'Food', 'Transport', 'Health', 'Leisure', 'Savings']
monthly_usd = [1850, 720, 540, 380, 310, 600]
# Change against the 2022 survey (USD per month)
change_usd = [95, 64, -22, 31, -15, -48]

colors = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948']
fig, (ax_pie, ax_bar) = plt.subplots(1, 2, figsize=(14, 6.5))

ax_pie.pie(monthly_usd, labels=categories, colors=colors, autopct='%1.0f%%', startangle=140,
           wedgeprops=dict(edgecolor='white'))
ax_pie.set_title('Share of Monthly Spending (total ${:,})'.format(sum(monthly_usd)))
ax_pie.axis('equal')

x = np.arange(len(categories))
bar_colors = ['#59a14f' if c >= 0 else '#e15759' for c in change_usd]
bars = ax_bar.bar(x, change_usd, color=bar_colors, width=0.6)
ax_bar.bar_label(bars, labels=['{:+d}'.format(c) for c in change_usd], padding=3)
ax_bar.axhline(0, color='black', linewidth=0.8)
ax_bar.set_xticks(x)
ax_bar.set_xticklabels(categories)
ax_bar.set_ylim(-70, 120)
ax_bar.set_xlabel('Spending category')
ax_bar.set_ylabel('Change vs. 2022 (USD per month)')
ax_bar.set_title('Change Since the 2022 Survey')
ax_bar.grid(axis='y', alpha=0.3)

fig.suptitle('Household Budget of a Two-Person Household, 2023', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
