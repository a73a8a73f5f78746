import matplotlib.pyplot as plt
import numpy as np

# Mean afternoon air temperature (°C) measured by a 6 x 8 grid of sensors across the open-plan
# floor of an office building with a glass south facade (row 0 = south facade), July 2023
temperature_c = np.array([
    [29.8, 30.4, 30.9, 31.2, 31.0, 30.6, 30.1, 29.5],
    [27.9, 28.5, 29.0, 29.3, 29.1, 28.7, 28.2, 27.6],
    [26.4, 26.9, 27.3, 27.5, 27.4, 27.0, 26.6, 26.1],
    [25.3, 25.7, 26.0, 26.2, 26.1, 25.8, 25.4, 25.0],
    [24.6, 24.9, 25.1, 25.3, 25.2, 25.0, 24.7, 24.3],
    [24.2, 24.4, 24.6, 24.8, 24.7, 24.5, 24.3, 24.0],
])
sensor_x = np.arange(8) * 4.0 + 2.0    # metres from the west wall
sensor_y = np.arange(6) * 3.5 + 1.0    # metres from the south facade
comfort_limit_c = 26.0

fig, ax = plt.subplots(figsize=(12, 7))
levels = np.arange(24.0, 31.5, 0.5)
filled = ax.contourf(sensor_x, sensor_y, temperature_c, levels=levels, cmap='coolwarm')
# The comfort limit as a labelled contour line
limit = ax.contour(sensor_x, sensor_y, temperature_c, levels=[comfort_limit_c], colors='black', linewidths=2)
ax.clabel(limit, fmt='%.0f °C limit', fontsize=9)
colorbar = fig.colorbar(filled, ax=ax)
colorbar.set_label('Afternoon air temperature (°C)')

grid_x, grid_y = np.meshgrid(sensor_x, sensor_y)
ax.scatter(grid_x.ravel(), grid_y.ravel(), s=14, color='black', label='Sensor')
ax.text(16, 0.2, 'South glass facade', ha='center', fontsize=10, fontweight='bold')

ax.set_title('Office Floor Temperature Map, July 2023 Afternoons', fontsize=14, fontweight='bold')
ax.set_xlabel('Distance from west wall (m)')
ax.set_ylabel('Distance from south facade (m)')
ax.set_xlim(0, 32)
ax.set_ylim(0, 19.5)
ax.legend(loc='upper right')

plt.tight_layout()
plt.show()
