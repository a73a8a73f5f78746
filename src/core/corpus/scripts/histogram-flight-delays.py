import matplotlib.pyplot as plt
import numpy as np

# Arrival delays (minutes) of 2,000 flights into a regional airport in summer 2023, simulated
# from the airport's reported delay profile with a fixed seed. Negative values are early arrivals.
rng = np.random.default_rng(17)
on_time_flights = rng.normal(-4, 7, 1500)
delayed_flights = rng.exponential(38, 500) + 10
delays = np.concatenate([on_time_flights, delayed_flights])

# Bin edges fall on 15 minutes so the punctuality threshold is a bin boundary
bins = np.arange(-25, 186, 10)
fig, ax = plt.subplots(figsize=(11, 6))
counts, edges, patches = ax.hist(delays, bins=bins, color='#4895ef', edgecolor='white')
# Bars past the 15-minute punctuality threshold are coloured differently
for left_edge, patch in zip(edges[:-1], patches):
    if left_edge >= 15:
        patch.set_facecolor('#f3722c')

ax.axvline(15, color='black', linestyle='--', linewidth=1.2, label='15-minute punctuality threshold')
late_share = np.mean(delays > 15) * 100
ax.text(60, max(counts) * 0.8, '{:.1f}% of flights\narrived more than 15 min late'.format(late_share), fontsize=10)

ax.set_title('Distribution of Arrival Delays, Regional Airport, Summer 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Arrival delay (minutes; negative = early)')
ax.set_ylabel('Number of flights')
ax.set_xlim(-25, 185)
ax.legend(loc='upper right')
ax.grid(axis='y', alpha=0.3)

plt.tight_layout()
plt.show()
