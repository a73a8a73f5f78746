import matplotlib.pyplot as plt
import numpy as np

# Scouting grades (0-100) of two young midfielders assessed by a football club's academy
skills = ['Passing', 'Dribbling', 'Shooting', 'Tackling', 'Stamina', 'Vision', 'Heading']
player_a = [88, 76, 64, 71, 90, 85, 58]
player_b = [72, 91, 82, 49, 78, 70, 66]

angles = np.linspace(0, 2 * np.pi, len(skills), endpoint=False).tolist()
angles += angles[:1]
a_closed = player_a + player_a[:1]
b_closed = player_b + player_b[:1]

fig, ax = plt.subplots(figsize=(9, 9), subplot_kw={'projection': 'polar'})
ax.plot(angles, a_closed, color='#1d3557', linewidth=2, label='Player A (age 19)')
ax.fill(angles, a_closed, color='#1d3557', alpha=0.25)
ax.plot(angles, b_closed, color='#e63946', linewidth=2, label='Player B (age 18)')
ax.fill(angles, b_closed, color='#e63946', alpha=0.25)

ax.set_xticks(angles[:-1])
ax.set_xticklabels(skills, fontsize=11)
ax.set_ylim(0, 100)
ax.set_yticks([20, 40, 60, 80, 100])
ax.set_yticklabels(['20', '40', '60', '80', '100'], fontsize=8)
ax.legend(loc='upper right', bbox_to_anchor=(1.2, 1.1))
ax.set_title('Academy Scouting Grades of Two Midfielders', fontsize=14, fontweight='bold', pad=25)

plt.tight_layout()
plt.show()
