import matplotlib.pyplot as plt
import numpy as np

# Final maths exam scores (out of 100) of four secondary-school classes taught with different methods.
# Scores are simulated from each class's observed mean and spread, with a fixed seed.
np.random.seed(2024)
methods = ['Lecture', 'Flipped classroom', 'Project-based', 'Peer tutoring']
means = [64, 71, 68, 74]
spreads = [12, 9, 15, 8]
class_sizes = [28, 30, 26, 29]
scores = [np.clip(np.random.normal(m, s, n), 20, 100) for m, s, n in zip(means, spreads, class_sizes)]

fig, (ax_box, ax_violin) = plt.subplots(1, 2, figsize=(14, 6), sharey=True)
colors = ['#8ecae6', '#219ebc', '#ffb703', '#fb8500']

box = ax_box.boxplot(scores, patch_artist=True, widths=0.55, showmeans=True,
                     medianprops=dict(color='black', linewidth=1.5))
for patch, color in zip(box['boxes'], colors):
    patch.set_facecolor(color)
ax_box.set_xticks([1, 2, 3, 4])
ax_box.set_xticklabels(methods, rotation=15)
ax_box.set_title('Box Plot (triangle = mean)')
ax_box.set_xlabel('Teaching method')
ax_box.set_ylabel('Exam score (out of 100)')
ax_box.axhline(50, color='#d62828', linestyle='--', linewidth=1)
ax_box.text(4.45, 51, 'Pass mark', color='#d62828', ha='right', fontsize=9)

# The violin shows the shape of each distribution that the box plot summarises
parts = ax_violin.violinplot(scores, showmedians=True)
for body, color in zip(parts['bodies'], colors):
    body.set_facecolor(color)
    body.set_alpha(0.7)
ax_violin.set_xticks([1, 2, 3, 4])
ax_violin.set_xticklabels(methods, rotation=15)
ax_violin.set_title('Violin Plot')
ax_violin.set_xlabel('Teaching method')

fig.suptitle('Final Maths Exam Scores by Teaching Method', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
