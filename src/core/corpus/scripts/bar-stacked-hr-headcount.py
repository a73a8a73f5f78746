import matplotlib.pyplot as plt
import numpy as np

# Headcount of a software company by department and contract type, end of 2023
departments = ['Engineering', 'Sales', 'Support', 'Marketing', 'Finance', 'People Ops']
full_time = [214, 86, 64, 38, 27, 19]
part_time = [12, 9, 22, 7, 5, 4]
contractors = [46, 14, 18, 11, 3, 2]

x = np.arange(len(departments))
fig, ax = plt.subplots(figsize=(11, 6.5))
ft = ax.bar(x, full_time, 0.55, label='Full-time', color='#264653')
pt = ax.bar(x, part_time, 0.55, bottom=full_time, label='Part-time', color='#2a9d8f')
ct_bottom = [a + b for a, b in zip(full_time, part_time)]
ct = ax.bar(x, contractors, 0.55, bottom=ct_bottom, label='Contractors', color='#e9c46a')

# Segment counts inside the bars, totals above them
ax.bar_label(ft, label_type='center', color='white', fontsize=9)
totals = [a + b for a, b in zip(ct_bottom, contractors)]
ax.bar_label(ct, labels=['Total {}'.format(t) for t in totals], padding=3, fontsize=9, fontweight='bold')

ax.set_title('Company Headcount by Department and Contract Type, Dec 2023', fontsize=14, fontweight='bold')
ax.set_xlabel('Department')
ax.set_ylabel('Employees')
ax.set_xticks(x)
ax.set_xticklabels(departments)
ax.set_ylim(0, 310)
ax.legend(title='Contract type', loc='upper right')
ax.grid(axis='y', alpha=0.3)

plt.tight_layout()
plt.show()
