import matplotlib.pyplot as plt
import numpy as np
from scipy.interpolate import make_interp_spline

# Paid subscribers (millions) of an independent film streaming service, by half-year
periods = ['H1 2020', 'H2 2020', 'H1 2021', 'H2 2021', 'H1 2022', 'H2 2022', 'H1 2023', 'H2 2023']
subscribers = [1.8, 2.6, 3.1, 3.9, 4.4, 4.7, 5.6, 6.3]
# New original films released in each half-year
originals = [3, 4, 6, 5, 8, 7, 9, 12]

x = np.arange(len(periods))
growth = [0.0] + [round((b - a) / a * 100, 1) for a, b in zip(subscribers[:-1], subscribers[1:])]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(14, 6))

x_smooth = np.linspace(x.min(), x.max(), 200)
spline = make_interp_spline(x, subscribers, k=2)
ax1.plot(x_smooth, spline(x_smooth), color='#e50914', linewidth=2, label='Trend (spline)')
ax1.plot(x, subscribers, 'o', color='#831010', label='Reported subscribers')
for xi, value in zip(x, subscribers):
    ax1.annotate('{:.1f}M'.format(value), (xi, value), textcoords='offset points', xytext=(0, 8),
                 ha='center', fontsize=9)
ax1.set_title('Paid Subscribers')
ax1.set_xlabel('Half-year')
ax1.set_ylabel('Subscribers (millions)')
ax1.set_xticks(x)
ax1.set_xticklabels(periods, rotation=35, ha='right')
ax1.set_ylim(0, 7.5)
ax1.legend(loc='upper left')
ax1.grid(alpha=0.3)

ax2.plot(x, originals, marker='s', color='#221f1f', linewidth=2, label='Original releases')
for xi, count in zip(x, originals):
    ax2.annotate(str(count), (xi, count), textcoords='offset points', xytext=(0, 8), ha='center', fontsize=9)
ax2.set_title('Original Films Released')
ax2.set_xlabel('Half-year')
ax2.set_ylabel('Number of films')
ax2.set_xticks(x)
ax2.set_xticklabels(periods, rotation=35, ha='right')
ax2.set_ylim(0, 14)
ax2.legend(loc='upper left')
ax2.grid(alpha=0.3)

fig.suptitle('Independent Film Streaming Service Growth, 2020-2023', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
