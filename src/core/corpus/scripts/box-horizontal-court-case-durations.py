import matplotlib.pyplot as plt

# Days from filing to judgment for a sample of 15 closed cases per case type, district court, 2023
case_types = ['Small claims', 'Traffic', 'Family', 'Contract', 'Employment', 'Property']
durations = [
    [21, 28, 30, 35, 38, 41, 44, 47, 52, 55, 60, 63, 70, 84, 120],
    [14, 18, 20, 22, 25, 27, 29, 31, 33, 36, 38, 41, 45, 49, 95],
    [60, 85, 92, 104, 118, 126, 133, 140, 152, 168, 181, 195, 210, 240, 310],
    [95, 120, 138, 150, 166, 172, 185, 198, 214, 230, 251, 268, 290, 333, 420],
    [70, 88, 97, 110, 121, 129, 137, 146, 158, 165, 177, 190, 205, 228, 365],
    [120, 145, 160, 178, 190, 204, 219, 235, 248, 262, 280, 301, 330, 372, 455],
]
colors = ['#cdb4db', '#ffc8dd', '#ffafcc', '#bde0fe', '#a2d2ff', '#90be6d']

fig, ax = plt.subplots(figsize=(11, 6.5))
box = ax.boxplot(durations, vert=False, patch_artist=True, widths=0.6,
                 flierprops=dict(marker='D', markerfacecolor='#e63946', markersize=6))
for patch, color in zip(box['boxes'], colors):
    patch.set_facecolor(color)
    patch.set_edgecolor('#333333')

ax.set_yticks(range(1, len(case_types) + 1))
ax.set_yticklabels(case_types)
ax.set_xlabel('Days from filing to judgment')
ax.set_ylabel('Case type')
ax.set_xlim(0, 480)
ax.grid(axis='x', alpha=0.3)
ax.set_title('District Court Case Durations by Case Type, 2023 Sample', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
