import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import curve_fit

# Capacity retained (%) by a lithium-ion test cell after each block of charge cycles at 45 °C
cycles = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1200, 1400]
capacity_pct = [100.0, 96.8, 94.1, 91.9, 89.6, 87.9, 86.2, 84.9, 83.5, 82.4, 81.5, 79.6, 78.2]


def decay_model(n, a, tau, c):
    # Capacity fades exponentially towards a floor c
    return a * np.exp(-n / tau) + c


params, covariance = curve_fit(decay_model, cycles, capacity_pct, p0=[25, 600, 75])
a_fit, tau_fit, c_fit = params

fig, ax = plt.subplots(figsize=(10, 6))
ax.scatter(cycles, capacity_pct, s=55, color='#3a0ca3', zorder=3, label='Measured capacity')
n_smooth = np.linspace(0, 2000, 300)
ax.plot(n_smooth, decay_model(n_smooth, *params), color='#f72585', linewidth=2,
        label=r'Fit: $C(n) = a\,e^{-n/\tau} + c$')
ax.axhline(80, color='gray', linestyle='--', linewidth=1)
ax.text(1950, 80.5, '80% end-of-life threshold', ha='right', fontsize=9, color='gray')
ax.text(1250, 93, r'$\tau$ = {:.0f} cycles'.format(tau_fit), fontsize=11)

ax.set_title('Lithium-Ion Cell Capacity Fade at 45 °C', fontsize=14, fontweight='bold')
ax.set_xlabel('Charge-discharge cycles')
ax.set_ylabel('Capacity retained (%)')
ax.set_xlim(-50, 2000)
ax.set_ylim(70, 102)
ax.grid(alpha=0.3)
ax.legend(loc='upper right')

plt.tight_layout()
plt.show()
