import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.patches import Patch

# Co-authored articles (2019-2023) among researchers of a sociology department's three groups
groups = {
    'Migration': ['Alvarez', 'Becker', 'Chen', 'Diallo'],
    'Urban studies': ['Eriksen', 'Fontaine', 'Gupta'],
    'Family & ageing': ['Hoffmann', 'Ivanova', 'Jensen', 'Kato'],
}
coauthored = [
    ('Alvarez', 'Becker', 6), ('Alvarez', 'Chen', 4), ('Becker', 'Diallo', 3), ('Chen', 'Diallo', 5),
    ('Eriksen', 'Fontaine', 7), ('Fontaine', 'Gupta', 4), ('Eriksen', 'Gupta', 2),
    ('Hoffmann', 'Ivanova', 5), ('Ivanova', 'Jensen', 3), ('Jensen', 'Kato', 6), ('Hoffmann', 'Kato', 2),
    ('Chen', 'Gupta', 2), ('Diallo', 'Hoffmann', 1), ('Fontaine', 'Jensen', 3),
]
palette = {'Migration': '#ef476f', 'Urban studies': '#118ab2', 'Family & ageing': '#06d6a0'}
group_of = {person: group for group, people in groups.items() for person in people}

G = nx.Graph()
G.add_nodes_from(group_of)
G.add_weighted_edges_from(coauthored)

# Nodes were added group by group, so a circular layout keeps each group on one arc
pos = nx.circular_layout(G)
fig, ax = plt.subplots(figsize=(10, 9))
nx.draw_networkx_edges(G, pos, ax=ax, width=[G[u][v]['weight'] for u, v in G.edges()],
                       edge_color='#adb5bd')
nx.draw_networkx_nodes(G, pos, ax=ax, node_size=1400, node_color=[palette[group_of[n]] for n in G.nodes()])
nx.draw_networkx_labels(G, pos, ax=ax, font_size=8)
nx.draw_networkx_edge_labels(G, pos, ax=ax, edge_labels={(a, b): w for a, b, w in coauthored}, font_size=8,
                             label_pos=0.3)

ax.legend(handles=[Patch(color=c, label=g) for g, c in palette.items()], title='Research group',
          loc='upper left', bbox_to_anchor=(0.0, 1.0))
ax.set_title('Co-authorship Network of a Sociology Department, 2019-2023', fontsize=14, fontweight='bold')
ax.axis('off')
plt.tight_layout()
plt.show()
