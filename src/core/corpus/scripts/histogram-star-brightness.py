import matplotlib.pyplot as plt
import numpy as np

# Apparent magnitudes of stars detected in two survey fields by a small observatory's CCD camera,
# simulated with a fixed seed from the fields' measured star counts
np.random.seed(11)
galactic_plane = np.random.normal(13.2, 1.6, 900)
galactic_pole = np.random.normal(12.1, 1.9, 350)
bins = np.arange(6, 19, 0.5)

fig, (ax_counts, ax_density) = plt.subplots(1, 2, figsize=(14, 6))
ax_counts.hist([galactic_plane, galactic_pole], bins=bins, stacked=True, color=['#3f37c9', '#f72585'],
               label=['Galactic plane field', 'Galactic pole field'], edgecolor='white')
ax_counts.set_title('Star Counts per Half-Magnitude Bin (stacked)')
ax_counts.set_xlabel('Apparent magnitude (V band)')
ax_counts.set_ylabel('Number of stars')
ax_counts.legend(loc='upper left')

# Densities compare the shapes regardless of how many stars each field holds
ax_density.hist(galactic_plane, bins=bins, density=True, histtype='step', linewidth=2, color='#3f37c9',
                label='Galactic plane field')
ax_density.hist(galactic_pole, bins=bins, density=True, histtype='step', linewidth=2, color='#f72585',
                label='Galactic pole field')
ax_density.axvline(np.median(galactic_plane), color='#3f37c9', linestyle=':')
ax_density.axvline(np.median(galactic_pole), color='#f72585', linestyle=':')
ax_density.set_title('Normalised Distributions (dotted = median)')
ax_density.set_xlabel('Apparent magnitude (V band)')
ax_density.set_ylabel('Probability density')
ax_density.legend(loc='upper left')

fig.suptitle('Brightness of Stars in Two Survey Fields', fontsize=15, fontweight='bold')
plt.tight_layout()
plt.show()
