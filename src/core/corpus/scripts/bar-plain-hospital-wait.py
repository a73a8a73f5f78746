import matplotlib.pyplot as plt
import numpy as np

# Median wait (days) from referral to treatment in four specialties at three regional hospitals, 2023
specialties = ['Orthopaedics', 'Cardiology', 'Dermatology', 'Ophthalmology']
north_general = [84, 41, 63, 55]
riverside = [96, 38, 71, 49]
st_marys = [72, 45, 58, 61]

x = np.arange(len(specialties))
width = 0.26

fig, ax = plt.subplots(figsize=(11, 6))
ax.bar(x - width, north_general, width, label='North General', color='#4c72b0')
ax.bar(x, riverside, width, label='Riverside', color='#dd8452')
ax.bar(x + width, st_marys, width, label="St Mary's", color='#55a868')

# The national target is 60 days; the line makes breaches easy to spot
ax.axhline(60, color='#c44e52', linestyle='--', linewidth=1.2)
ax.text(3.45, 62, '60-day target', color='#c44e52', fontsize=9, ha='right')

ax.set_title('Median Referral-to-Treatment Wait by Specialty, 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Specialty')
ax.set_ylabel('Median wait (days)')
ax.set_xticks(x)
ax.set_xticklabels(specialties)
ax.set_ylim(0, 110)
ax.grid(axis='y', alpha=0.3)
ax.legend(title='Hospital', loc='upper right')

plt.tight_layout()
plt.show()
