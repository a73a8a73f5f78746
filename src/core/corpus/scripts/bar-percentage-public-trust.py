import matplotlib.pyplot as plt
import numpy as np

# National survey of 3,000 adults: "How much do you trust each institution?" (% of respondents)
institutions = ['Courts', 'Police', 'Parliament', 'Local council', 'Civil service', 'Political parties']
high_trust = [41, 47, 19, 33, 28, 9]
some_trust = [34, 31, 36, 40, 42, 27]
low_trust = [18, 15, 30, 20, 22, 40]
no_trust = [7, 7, 15, 7, 8, 24]

answers = [('High trust', high_trust, '#1a9850'), ('Some trust', some_trust, '#a6d96a'),
           ('Low trust', low_trust, '#fdae61'), ('No trust', no_trust, '#d73027')]

x = np.arange(len(institutions))
fig, ax = plt.subplots(figsize=(12, 6.5))
bottom = np.zeros(len(institutions))
for name, values, color in answers:
    ax.bar(x, values, 0.65, bottom=bottom, label=name, color=color, edgecolor='white')
    # Each segment carries its own percentage; every stack sums to 100
    for xi, b, v in zip(x, bottom, values):
        ax.text(xi, b + v / 2, '{}%'.format(v), ha='center', va='center', fontsize=9)
    bottom += np.array(values)

ax.set_title('Public Trust in Institutions, 2024 National Survey', fontsize=14, fontweight='bold')
ax.set_xlabel('Institution')
ax.set_ylabel('Share of respondents (%)')
ax.set_xticks(x)
ax.set_xticklabels(institutions, rotation=20, ha='right')
ax.set_ylim(0, 100)
ax.legend(title='Answer', loc='upper left', bbox_to_anchor=(1.01, 1.0))

plt.tight_layout()
plt.show()
