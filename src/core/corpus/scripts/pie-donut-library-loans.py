import math

import matplotlib.pyplot as plt

# Loans recorded by a city library network in 2023, by format (thousands of loans)
formats = ['Print fiction', 'Print non-fiction', 'E-books', 'Audiobooks', "Children's books", 'Magazines']
loans_k = [412, 268, 305, 187, 356, 74]
colors = plt.cm.Set2.colors[:len(formats)]

fig, ax = plt.subplots(figsize=(10, 7))
wedges, texts = ax.pie(loans_k, colors=colors, startangle=120,
                       wedgeprops=dict(width=0.35, edgecolor='white'))

# Labels sit outside the ring, joined to their wedge by a short leader line
for wedge, name, value in zip(wedges, formats, loans_k):
    angle = (wedge.theta2 + wedge.theta1) / 2.0
    x = math.cos(math.radians(angle))
    y = math.sin(math.radians(angle))
    ha = 'left' if x >= 0 else 'right'
    ax.annotate('{}\n{}k loans'.format(name, value), xy=(0.83 * x, 0.83 * y), xytext=(1.3 * x, 1.25 * y),
                ha=ha, va='center', fontsize=10,
                arrowprops=dict(arrowstyle='-', color='#666666', connectionstyle='arc3'))

total = sum(loans_k)
ax.text(0, 0, 'Total\n{:,}k'.format(total), ha='center', va='center', fontsize=16, fontweight='bold')
ax.set_title('City Library Loans by Format, 2023', fontsize=14, fontweight='bold', pad=30)
ax.axis('equal')

plt.tight_layout()
plt.show()
