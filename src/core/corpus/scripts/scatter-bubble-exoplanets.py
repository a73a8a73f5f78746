import matplotlib.pyplot as plt
import numpy as np
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401

# Twelve confirmed exoplanets: orbital period (days), planet radius (Earth radii),
# host star temperature (K) and discovery method
planets = ['K2-18 b', 'TOI-700 d', 'GJ 1214 b', 'HD 209458 b', 'WASP-12 b', 'Kepler-22 b',
           'TRAPPIST-1 e', 'LHS 1140 b', 'Kepler-452 b', '55 Cnc e', 'HAT-P-11 b', 'GJ 436 b']
period_days = [32.9, 37.4, 1.6, 3.5, 1.1, 289.9, 6.1, 24.7, 384.8, 0.7, 4.9, 2.6]
radius_earth = [2.6, 1.1, 2.7, 15.2, 21.3, 2.4, 0.9, 1.7, 1.6, 1.9, 4.4, 4.2]
star_temp_k = [3457, 3480, 3250, 6065, 6300, 5518, 2566, 3216, 5757, 5196, 4780, 3416]
method = ['Transit', 'Transit', 'Transit', 'Transit', 'Transit', 'Transit',
          'Transit', 'Transit', 'Transit', 'Radial velocity', 'Transit', 'Radial velocity']

fig = plt.figure(figsize=(11, 8))
ax = fig.add_subplot(111, projection='3d')
log_period = np.log10(period_days)
for m, color in [('Transit', '#4361ee'), ('Radial velocity', '#f72585')]:
    idx = [i for i, value in enumerate(method) if value == m]
    ax.scatter([log_period[i] for i in idx], [radius_earth[i] for i in idx], [star_temp_k[i] for i in idx],
               s=[40 + radius_earth[i] * 12 for i in idx], color=color, alpha=0.8, depthshade=True,
               label=m)

ax.set_xlabel(r'$\log_{10}$ orbital period (days)', labelpad=18)
ax.set_ylabel(r'Radius ($R_\oplus$)', labelpad=18)
ax.set_zlabel(r'Host star $T_\mathrm{eff}$ (K)', labelpad=12)
ax.view_init(elev=20, azim=-60)
ax.legend(title='Discovery method', loc='upper left')
ax.set_title('Twelve Confirmed Exoplanets: Period, Size and Host Star Temperature',
             fontsize=13, fontweight='bold')

plt.tight_layout()
plt.show()
