import matplotlib.pyplot as plt
from matplotlib.patches import Polygon

# Candidates at each stage of a hospital's nurse recruitment campaign, spring 2024
stages = ['Applications', 'Screened', 'Phone interview', 'Panel interview', 'Offer made', 'Hired']
candidates = [1240, 610, 352, 164, 71, 58]
colors = ['#ffbe0b', '#fb5607', '#ff006e', '#8338ec', '#3a86ff', '#06d6a0']

fig, ax = plt.subplots(figsize=(10, 7.5))
max_width = float(candidates[0])
# Each stage is a trapezoid from its own width down to the next stage's width
for i, (stage, n) in enumerate(zip(stages, candidates)):
    top = n / max_width
    bottom = (candidates[i + 1] if i + 1 < len(candidates) else n) / max_width
    y_top, y_bottom = len(stages) - i, len(stages) - i - 1
    polygon = Polygon([(-top / 2, y_top), (top / 2, y_top), (bottom / 2, y_bottom), (-bottom / 2, y_bottom)],
                      closed=True, facecolor=colors[i], edgecolor='white', linewidth=2, label=stage)
    ax.add_patch(polygon)
    ax.text(0.58, y_top - 0.5, '{}: {:,}'.format(stage, n), va='center', fontsize=11)

ax.annotate('Only {:.1f}% of applicants\nwere hired'.format(candidates[-1] / candidates[0] * 100),
            xy=(0.03, 0.5), xytext=(-0.95, 1.6), fontsize=10,
            arrowprops=dict(arrowstyle='->', color='black'))
ax.set_xlim(-1.0, 1.3)
ax.set_ylim(0, len(stages) + 0.2)
ax.axis('off')
ax.set_title('Nurse Recruitment Funnel, Spring 2024', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
