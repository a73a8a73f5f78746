import random

import matplotlib.pyplot as plt

# Flipper length (mm) and body mass (g) of penguins measured on three islands during a 2023
# field season. The individual birds are simulated from each colony's published means and
# spreads with a fixed seed, so the chart is the same on every run.
random.seed(42)
colonies = {
    'Adelie (Torgersen)': {'n': 40, 'flipper': (190, 6), 'mass': (3700, 420), 'color': '#ff7f0e'},
    'Chinstrap (Dream)': {'n': 35, 'flipper': (196, 7), 'mass': (3730, 380), 'color': '#9467bd'},
    'Gentoo (Biscoe)': {'n': 45, 'flipper': (217, 6), 'mass': (5080, 500), 'color': '#2ca02c'},
}

fig, ax = plt.subplots(figsize=(11, 7))
for name, colony in colonies.items():
    flippers = [random.gauss(*colony['flipper']) for _ in range(colony['n'])]
    masses = [random.gauss(*colony['mass']) for _ in range(colony['n'])]
    ax.scatter(flippers, masses, s=36, color=colony['color'], alpha=0.75, edgecolors='white',
               linewidths=0.5, label='{} (n={})'.format(name, colony['n']))
    mean_flipper = colony['flipper'][0]
    mean_mass = colony['mass'][0]
    ax.scatter([mean_flipper], [mean_mass], s=180, marker='X', color=colony['color'], edgecolors='black')

ax.text(222, 3150, 'X = colony mean', fontsize=9)
ax.set_title('Penguin Flipper Length vs. Body Mass by Colony, 2023 Field Season',
             fontsize=14, fontweight='bold')
ax.set_xlabel('Flipper length (mm)')
ax.set_ylabel('Body mass (g)')
ax.set_xlim(170, 240)
ax.set_ylim(2500, 6500)
ax.grid(alpha=0.3)
ax.legend(title='Species (island)', loc='upper left')

plt.tight_layout()
plt.show()
