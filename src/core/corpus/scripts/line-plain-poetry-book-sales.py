import datetime

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

# Daily copies sold of a debut poetry collection across all bookshops of a national chain,
# in the three weeks around the announcement of a literary prize (3 October 2023)
start = datetime.date(2023, 9, 22)
days = [start + datetime.timedelta(days=i) for i in range(21)]
copies_sold = [38, 41, 35, 44, 40, 52, 61, 47, 43, 49, 55, 412, 968, 1240, 1105, 874, 702,
               655, 590, 533, 498]

prize_day = datetime.date(2023, 10, 3)
fig, ax = plt.subplots(figsize=(12, 6))
ax.plot(days, copies_sold, color='#6a040f', marker='o', markersize=4, linewidth=2, label='Copies sold per day')
# The average of the ten days before the prize is the baseline the spike is compared with
baseline = sum(copies_sold[:10]) / 10.0
ax.axhline(baseline, color='#adb5bd', linestyle='--', linewidth=1.5,
           label='Pre-prize average ({:.0f} per day)'.format(baseline))
ax.axvline(prize_day, color='#e85d04', linewidth=1.2)
ax.annotate('Prize announced', xy=(prize_day, 700), xytext=(datetime.date(2023, 9, 24), 900),
            arrowprops=dict(arrowstyle='->', color='#e85d04'), color='#e85d04', fontsize=10)
ax.annotate('Peak: 1,240 copies on 5 Oct', xy=(datetime.date(2023, 10, 5), 1240),
            xytext=(datetime.date(2023, 10, 7), 1330), arrowprops=dict(arrowstyle='->', color='#6a040f'),
            fontsize=10, color='#6a040f')

# One tick per weekday Monday, labelled with the date
ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
ax.xaxis.set_major_formatter(mdates.DateFormatter('%d %b'))
ax.set_title('Daily Sales of a Debut Poetry Collection Around a Literary Prize', fontsize=14, fontweight='bold')
ax.set_xlabel('Date (2023)')
ax.set_ylabel('Copies sold')
ax.set_ylim(0, 1450)
ax.grid(alpha=0.3)
ax.legend(loc='upper left')

plt.tight_layout()
plt.show()
