import matplotlib.pyplot as plt
import numpy as np

# New battery-electric cars registered in a mid-sized European country (thousands), 2017-2023,
# and their share of all new car registrations (%)
years = [2017, 2018, 2019, 2020, 2021, 2022, 2023]
ev_registrations_k = [4.2, 7.9, 13.5, 29.8, 52.4, 71.0, 88.6]
ev_share_pct = [1.1, 2.0, 3.4, 9.7, 15.8, 21.4, 25.9]

x = np.arange(len(years))
fig, ax1 = plt.subplots(figsize=(11, 6.5))
bars = ax1.bar(x, ev_registrations_k, color='#2a9d8f', width=0.6, label='EV registrations (thousands)')
ax1.bar_label(bars, fmt='%.1f', padding=3, fontsize=9)
ax1.set_xlabel('Year')
ax1.set_ylabel('Battery-electric registrations (thousands)')
ax1.set_xticks(x)
ax1.set_xticklabels([str(y) for y in years])
ax1.set_ylim(0, 110)

# Share of the market is a percentage, so it gets its own axis on the right
ax2 = ax1.twinx()
ax2.plot(x, ev_share_pct, color='#e76f51', marker='o', linewidth=2.2, label='Share of new cars (%)')
ax2.set_ylabel('Share of new car registrations (%)')
ax2.set_ylim(0, 60)

handles1, labels1 = ax1.get_legend_handles_labels()
handles2, labels2 = ax2.get_legend_handles_labels()
ax1.legend(handles1 + handles2, labels1 + labels2, loc='upper left')
ax1.set_title('Battery-Electric Car Registrations and Market Share, 2017-2023',
              fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
