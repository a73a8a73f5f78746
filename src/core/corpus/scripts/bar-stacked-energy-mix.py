import matplotlib.pyplot as plt
import numpy as np

# Electricity generation (TWh) of a national grid by source, 2018-2023
years = ['2018', '2019', '2020', '2021', '2022', '2023']
coal = [112, 98, 81, 84, 76, 58]
natural_gas = [86, 91, 88, 90, 79, 74]
nuclear = [72, 71, 69, 70, 66, 68]
wind = [38, 45, 54, 57, 66, 79]
solar = [12, 16, 22, 27, 35, 46]
hydro = [25, 24, 27, 23, 21, 24]

sources = [('Coal', coal, '#4d4d4d'), ('Natural gas', natural_gas, '#f4a261'),
           ('Nuclear', nuclear, '#9b5de5'), ('Wind', wind, '#00bbf9'),
           ('Solar', solar, '#fee440'), ('Hydro', hydro, '#00f5d4')]

x = np.arange(len(years))
fig, ax = plt.subplots(figsize=(11, 6.5))
bottom = np.zeros(len(years))
for name, values, color in sources:
    ax.bar(x, values, 0.6, bottom=bottom, label=name, color=color, edgecolor='white')
    bottom += np.array(values)

# Totals on top of each stack
for xi, total in zip(x, bottom):
    ax.text(xi, total + 4, '{:.0f}'.format(total), ha='center', va='bottom', fontsize=10, fontweight='bold')

ax.set_title('National Electricity Generation by Source, 2018-2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Year')
ax.set_ylabel('Generation (TWh)')
ax.set_xticks(x)
ax.set_xticklabels(years)
ax.set_ylim(0, 400)
# Six sources: the legend goes outside so it never covers a stack
ax.legend(title='Source', loc='upper left', bbox_to_anchor=(1.01, 1.0))

plt.tight_layout()
plt.show()
