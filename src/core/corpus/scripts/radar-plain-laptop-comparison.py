import matplotlib.pyplot as plt
import numpy as np

# Reviewer scores (0-10) of three 14-inch laptops from a computing magazine's 2024 test
criteria = ['CPU speed', 'GPU speed', 'Battery life', 'Display', 'Keyboard', 'Portability', 'Price value']
laptops = {
    'Aero 14': [8.5, 6.0, 9.0, 8.0, 7.5, 9.0, 6.5],
    'Forge Pro 14': [9.5, 9.0, 5.5, 8.5, 8.0, 6.0, 5.0],
    'Nimbus Air': [6.5, 5.0, 8.0, 7.0, 6.5, 9.5, 9.0],
}
colors = ['#0077b6', '#d00000', '#2d6a4f']

# Repeat the first angle at the end so each polygon closes
angles = np.linspace(0, 2 * np.pi, len(criteria), endpoint=False).tolist()
angles += angles[:1]

fig, ax = plt.subplots(figsize=(9, 9), subplot_kw=dict(polar=True))
for (name, scores), color in zip(laptops.items(), colors):
    values = scores + scores[:1]
    ax.plot(angles, values, color=color, linewidth=2.2, marker='o', label=name)

ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)
ax.set_xticks(angles[:-1])
ax.set_xticklabels(criteria, fontsize=11)
ax.set_ylim(0, 10)
ax.set_yticks([2, 4, 6, 8, 10])
ax.set_yticklabels(['2', '4', '6', '8', '10'], fontsize=8, color='#666666')
ax.set_rlabel_position(180 / len(criteria))
ax.legend(loc='upper right', bbox_to_anchor=(1.25, 1.1), title='Laptop')
ax.set_title('14-inch Laptop Review Scores, 2024', fontsize=14, fontweight='bold', pad=25)

plt.tight_layout()
plt.show()
