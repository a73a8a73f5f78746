import matplotlib.pyplot as plt
import numpy as np

# Average emergency-room admissions per hour block and weekday at a city hospital, 2023
days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
blocks = ['00-04', '04-08', '08-12', '12-16', '16-20', '20-24']
admissions = np.array([
    [6, 4, 14, 17, 19, 12],   # Mon
    [5, 4, 12, 15, 17, 11],   # Tue
    [5, 3, 12, 14, 17, 11],   # Wed
    [6, 4, 13, 15, 18, 13],   # Thu
    [8, 5, 13, 16, 21, 18],   # Fri
    [11, 7, 11, 14, 19, 20],  # Sat
    [10, 6, 10, 13, 16, 14],  # Sun
])

fig, ax = plt.subplots(figsize=(10, 7))
image = ax.imshow(admissions, cmap='YlOrRd', aspect='auto', vmin=0, vmax=22)
colorbar = fig.colorbar(image, ax=ax)
colorbar.set_label('Average admissions per 4-hour block')

# Cell values in a colour that stays readable on both light and dark cells
for i in range(len(days)):
    for j in range(len(blocks)):
        value = admissions[i, j]
        ax.text(j, i, str(value), ha='center', va='center', fontsize=10,
                color='white' if value > 14 else 'black')

ax.set_xticks(np.arange(len(blocks)))
ax.set_xticklabels(blocks)
ax.set_yticks(np.arange(len(days)))
ax.set_yticklabels(days)
ax.set_xlabel('Time of day (hours)')
ax.set_ylabel('Weekday')
ax.set_title('Emergency Room Admissions by Weekday and Time of Day, 2023', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
