import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FixedFormatter, FixedLocator
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401

# Irrigation water drawn (million cubic metres) by three river basins, by source, 2021-2023
basins = ['North Basin', 'Central Basin', 'Delta Basin']
years = ['2021', '2022', '2023']
sources = ['Surface water', 'Groundwater', 'Recycled water']
water = {
    'Surface water': np.array([[120, 112, 98], [210, 196, 181], [340, 322, 305]]),
    'Groundwater': np.array([[64, 71, 75], [88, 97, 104], [45, 52, 58]]),
    'Recycled water': np.array([[6, 9, 14], [12, 18, 27], [21, 30, 44]]),
}
colors = {'Surface water': '#0077b6', 'Groundwater': '#8d6e63', 'Recycled water': '#52b788'}

fig = plt.figure(figsize=(11, 8))
ax = fig.add_subplot(111, projection='3d')
width = 0.45
for b, basin in enumerate(basins):
    for y, year in enumerate(years):
        base = 0
        # Each source sits on top of the previous one: one stacked column per basin and year
        for source in sources:
            height = water[source][b, y]
            ax.bar3d(y, b, base, width, width, height, color=colors[source], alpha=0.9, edgecolor='white')
            base += height

# Fixed locators and formatters label 3D ticks without upsetting tight_layout
ax.xaxis.set_major_locator(FixedLocator(np.arange(len(years)) + width / 2))
ax.xaxis.set_major_formatter(FixedFormatter(years))
ax.yaxis.set_major_locator(FixedLocator(np.arange(len(basins)) + width / 2))
ax.yaxis.set_major_formatter(FixedFormatter(basins))
ax.set_xlabel('Year', labelpad=8)
ax.set_ylabel('River basin', labelpad=14)
ax.set_zlabel(r'Water drawn (million $\mathrm{m^3}$)', labelpad=10)
ax.view_init(elev=22, azim=-50)

handles = [Patch(facecolor=colors[s], label=s) for s in sources]
ax.legend(handles=handles, loc='upper left', title='Source')
ax.set_title('Irrigation Water Drawn by Basin and Source, 2021-2023', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
