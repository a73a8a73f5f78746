import matplotlib.pyplot as plt
import numpy as np

# Visitors (thousands) to a mountain monastery each month, split by purpose of visit, 2023
months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
pilgrims = [3.2, 2.9, 6.8, 11.5, 8.4, 6.1, 5.5, 9.7, 7.2, 5.0, 3.1, 7.9]
tourists = [1.1, 1.3, 2.4, 4.8, 7.9, 10.6, 13.2, 14.1, 8.5, 4.9, 1.8, 1.5]

angles = np.linspace(0, 2 * np.pi, len(months), endpoint=False)
width = 2 * np.pi / len(months) * 0.92

fig, ax = plt.subplots(figsize=(9, 9), subplot_kw={'projection': 'polar'})
ax.bar(angles, pilgrims, width=width, color='#7b2cbf', alpha=0.85, edgecolor='white', label='Pilgrims')
ax.bar(angles, tourists, width=width, bottom=pilgrims, color='#f4a261', alpha=0.85, edgecolor='white',
       label='Tourists')

# January at the top, months running clockwise like a calendar
ax.set_theta_zero_location('N')
ax.set_theta_direction(-1)
ax.set_xticks(angles)
ax.set_xticklabels(months, fontsize=11)
ax.set_ylim(0, 26)
ax.set_yticks([5, 10, 15, 20, 25])
ax.set_yticklabels(['5k', '10k', '15k', '20k', '25k'], fontsize=8, color='#555555')
ax.legend(loc='upper right', bbox_to_anchor=(1.18, 1.08), title='Purpose of visit')
ax.set_title('Monthly Visitors to a Mountain Monastery, 2023', fontsize=14, fontweight='bold', pad=25)

plt.tight_layout()
plt.show()
