import matplotlib.pyplot as plt
import networkx as nx

# Weekly non-stop flights on the routes of a regional airline (undirected: both directions summed)
routes = [
    ('Lisbon', 'Madrid', 28), ('Lisbon', 'Porto', 35), ('Lisbon', 'Paris', 21), ('Madrid', 'Barcelona', 42),
    ('Madrid', 'Paris', 18), ('Barcelona', 'Rome', 16), ('Barcelona', 'Paris', 14), ('Paris', 'Brussels', 12),
    ('Rome', 'Milan', 24), ('Milan', 'Paris', 15), ('Porto', 'Madrid', 10), ('Lisbon', 'Funchal', 19),
    ('Madrid', 'Seville', 22), ('Seville', 'Barcelona', 11),
]

G = nx.Graph()
for a, b, flights in routes:
    G.add_edge(a, b, weight=flights)
weekly = {city: sum(d['weight'] for _, _, d in G.edges(city, data=True)) for city in G.nodes()}

fig, (ax_net, ax_bar) = plt.subplots(1, 2, figsize=(15, 7), gridspec_kw={'width_ratios': [3, 2]})
pos = nx.spring_layout(G, seed=42, weight='weight')
nx.draw_networkx_edges(G, pos, ax=ax_net, width=[G[u][v]['weight'] / 7 for u, v in G.edges()],
                       edge_color='#90a4ae')
nx.draw_networkx_nodes(G, pos, ax=ax_net, node_size=[weekly[c] * 14 for c in G.nodes()],
                       node_color='#ffb703', edgecolors='#fb8500')
nx.draw_networkx_labels(G, pos, ax=ax_net, font_size=9)
ax_net.set_title('Route Network (edge width = weekly flights)')
ax_net.axis('off')

# Busiest airports first
ranked = sorted(weekly.items(), key=lambda item: item[1], reverse=True)
cities = [c for c, _ in ranked]
counts = [n for _, n in ranked]
ax_bar.barh(cities, counts, color='#219ebc')
ax_bar.invert_yaxis()
for i, n in enumerate(counts):
    ax_bar.text(n + 1, i, str(n), va='center', fontsize=9)
ax_bar.set_title('Weekly Flights per Airport')
ax_bar.set_xlabel('Non-stop flights per week')
ax_bar.set_xlim(0, max(counts) + 20)

fig.suptitle('Regional Airline Network, Summer 2024 Schedule', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
