import matplotlib.pyplot as plt
import numpy as np
from scipy.interpolate import make_interp_spline

# Daily unique visitors (thousands) of a recipe blog over the 14 days around a viral video
days = list(range(1, 15))
visitors_k = [12.4, 12.9, 13.1, 12.7, 14.0, 38.6, 71.2, 64.5, 47.8, 36.1, 29.4, 25.8, 23.9, 22.7]
baseline_k = 13.0

fig, ax = plt.subplots(figsize=(11, 6))
smooth_days = np.linspace(1, 14, 300)
smooth = make_interp_spline(days, visitors_k, k=3)(smooth_days)
ax.fill_between(smooth_days, smooth, color='#ff6b6b', alpha=0.35)
ax.plot(smooth_days, smooth, color='#c0392b', linewidth=2, label='Daily unique visitors')
ax.plot(days, visitors_k, 'o', color='#c0392b', markersize=4)
ax.axhline(baseline_k, color='#34495e', linestyle='--', linewidth=1.2, label='Pre-video baseline (13k)')

peak_day = days[visitors_k.index(max(visitors_k))]
ax.annotate('Peak: {:.1f}k visitors'.format(max(visitors_k)), xy=(peak_day, max(visitors_k)),
            xytext=(peak_day + 2.5, 68), arrowprops=dict(arrowstyle='->', color='black'), fontsize=10)
ax.annotate('Video posted', xy=(6, 38.6), xytext=(2, 45),
            arrowprops=dict(arrowstyle='->', color='black'), fontsize=10)

ax.set_title('Recipe Blog Traffic Around a Viral Video', fontsize=14, fontweight='bold')
ax.set_xlabel('Day')
ax.set_ylabel('Unique visitors (thousands)')
ax.set_xticks(days)
ax.set_xlim(1, 14)
ax.set_ylim(0, 80)
ax.legend(loc='upper right')
ax.grid(alpha=0.3)

plt.tight_layout()
plt.show()
