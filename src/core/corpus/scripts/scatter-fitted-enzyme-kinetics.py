import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import curve_fit

# Initial reaction velocity of a bacterial enzyme at increasing substrate concentration,
# measured for the wild type and a mutant strain (µmol/min per mg protein)
substrate_mm = [0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
wild_type = [1.9, 3.5, 6.2, 11.4, 15.3, 18.6, 21.4, 22.3, 22.9]
mutant = [0.7, 1.4, 2.6, 5.6, 8.9, 12.4, 16.1, 17.8, 18.9]


def michaelis_menten(s, vmax, km):
    return vmax * s / (km + s)


fig, ax = plt.subplots(figsize=(10, 6.5))
s_smooth = np.logspace(np.log10(0.03), np.log10(30), 200)
for name, velocity, color in [('Wild type', wild_type, '#2a9d8f'), ('Mutant', mutant, '#e76f51')]:
    (vmax, km), _ = curve_fit(michaelis_menten, substrate_mm, velocity, p0=[20, 1])
    ax.scatter(substrate_mm, velocity, color=color, s=50, zorder=3, label='{} (measured)'.format(name))
    ax.plot(s_smooth, michaelis_menten(s_smooth, vmax, km), color=color, linewidth=2,
            label=r'{} fit: $V_{{max}}$={:.1f}, $K_m$={:.2f} mM'.format(name, vmax, km))

# Substrate concentrations span almost three orders of magnitude
ax.set_xscale('log')
ax.set_title('Michaelis-Menten Kinetics of Wild-Type and Mutant Enzyme', fontsize=14, fontweight='bold')
ax.set_xlabel('Substrate concentration [S] (mM, log scale)')
ax.set_ylabel(r'Initial velocity $v_0$ ($\mu$mol/min/mg)')
ax.set_ylim(0, 26)
ax.grid(True, which='both', alpha=0.3)
ax.legend(loc='upper left', fontsize=9)

plt.tight_layout()
plt.show()
