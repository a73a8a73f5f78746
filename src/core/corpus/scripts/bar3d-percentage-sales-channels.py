import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FixedFormatter, FixedLocator
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401

# Revenue of a home-goods retailer (million USD) by sales channel, four regions, 2023
regions = ['West', 'Midwest', 'South', 'Northeast']
channels = ['Stores', 'Website', 'Mobile app', 'Marketplaces']
revenue = np.array([
    [38.0, 22.0, 14.0, 6.0],    # West
    [41.0, 15.0, 8.0, 6.0],     # Midwest
    [52.0, 19.0, 11.0, 8.0],    # South
    [33.0, 24.0, 17.0, 6.0],    # Northeast
])
colors = ['#577590', '#43aa8b', '#f9c74f', '#f94144']

# Each region's column is scaled to 100% so channel mixes compare directly
percent = revenue / revenue.sum(axis=1, keepdims=True) * 100

fig = plt.figure(figsize=(11, 8))
ax = fig.add_subplot(111, projection='3d')
for r in range(len(regions)):
    base = 0.0
    for c in range(len(channels)):
        ax.bar3d(r, 0, base, 0.55, 0.55, percent[r, c], color=colors[c], alpha=0.9, edgecolor='white')
        base += percent[r, c]

# Fixed locators and formatters label 3D ticks without upsetting tight_layout
ax.xaxis.set_major_locator(FixedLocator(np.arange(len(regions)) + 0.275))
ax.xaxis.set_major_formatter(FixedFormatter(regions))
ax.set_yticks([])
ax.set_zlim(0, 100)
ax.set_xlabel('Region', labelpad=10)
ax.set_zlabel('Share of regional revenue (%)', labelpad=10)
ax.view_init(elev=18, azim=-70)

legend_handles = [Patch(facecolor=color, label=name) for color, name in zip(colors, channels)]
ax.legend(handles=legend_handles, title='Sales channel', loc='upper right')
ax.set_title('Home-Goods Retailer Revenue Mix by Region, 2023 (100% = regional revenue)',
             fontsize=13, fontweight='bold')

plt.tight_layout()
plt.show()
