import matplotlib.pyplot as plt

# A public university's 2024 operating budget (million EUR): faculties in the outer ring,
# the three budget lines of each faculty (staff, research, operations) in the inner ring.
faculties = ['Engineering', 'Medicine', 'Humanities', 'Sciences']
faculty_budget = [96, 128, 41, 75]
lines = ['Staff', 'Research', 'Operations']
line_budget = [
    [52, 28, 16],   # Engineering
    [61, 45, 22],   # Medicine
    [30, 5, 6],     # Humanities
    [39, 24, 12],   # Sciences
]

outer_colors = ['#1f77b4', '#d62728', '#9467bd', '#2ca02c']
inner_shades = ['#e0e0e0', '#a0a0a0', '#606060']
inner_values = [value for faculty in line_budget for value in faculty]
inner_colors = inner_shades * len(faculties)

fig, ax = plt.subplots(figsize=(10, 8))
outer, _ = ax.pie(faculty_budget, radius=1.0, colors=outer_colors, startangle=90,
                  labels=['{}\n€{}M'.format(f, b) for f, b in zip(faculties, faculty_budget)],
                  labeldistance=1.08, wedgeprops=dict(width=0.3, edgecolor='white'))
inner, _ = ax.pie(inner_values, radius=0.7, colors=inner_colors, startangle=90,
                  wedgeprops=dict(width=0.3, edgecolor='white'))

# One legend entry per budget line: the inner wedges repeat the same three shades
ax.legend(inner[:3], lines, title='Budget line', loc='upper left', bbox_to_anchor=(1.0, 1.0))
ax.set_title('University Operating Budget 2024 by Faculty and Budget Line', fontsize=14, fontweight='bold')
ax.axis('equal')

plt.tight_layout()
plt.show()
