import matplotlib.pyplot as plt

# Share of active smartphones by operating system among a national panel of 12,000 users, 2024
systems = ['Android', 'iOS', 'HarmonyOS', 'KaiOS', 'Other']
shares = [61.5, 31.2, 4.1, 1.9, 1.3]
colors = ['#3ddc84', '#a2aaad', '#cf0a2c', '#6f02b5', '#ffbb78']

fig, ax = plt.subplots(figsize=(9, 7))
wedges, texts, autotexts = ax.pie(
    shares,
    colors=colors,
    autopct='%1.1f%%',
    startangle=90,
    pctdistance=0.78,
    wedgeprops=dict(edgecolor='white', linewidth=1.5),
    textprops=dict(fontsize=10),
)
# Small slices would crowd their percentage labels, so only the big ones keep them inside
for autotext, share in zip(autotexts, shares):
    if share < 5:
        autotext.set_text('')
    else:
        autotext.set_color('white')
        autotext.set_fontweight('bold')

legend_labels = ['{} ({:.1f}%)'.format(name, share) for name, share in zip(systems, shares)]
ax.legend(wedges, legend_labels, title='Operating system', loc='center left', bbox_to_anchor=(1.0, 0.5))
ax.set_title('Active Smartphones by Operating System, 2024 Panel', fontsize=14, fontweight='bold')
ax.axis('equal')

plt.tight_layout()
plt.show()
