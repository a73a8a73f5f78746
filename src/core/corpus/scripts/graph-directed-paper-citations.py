import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.lines import Line2D

# Citations among twelve papers on battery electrode materials (an edge A -> B: A cites B)
papers = {
    'P1': 2014, 'P2': 2015, 'P3': 2016, 'P4': 2016, 'P5': 2017, 'P6': 2018,
    'P7': 2019, 'P8': 2019, 'P9': 2020, 'P10': 2021, 'P11': 2022, 'P12': 2023,
}
citations = [
    ('P3', 'P1'), ('P4', 'P1'), ('P4', 'P2'), ('P5', 'P3'), ('P6', 'P1'), ('P6', 'P4'),
    ('P7', 'P5'), ('P7', 'P6'), ('P8', 'P2'), ('P8', 'P6'), ('P9', 'P7'), ('P9', 'P1'),
    ('P10', 'P9'), ('P10', 'P8'), ('P11', 'P10'), ('P11', 'P6'), ('P12', 'P11'), ('P12', 'P9'),
]

G = nx.DiGraph()
G.add_nodes_from(papers)
G.add_edges_from(citations)
in_degree = dict(G.in_degree())

pos = nx.circular_layout(G)
fig, ax = plt.subplots(figsize=(10, 9))
# Node size grows with the number of citations received
sizes = [500 + 450 * in_degree[n] for n in G.nodes()]
colors = ['#e76f51' if papers[n] < 2018 else '#2a9d8f' for n in G.nodes()]
nx.draw_networkx_nodes(G, pos, ax=ax, node_size=sizes, node_color=colors, edgecolors='black')
nx.draw_networkx_edges(G, pos, ax=ax, node_size=sizes, arrows=True, arrowstyle='-|>', arrowsize=15,
                       edge_color='#6c757d', width=1.3)
nx.draw_networkx_labels(G, pos, ax=ax, labels={n: '{}\n{}'.format(n, papers[n]) for n in G.nodes()},
                        font_size=8)

legend_items = [Line2D([0], [0], marker='o', color='w', markerfacecolor='#e76f51', markersize=12,
                       label='Published before 2018'),
                Line2D([0], [0], marker='o', color='w', markerfacecolor='#2a9d8f', markersize=12,
                       label='Published 2018 or later')]
ax.legend(handles=legend_items, loc='lower left')
ax.set_title('Citation Network of Battery Electrode Papers (node size = times cited)',
             fontsize=13, fontweight='bold')
ax.axis('off')
plt.tight_layout()
plt.show()
