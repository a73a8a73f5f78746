import matplotlib.pyplot as plt

# Share of concert tickets sold by genre at a national festival circuit: 2019 (inner) vs 2024 (outer)
genres = ['Rock', 'Pop', 'Electronic', 'Hip-hop', 'Jazz', 'Classical']
tickets_2019 = [31, 27, 14, 12, 9, 7]
tickets_2024 = [22, 29, 19, 18, 7, 5]
colors = ['#e15759', '#ff9da7', '#4e79a7', '#f28e2b', '#b07aa1', '#9c755f']

fig, ax = plt.subplots(figsize=(10, 8))
ring_2024, _, _ = ax.pie(tickets_2024, radius=1.0, colors=colors, startangle=90, counterclock=False,
                         autopct='%1.0f%%', pctdistance=0.86,
                         wedgeprops=dict(width=0.25, edgecolor='white'))
ring_2019, _, _ = ax.pie(tickets_2019, radius=0.72, colors=colors, startangle=90, counterclock=False,
                         autopct='%1.0f%%', pctdistance=0.8,
                         wedgeprops=dict(width=0.25, edgecolor='white', alpha=0.75))

ax.text(0, 0, 'inner: 2019\nouter: 2024', ha='center', va='center', fontsize=11)
ax.legend(ring_2024, genres, title='Genre', loc='center left', bbox_to_anchor=(1.0, 0.5))
ax.set_title('Festival Ticket Sales by Genre, 2019 vs 2024 (%)', fontsize=14, fontweight='bold')
ax.axis('equal')

plt.tight_layout()
plt.show()
