import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FixedFormatter, FixedLocator
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401  (registers the 3d projection on old matplotlib)

# Units produced (thousands) by three assembly lines of an appliance factory, per quarter of 2023
lines = ['Line A (washers)', 'Line B (dryers)', 'Line C (fridges)']
quarters = ['Q1', 'Q2', 'Q3', 'Q4']
output_k = np.array([
    [42, 47, 51, 55],   # Line A
    [28, 31, 30, 36],   # Line B
    [19, 22, 27, 25],   # Line C
])
colors = ['#1f77b4', '#ff7f0e', '#2ca02c']

fig = plt.figure(figsize=(11, 7.5))
ax = fig.add_subplot(111, projection='3d')
dx, dy = 0.5, 0.5
for line_index, (row, color) in enumerate(zip(output_k, colors)):
    xs = np.arange(len(quarters))
    # Line A (the tallest) goes to the back row so it hides nothing
    ys = np.full(len(quarters), len(lines) - 1 - line_index)
    ax.bar3d(xs, ys, np.zeros(len(quarters)), dx, dy, row, color=color, alpha=0.85, shade=True)

# Fixed locators and formatters label 3D ticks without upsetting tight_layout
ax.xaxis.set_major_locator(FixedLocator(np.arange(len(quarters)) + dx / 2))
ax.xaxis.set_major_formatter(FixedFormatter(quarters))
ax.yaxis.set_major_locator(FixedLocator(np.arange(len(lines)) + dy / 2))
ax.yaxis.set_major_formatter(FixedFormatter(['C', 'B', 'A']))
ax.set_xlabel('Quarter', labelpad=10)
ax.set_ylabel('Assembly line', labelpad=22)
ax.set_zlabel('Units produced (thousands)', labelpad=10)
ax.set_zlim(0, 60)
ax.view_init(elev=24, azim=-58)

# bar3d collections cannot feed a legend reliably, so proxy patches stand in for them
proxies = [Patch(facecolor=c, label=name) for c, name in zip(colors, lines)]
ax.legend(handles=proxies, loc='upper left', title='Assembly line')
ax.set_title('Appliance Factory Output by Assembly Line, 2023', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
