import matplotlib.pyplot as plt
import numpy as np

# Measured rate constants k (1/s) of an ester hydrolysis at several temperatures, three catalysts.
# Each value is the mean of five runs; errors are one standard deviation.
temperature_c = [20, 30, 40, 50, 60, 70]
uncatalysed = [1.2e-5, 2.9e-5, 6.8e-5, 1.5e-4, 3.2e-4, 6.5e-4]
uncatalysed_err = [0.2e-5, 0.4e-5, 0.9e-5, 0.2e-4, 0.4e-4, 0.8e-4]
acid = [3.1e-4, 6.9e-4, 1.5e-3, 3.0e-3, 5.9e-3, 1.1e-2]
acid_err = [0.4e-4, 0.8e-4, 0.2e-3, 0.3e-3, 0.7e-3, 0.1e-2]
enzyme = [2.4e-3, 5.0e-3, 9.6e-3, 1.4e-2, 1.6e-2, 1.3e-2]
enzyme_err = [0.3e-3, 0.5e-3, 1.1e-3, 0.2e-2, 0.2e-2, 0.3e-2]

fig, ax = plt.subplots(figsize=(10, 6))
ax.errorbar(temperature_c, uncatalysed, yerr=uncatalysed_err, fmt='-o', capsize=4,
            color='#7f7f7f', label='Uncatalysed')
ax.errorbar(temperature_c, acid, yerr=acid_err, fmt='-s', capsize=4,
            color='#d62728', label=r'Acid ($\mathrm{H_2SO_4}$, 0.1 M)')
ax.errorbar(temperature_c, enzyme, yerr=enzyme_err, fmt='-^', capsize=4,
            color='#2ca02c', label='Lipase enzyme')

# Rate constants span three orders of magnitude, so a log axis keeps all three readable
ax.set_yscale('log')
ax.set_title('Ester Hydrolysis Rate Constant vs. Temperature', fontsize=14, fontweight='bold')
ax.set_xlabel(r'Temperature ($^{\circ}\mathrm{C}$)')
ax.set_ylabel(r'Rate constant $k$ ($\mathrm{s^{-1}}$)')
ax.set_xticks(temperature_c)
ax.grid(True, which='both', linestyle=':', alpha=0.5)
ax.annotate('Enzyme denatures above 60 °C', xy=(70, 1.3e-2), xytext=(45, 3e-2),
            arrowprops=dict(arrowstyle='->', color='#2ca02c'), color='#2ca02c', fontsize=10)
ax.set_ylim(5e-6, 1e-1)
ax.legend(loc='lower right')

plt.tight_layout()
plt.show()
