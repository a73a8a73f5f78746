import matplotlib.pyplot as plt
import numpy as np

# Median finishing time (minutes) of the 2023 edition of eight city marathons
marathons = ['Berlin', 'Chicago', 'London', 'Tokyo', 'Boston', 'New York', 'Paris', 'Sydney']
median_minutes = [232, 248, 259, 244, 226, 271, 262, 255]

x = np.arange(len(marathons))
mean_time = np.mean(median_minutes)
# Highlight the fastest course: Boston requires qualifying times, so its field is faster
colors = ['#2ca02c' if t == min(median_minutes) else '#1f77b4' for t in median_minutes]

fig, ax = plt.subplots(figsize=(11, 6))
ax.bar(x, median_minutes, color=colors, width=0.6, edgecolor='black', linewidth=0.6)
ax.axhline(mean_time, color='#d62728', linestyle='--', linewidth=1.5,
           label='Average of the eight races ({:.0f} min)'.format(mean_time))

ax.annotate('Qualifying times keep\nBoston the fastest field',
            xy=(4, 226), xytext=(2.0, 278),
            arrowprops=dict(arrowstyle='->', color='#2ca02c', lw=1.5),
            fontsize=10, color='#2ca02c')

ax.set_title('Median Finishing Time at Major City Marathons, 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Marathon')
ax.set_ylabel('Median finishing time (minutes)')
ax.set_xticks(x)
ax.set_xticklabels(marathons)
ax.set_ylim(180, 300)
ax.grid(axis='y', alpha=0.3)
ax.legend(loc='upper left')

plt.tight_layout()
plt.show()
