import matplotlib.pyplot as plt
import numpy as np

# Weekly listening hours per subscriber on a music streaming app, by content type, 2023
months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
music = [9.8, 9.6, 9.9, 10.2, 10.6, 11.1, 11.8, 12.0, 10.9, 10.4, 10.1, 12.6]
podcasts = [2.9, 3.0, 3.1, 3.1, 3.2, 3.0, 2.7, 2.6, 3.3, 3.5, 3.6, 3.2]
audiobooks = [0.6, 0.7, 0.7, 0.8, 0.8, 0.9, 1.1, 1.2, 0.9, 1.0, 1.0, 1.3]
live_radio = [0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.7, 0.8, 0.8, 0.9]

x = np.arange(len(months))
labels = ['Music', 'Podcasts', 'Audiobooks', 'Live radio']
colors = ['#6a4c93', '#1982c4', '#8ac926', '#ffca3a']

fig, ax = plt.subplots(figsize=(12, 6.5))
ax.stackplot(x, music, podcasts, audiobooks, live_radio, labels=labels, colors=colors, alpha=0.85)
totals = [sum(v) for v in zip(music, podcasts, audiobooks, live_radio)]
ax.plot(x, totals, color='black', linewidth=1, linestyle=':')
ax.text(10.9, totals[-1] + 0.4, 'Holiday peak\n{:.1f} h'.format(totals[-1]), ha='right', fontsize=9)

ax.set_title('Weekly Listening Hours per Subscriber by Content Type, 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Month')
ax.set_ylabel('Hours per week')
ax.set_xticks(x)
ax.set_xticklabels(months)
ax.set_xlim(0, 11)
ax.set_ylim(0, 20)
ax.legend(loc='upper left', title='Content type')
ax.grid(axis='y', alpha=0.3)

plt.tight_layout()
plt.show()
