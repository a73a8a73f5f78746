import matplotlib.pyplot as plt
import numpy as np

# Monthly visitors (thousands) and average ticket price (EUR) of a national history museum, 2023
months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
visitors_2023 = [42, 45, 61, 78, 92, 118, 146, 151, 104, 83, 57, 66]
visitors_2022 = [35, 38, 52, 70, 84, 101, 129, 137, 95, 74, 50, 58]
ticket_price = [14.0, 14.0, 14.5, 15.0, 15.0, 16.5, 17.0, 17.0, 16.0, 15.0, 14.5, 15.5]

x = np.arange(len(months))
fig, ax1 = plt.subplots(figsize=(11, 6))

line_2023, = ax1.plot(x, visitors_2023, marker='o', color='#8c564b', linewidth=2.4, label='Visitors 2023')
line_2022, = ax1.plot(x, visitors_2022, marker='s', color='#c49c94', linewidth=1.8,
                      linestyle='--', label='Visitors 2022')
ax1.set_xlabel('Month')
ax1.set_ylabel('Visitors (thousands)', color='#8c564b')
ax1.set_xticks(x)
ax1.set_xticklabels(months)
ax1.set_ylim(0, 180)
ax1.grid(axis='y', alpha=0.3)

# The price sits on its own axis: euros and visitor counts do not share a scale
ax2 = ax1.twinx()
price_line, = ax2.plot(x, ticket_price, color='#17becf', linewidth=2, marker='^', label='Avg. ticket price')
ax2.set_ylabel('Average ticket price (EUR)', color='#17becf')
ax2.set_ylim(10, 20)

handles = [line_2023, line_2022, price_line]
ax1.legend(handles, [h.get_label() for h in handles], loc='upper left')
ax1.set_title('National History Museum: Monthly Visitors and Ticket Price', fontsize=14, fontweight='bold')

plt.tight_layout()
plt.show()
