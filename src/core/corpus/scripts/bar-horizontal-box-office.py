import matplotlib.pyplot as plt

# Worldwide box-office gross (million USD) of the ten highest-grossing animated films of a studio
films = ['Sky Lanterns', 'The Copper Fox', 'Moonwell', 'Harbor of Giants', 'Little Ember',
         'Paper Kingdoms', 'The Last Glacier', 'Tin Orchestra', 'Night Garden', 'Dune Runners']
gross_musd = [1042, 876, 812, 745, 698, 611, 587, 534, 472, 430]

# Sort ascending so the largest bar ends up at the top of a horizontal chart
pairs = sorted(zip(gross_musd, films))
values = [p[0] for p in pairs]
names = [p[1] for p in pairs]

fig, ax = plt.subplots(figsize=(11, 7))
bars = ax.barh(names, values, color='#6a4c93', height=0.6)
bars[-1].set_color('#ff595e')
ax.bar_label(bars, labels=['${:,}M'.format(v) for v in values], padding=4, fontsize=9)

ax.set_title("A Studio's Top 10 Animated Films by Worldwide Gross", fontsize=14, fontweight='bold')
ax.set_xlabel('Worldwide box-office gross (million USD)')
ax.set_ylabel('Film')
ax.set_xlim(0, 1200)
ax.grid(axis='x', alpha=0.3)

plt.tight_layout()
plt.show()
