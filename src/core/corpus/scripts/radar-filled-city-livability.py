import matplotlib.pyplot as plt
import numpy as np

# Livability index (0-10) of three mid-sized cities from a 2024 residents' survey,
# shown next to the change in overall score since 2019
dimensions = ['Housing cost', 'Safety', 'Public transport', 'Green space', 'Healthcare', 'Culture', 'Jobs']
cities = {
    'Riverton': [6.2, 8.1, 7.4, 8.8, 7.9, 6.5, 6.8],
    'Hillcrest': [4.8, 7.2, 8.6, 6.1, 8.4, 8.9, 8.2],
    'Lakeside': [7.5, 8.8, 5.2, 9.1, 6.7, 5.4, 5.9],
}
overall_2019 = [7.0, 7.1, 6.6]
colors = ['#ff7f0e', '#9467bd', '#17becf']

angles = np.linspace(0, 2 * np.pi, len(dimensions), endpoint=False).tolist()
angles += angles[:1]

fig = plt.figure(figsize=(15, 7))
ax_radar = fig.add_subplot(1, 2, 1, polar=True)
for (city, scores), color in zip(cities.items(), colors):
    closed = scores + scores[:1]
    ax_radar.plot(angles, closed, color=color, linewidth=2, label=city)
    ax_radar.fill(angles, closed, color=color, alpha=0.15)
ax_radar.set_xticks(angles[:-1])
ax_radar.set_xticklabels(dimensions, fontsize=10)
ax_radar.set_ylim(0, 10)
ax_radar.set_title('Livability by Dimension (0-10)', pad=20)
ax_radar.legend(loc='upper right', bbox_to_anchor=(1.3, 1.12))

# Overall score = mean of the seven dimensions
overall_2024 = [round(float(np.mean(s)), 2) for s in cities.values()]
ax_bar = fig.add_subplot(1, 2, 2)
x = np.arange(len(cities))
ax_bar.bar(x - 0.2, overall_2019, 0.4, label='2019', color='#c7c7c7')
ax_bar.bar(x + 0.2, overall_2024, 0.4, label='2024', color=colors)
ax_bar.set_xticks(x)
ax_bar.set_xticklabels(list(cities))
ax_bar.set_ylim(0, 10)
ax_bar.set_xlabel('City')
ax_bar.set_ylabel('Overall livability score')
ax_bar.set_title('Overall Score, 2019 vs 2024')
ax_bar.legend(loc='upper right')

fig.suptitle('Livability of Three Mid-Sized Cities, 2024 Survey', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
