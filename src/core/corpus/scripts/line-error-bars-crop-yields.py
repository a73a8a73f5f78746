import matplotlib.pyplot as plt
import numpy as np

# Wheat yield (tonnes per hectare) on trial plots under two irrigation schemes, 2016-2023.
# Error bars are the standard deviation across 12 plots; the band is the regional average range.
years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
drip = [5.8, 6.1, 5.4, 6.5, 6.9, 6.2, 7.1, 7.4]
drip_sd = [0.4, 0.3, 0.5, 0.4, 0.3, 0.5, 0.4, 0.3]
flood = [5.2, 5.5, 4.6, 5.6, 5.9, 5.1, 5.8, 6.0]
flood_sd = [0.5, 0.4, 0.6, 0.5, 0.4, 0.6, 0.5, 0.5]
regional_low = [4.1, 4.3, 3.6, 4.4, 4.6, 4.0, 4.5, 4.7]
regional_high = [5.6, 5.9, 5.0, 6.0, 6.3, 5.5, 6.2, 6.4]

fig, ax = plt.subplots(figsize=(10, 6))
ax.fill_between(years, regional_low, regional_high, color='#bcbd22', alpha=0.2,
                label='Regional farm range')
ax.errorbar(years, drip, yerr=drip_sd, fmt='-o', color='#1f77b4', ecolor='#1f77b4',
            elinewidth=1.2, capsize=5, linewidth=2, label='Drip irrigation')
ax.errorbar(years, flood, yerr=flood_sd, fmt='--s', color='#ff7f0e', ecolor='#ff7f0e',
            elinewidth=1.2, capsize=5, linewidth=2, label='Flood irrigation')

ax.set_title('Wheat Yield on Trial Plots by Irrigation Scheme', fontsize=14, fontweight='bold')
ax.set_xlabel('Harvest year')
ax.set_ylabel('Yield (t/ha)')
ax.set_xticks(years)
ax.set_ylim(3, 8.5)
ax.grid(True, linestyle='--', alpha=0.4)
# 2018 was a drought year for the whole region
ax.axvline(2018, color='#8c564b', linestyle=':', linewidth=1)
ax.text(2018.1, 8.1, 'Drought year', color='#8c564b', fontsize=9)
ax.legend(loc='lower right')

plt.tight_layout()
plt.savefig('chart.png')
