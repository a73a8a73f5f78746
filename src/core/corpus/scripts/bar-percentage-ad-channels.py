import matplotlib.pyplot as plt
import numpy as np

# Advertising budget (thousand USD) of a consumer brand by channel, per year
years = ['2020', '2021', '2022', '2023']
channels = ['Television', 'Search', 'Social media', 'Print', 'Influencers']
budget_k = np.array([
    [820, 760, 640, 590],   # Television
    [410, 470, 520, 560],   # Search
    [260, 380, 510, 640],   # Social media
    [190, 150, 110, 80],    # Print
    [40, 90, 170, 250],     # Influencers
])
colors = ['#4e79a7', '#f28e2b', '#e15759', '#bab0ac', '#b07aa1']

# Normalise each year to 100% so the shift in channel mix is visible despite budget growth
shares = budget_k / budget_k.sum(axis=0) * 100
x = np.arange(len(years))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(14, 6), gridspec_kw={'width_ratios': [2, 1]})
bottom = np.zeros(len(years))
for name, row, color in zip(channels, shares, colors):
    ax1.bar(x, row, 0.6, bottom=bottom, label=name, color=color)
    for xi, b, v in zip(x, bottom, row):
        if v >= 5:
            ax1.text(xi, b + v / 2, '{:.0f}%'.format(v), ha='center', va='center', color='white', fontsize=9)
    bottom += row
ax1.set_title('Channel Share of Budget (%)')
ax1.set_xlabel('Year')
ax1.set_ylabel('Share of advertising budget (%)')
ax1.set_xticks(x)
ax1.set_xticklabels(years)
ax1.set_ylim(0, 100)
ax1.legend(title='Channel', loc='upper left', bbox_to_anchor=(1.01, 1.0))

ax2.plot(x, budget_k.sum(axis=0), marker='o', color='#59a14f', linewidth=2)
ax2.set_title('Total Budget')
ax2.set_xlabel('Year')
ax2.set_ylabel('Total budget (thousand USD)')
ax2.set_xticks(x)
ax2.set_xticklabels(years)
ax2.set_ylim(1500, 2300)
ax2.grid(alpha=0.3)

fig.suptitle('Consumer Brand Advertising Mix, 2020-2023', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
