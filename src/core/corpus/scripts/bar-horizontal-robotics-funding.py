import matplotlib.pyplot as plt
import numpy as np

# Venture funding raised in 2023 (million USD) by robotics start-ups, by application area
areas = ['Warehouse automation', 'Surgical robots', 'Autonomous trucks', 'Humanoids', 'Agricultural robots',
         'Drone delivery', 'Cleaning robots', 'Exoskeletons', 'Educational robots']
funding_musd = [4850, 2210, 1730, 1320, 640, 415, 188, 96, 42]
deals = [112, 64, 31, 18, 47, 29, 22, 15, 19]

y = np.arange(len(areas))
fig, ax = plt.subplots(figsize=(11, 6.5))
bars = ax.barh(y, funding_musd, color='#3a86ff', height=0.6)
# Funding spans two orders of magnitude: a log axis keeps the small areas visible
ax.set_xscale('log')
for yi, value, n in zip(y, funding_musd, deals):
    ax.text(value * 1.08, yi, '${:,}M ({} deals)'.format(value, n), va='center', fontsize=9)

ax.set_yticks(y)
ax.set_yticklabels(areas)
ax.invert_yaxis()
ax.set_xlim(10, 30000)
ax.set_title('Robotics Start-up Venture Funding by Application, 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Funding raised (million USD, log scale)')
ax.set_ylabel('Application area')
ax.grid(axis='x', which='both', alpha=0.3)

plt.tight_layout()
plt.savefig('chart.png')
