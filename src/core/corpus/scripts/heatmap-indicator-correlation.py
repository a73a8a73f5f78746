import matplotlib.pyplot as plt
import numpy as np

# Pearson correlations between six county-level indicators (312 counties, 2022 census release)
indicators = ['Median income', 'Degree holders', 'Unemployment', 'Broadband access', 'Median age', 'Commute time']
correlation = np.array([
    [1.00, 0.78, -0.62, 0.71, 0.12, 0.25],
    [0.78, 1.00, -0.55, 0.69, -0.08, 0.18],
    [-0.62, -0.55, 1.00, -0.47, 0.21, -0.10],
    [0.71, 0.69, -0.47, 1.00, -0.31, 0.05],
    [0.12, -0.08, 0.21, -0.31, 1.00, -0.22],
    [0.25, 0.18, -0.10, 0.05, -0.22, 1.00],
])

fig, ax = plt.subplots(figsize=(10, 8))
# A diverging map centred on zero: sign matters as much as size for a correlation
mesh = ax.pcolormesh(correlation, cmap='RdBu_r', vmin=-1, vmax=1, edgecolors='white', linewidth=1.5)
colorbar = fig.colorbar(mesh, ax=ax)
colorbar.set_label('Pearson correlation coefficient $r$')

for i in range(len(indicators)):
    for j in range(len(indicators)):
        r = correlation[i, j]
        ax.text(j + 0.5, i + 0.5, '{:.2f}'.format(r), ha='center', va='center', fontsize=10,
                color='white' if abs(r) > 0.6 else 'black')

ax.set_xticks(np.arange(len(indicators)) + 0.5)
ax.set_xticklabels(indicators, rotation=35, ha='right')
ax.set_yticks(np.arange(len(indicators)) + 0.5)
ax.set_yticklabels(indicators)
ax.invert_yaxis()
ax.set_aspect('equal')
ax.set_title('Correlation of County-Level Indicators, 2022', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
