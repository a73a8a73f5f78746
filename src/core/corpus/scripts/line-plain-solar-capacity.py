import matplotlib.pyplot as plt
import numpy as np
from scipy.interpolate import make_interp_spline

# Installed solar photovoltaic capacity (GW) in three regions, 2014-2023
years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
europe = [88, 97, 104, 112, 121, 139, 157, 182, 219, 275]
north_america = [21, 28, 43, 54, 65, 79, 98, 124, 144, 181]
south_asia = [4, 6, 11, 20, 29, 36, 41, 52, 67, 86]

series = [
    ('Europe', europe, '#1f77b4'),
    ('North America', north_america, '#ff7f0e'),
    ('South Asia', south_asia, '#2ca02c'),
]

fig, ax = plt.subplots(figsize=(10, 6))
smooth_years = np.linspace(min(years), max(years), 300)
for name, values, color in series:
    # A cubic spline keeps the curve through every yearly value while smoothing the corners
    spline = make_interp_spline(years, values, k=3)
    ax.plot(smooth_years, spline(smooth_years), color=color, linewidth=2.2, label=name)
    ax.plot(years, values, 'o', color=color, markersize=5)

# Point out the year European growth accelerated
ax.annotate('Europe adds 56 GW in one year',
            xy=(2023, 275), xytext=(2016.2, 245),
            arrowprops=dict(arrowstyle='->', color='#1f77b4', lw=1.5),
            fontsize=10, color='#1f77b4')

ax.set_title('Installed Solar PV Capacity by Region, 2014-2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Year')
ax.set_ylabel('Installed capacity (GW)')
ax.set_xticks(years)
ax.set_ylim(0, 300)
ax.grid(True, linestyle='--', alpha=0.5)
ax.legend(loc='upper left', title='Region')

plt.tight_layout()
plt.show()
