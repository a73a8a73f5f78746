import matplotlib.pyplot as plt
import networkx as nx

# Monthly shipments (truckloads) between the sites of a bicycle manufacturer's supply chain
shipments = [
    ('Steel mill', 'Frame plant', 42),
    ('Rubber supplier', 'Wheel plant', 18),
    ('Frame plant', 'Assembly hub', 40),
    ('Wheel plant', 'Assembly hub', 24),
    ('Electronics vendor', 'Assembly hub', 9),
    ('Assembly hub', 'North warehouse', 31),
    ('Assembly hub', 'South warehouse', 27),
    ('North warehouse', 'Retail stores', 22),
    ('South warehouse', 'Retail stores', 19),
    ('South warehouse', 'Online orders', 8),
    ('North warehouse', 'Online orders', 7),
]
# Tier of each site in the chain, from raw materials (0) to customers (4)
tiers = {'Steel mill': 0, 'Electronics vendor': 0, 'Rubber supplier': 0, 'Frame plant': 1, 'Wheel plant': 1,
         'Assembly hub': 2, 'North warehouse': 3, 'South warehouse': 3, 'Retail stores': 4, 'Online orders': 4}
tier_colors = ['#8d99ae', '#ef8354', '#d90429', '#2b9348', '#3a86ff']

G = nx.DiGraph()
for site, tier in tiers.items():
    G.add_node(site, tier=tier)
for source, target, loads in shipments:
    G.add_edge(source, target, weight=loads)

# One column per tier, so every shipment flows left to right
pos = nx.multipartite_layout(G, subset_key='tier')
fig, ax = plt.subplots(figsize=(14, 8))
nx.draw_networkx_nodes(G, pos, ax=ax, node_size=3000, node_color=[tier_colors[tiers[n]] for n in G.nodes()])
widths = [G[u][v]['weight'] / 8 for u, v in G.edges()]
nx.draw_networkx_edges(G, pos, ax=ax, width=widths, arrows=True, arrowstyle='-|>', arrowsize=18,
                       edge_color='#555555', node_size=3000)
# Two-line labels fit inside the nodes
nx.draw_networkx_labels(G, pos, ax=ax, labels={n: n.replace(' ', '\n') for n in G.nodes()}, font_size=8)
nx.draw_networkx_edge_labels(G, pos, ax=ax, edge_labels={(u, v): w for u, v, w in shipments}, font_size=8, label_pos=0.4)

ax.set_title('Bicycle Supply Chain: Monthly Truckloads Between Sites', fontsize=14, fontweight='bold')
ax.axis('off')
plt.tight_layout()
plt.show()
