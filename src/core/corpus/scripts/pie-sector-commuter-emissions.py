import matplotlib.pyplot as plt

# Share (%) of a metropolitan area's commuting CO2 emissions by mode, 2023 travel survey.
# The modes cover the whole total, but the chart shows them as a half-circle sector.
modes = ['Private car', 'Ride-hailing', 'Bus', 'Commuter rail', 'Motorcycle']
emission_share = [68.0, 9.5, 12.5, 6.0, 4.0]
colors = ['#e15759', '#f28e2b', '#4e79a7', '#76b7b2', '#b07aa1']

fig, ax = plt.subplots(figsize=(10, 6.5))
# Scaling the shares to half of the circle turns the pie into a 180-degree sector
half_circle = [share / 200.0 for share in emission_share]
wedges, texts, autotexts = ax.pie(
    half_circle,
    colors=colors,
    startangle=180,
    counterclock=False,
    normalize=False,
    autopct=lambda pct: '{:.1f}%'.format(pct * 2),
    pctdistance=0.75,
    wedgeprops=dict(edgecolor='white', linewidth=2),
)
for autotext in autotexts:
    autotext.set_color('white')
    autotext.set_fontweight('bold')

ax.set_title(r'Commuting $\mathrm{CO_2}$ Emissions by Travel Mode, 2023', fontsize=14, fontweight='bold')
ax.legend(wedges, modes, title='Mode', loc='lower center', bbox_to_anchor=(0.5, 0.05), ncol=5)
ax.set_ylim(-0.35, 1.1)
ax.set_xlim(-1.1, 1.1)
ax.set_aspect('equal')

plt.tight_layout()
plt.show()
