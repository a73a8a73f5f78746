import matplotlib.pyplot as plt
import numpy as np

# Municipal waste of a city of 600,000 people (thousand tonnes) by treatment, 2015-2023,
# and the recycling rate (% of all waste recycled or composted)
years = np.arange(2015, 2024)
landfill = [148, 141, 133, 121, 110, 101, 92, 84, 75]
incineration = [62, 64, 66, 69, 71, 72, 73, 72, 71]
recycling = [58, 63, 69, 75, 82, 86, 92, 97, 103]
composting = [14, 16, 19, 22, 25, 29, 32, 35, 39]

recycling_rate = [round((r + c) / (l + i + r + c) * 100, 1)
                  for l, i, r, c in zip(landfill, incineration, recycling, composting)]

fig, ax = plt.subplots(figsize=(12, 6.5))
ax.stackplot(years, landfill, incineration, recycling, composting,
             labels=['Landfill', 'Incineration', 'Recycling', 'Composting'],
             colors=['#7f7f7f', '#d62728', '#1f77b4', '#2ca02c'], alpha=0.8)
ax.set_xlabel('Year')
ax.set_ylabel('Waste treated (thousand tonnes)')
ax.set_xlim(2015, 2023)
ax.set_ylim(0, 330)
ax.set_xticks(years)

# The recycling rate is a percentage, so it is drawn against a second axis
ax_rate = ax.twinx()
ax_rate.plot(years, recycling_rate, color='black', marker='o', linewidth=2, label='Recycling rate (%)')
ax_rate.set_ylabel('Recycled or composted (%)')
ax_rate.set_ylim(0, 60)

handles, labels = ax.get_legend_handles_labels()
rate_handles, rate_labels = ax_rate.get_legend_handles_labels()
ax.legend(handles + rate_handles, labels + rate_labels, loc='upper left', bbox_to_anchor=(1.15, 1.0))
ax.set_title('Municipal Waste by Treatment and Recycling Rate, 2015-2023', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
