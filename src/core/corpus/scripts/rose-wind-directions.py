import matplotlib.pyplot as plt
import numpy as np

# Share of hours (%) the wind blew from each of 8 directions at a proposed wind-farm site,
# split by wind speed class, from one year of mast measurements
directions = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']
calm = [3.1, 2.4, 2.0, 2.6, 3.3, 4.0, 3.6, 2.9]          # below 4 m/s
moderate = [4.2, 2.8, 2.1, 3.0, 5.1, 9.4, 8.7, 4.6]      # 4-8 m/s
strong = [1.8, 0.9, 0.6, 1.1, 2.7, 8.9, 7.6, 2.6]        # above 8 m/s

theta = np.deg2rad(np.arange(0, 360, 45))
width = np.deg2rad(40)

fig, ax = plt.subplots(figsize=(9, 9), subplot_kw=dict(polar=True))
ax.set_theta_zero_location('N')
ax.set_theta_direction(-1)
bottom = np.zeros(len(directions))
for label, values, color in [('< 4 m/s', calm, '#caf0f8'), ('4-8 m/s', moderate, '#48cae4'),
                             ('> 8 m/s', strong, '#023e8a')]:
    ax.bar(theta, values, width=width, bottom=bottom, color=color, edgecolor='gray', label=label)
    bottom += np.array(values)

ax.set_xticks(theta)
ax.set_xticklabels(directions, fontsize=12)
ax.set_ylim(0, 25)
ax.set_rlabel_position(22.5)
ax.set_yticks([5, 10, 15, 20])
ax.set_yticklabels(['5%', '10%', '15%', '20%'], fontsize=8)
ax.legend(title='Wind speed', loc='upper right', bbox_to_anchor=(1.2, 1.1))
ax.set_title('Wind Rose at the Proposed Hilltop Wind-Farm Site', fontsize=14, fontweight='bold', pad=25)

plt.tight_layout()
plt.savefig('chart.png')
