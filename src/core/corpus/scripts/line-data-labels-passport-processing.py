import matplotlib.pyplot as plt

# Passport applications processed per month by a national passport office (thousands),
# with the median processing time in working days, 2023
months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
applications_k = [182, 205, 264, 311, 348, 372, 356, 298, 241, 197, 166, 151]
median_days = [6, 7, 9, 13, 17, 19, 16, 11, 8, 6, 5, 5]

fig, ax = plt.subplots(figsize=(12, 7))
x = list(range(len(months)))
ax.plot(x, applications_k, color='#1d3557', marker='o', linewidth=2.2, label='Applications processed')
for xi, value in zip(x, applications_k):
    ax.annotate('{}k'.format(value), (xi, value), textcoords='offset points', xytext=(0, 9),
                ha='center', fontsize=9, color='#1d3557')
ax.axhline(300, color='#e63946', linestyle=':', linewidth=1.2, label='Office capacity (300k per month)')

# The processing times go in a table under the axes, aligned with the months
table = ax.table(cellText=[['{} d'.format(d) for d in median_days]], rowLabels=['Median wait'],
                 colLabels=months, cellLoc='center', loc='bottom', bbox=[0.0, -0.28, 1.0, 0.16])
table.auto_set_font_size(False)
table.set_fontsize(9)

ax.set_xticks(x)
ax.set_xticklabels([])
ax.set_xlim(-0.5, len(months) - 0.5)
ax.set_ylim(100, 420)
ax.set_ylabel('Applications processed (thousands)')
ax.set_title('Passport Applications Processed per Month, 2023', fontsize=14, fontweight='bold')
ax.grid(axis='y', alpha=0.3)
ax.legend(loc='upper right')
# Leave room on the left for the table's row label, which tight_layout does not measure
plt.tight_layout(rect=(0.05, 0, 1, 1))
plt.show()
