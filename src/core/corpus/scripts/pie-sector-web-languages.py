import matplotlib.pyplot as plt

# Share of the top 10 million websites by content language (%), January 2024 crawl
languages = ['English', 'Spanish', 'German', 'Japanese', 'French', 'Russian', 'Other']
share_pct = [52.1, 5.5, 4.8, 4.6, 4.3, 4.1, 24.6]
colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#c7c7c7']
# Pull English out of the pie: the story of the chart is its dominance
explode = [0.12, 0, 0, 0, 0, 0, 0.04]

fig, ax = plt.subplots(figsize=(10, 7))
wedges, texts, autotexts = ax.pie(
    share_pct,
    labels=languages,
    colors=colors,
    explode=explode,
    autopct='%1.1f%%',
    startangle=90,
    shadow=True,
    labeldistance=1.08,
    pctdistance=0.72,
)
for autotext in autotexts:
    autotext.set_fontsize(9)
    autotext.set_color('white')

ax.set_title('Top 10 Million Websites by Content Language, 2024', fontsize=14, fontweight='bold')
ax.axis('equal')
ax.legend(wedges, ['{}: {}%'.format(lang, pct) for lang, pct in zip(languages, share_pct)],
          loc='center left', bbox_to_anchor=(1.02, 0.5), title='Language')

plt.tight_layout()
plt.show()
