import matplotlib.pyplot as plt
import numpy as np

# Annual mean atmospheric CO2 (ppm) at a coastal monitoring station and the surface-ocean pH
# measured at a nearby buoy, 2004-2023
years = list(range(2004, 2024))
co2_ppm = [377.7, 379.8, 381.9, 383.8, 385.6, 387.4, 389.9, 391.7, 393.9, 396.5,
           398.6, 400.8, 404.2, 406.5, 408.7, 411.4, 413.9, 416.4, 418.5, 421.1]
ocean_ph = [8.108, 8.106, 8.104, 8.101, 8.100, 8.097, 8.094, 8.092, 8.090, 8.087,
            8.085, 8.083, 8.080, 8.077, 8.075, 8.072, 8.069, 8.066, 8.064, 8.061]

slope, intercept = np.polyfit(co2_ppm, ocean_ph, 1)
fit_x = np.linspace(375, 424, 100)

fig, ax = plt.subplots(figsize=(10, 6.5))
points = ax.scatter(co2_ppm, ocean_ph, c=years, cmap='viridis', s=60, edgecolors='black',
                    linewidths=0.4, label='Annual means')
ax.plot(fit_x, slope * fit_x + intercept, color='#d62728', linewidth=2,
        label='Linear fit: {:.4f} pH per ppm'.format(slope))
colorbar = fig.colorbar(points, ax=ax)
colorbar.set_label('Year')

ax.set_title(r'Surface-Ocean pH vs. Atmospheric $\mathrm{CO_2}$, 2004-2023', fontsize=14, fontweight='bold')
ax.set_xlabel(r'Atmospheric $\mathrm{CO_2}$ (ppm)')
ax.set_ylabel('Surface-ocean pH')
ax.set_xlim(375, 424)
ax.grid(alpha=0.3)
ax.legend(loc='upper right')

plt.tight_layout()
plt.show()
