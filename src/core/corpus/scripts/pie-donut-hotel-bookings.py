import matplotlib.pyplot as plt

# Where the 18,400 room nights of a coastal boutique hotel were booked in 2023
channels = ['Direct website', 'Online travel agencies', 'Phone & walk-in', 'Tour operators', 'Corporate contracts']
room_nights = [6440, 7180, 1470, 2210, 1100]
colors = ['#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#264653']

fig, ax = plt.subplots(figsize=(10, 7))
wedges, texts, autotexts = ax.pie(
    room_nights,
    colors=colors,
    startangle=90,
    counterclock=False,
    autopct='%1.1f%%',
    pctdistance=0.8,
    wedgeprops=dict(width=0.4, edgecolor='white', linewidth=2),
)
for autotext in autotexts:
    autotext.set_color('white')
    autotext.set_fontsize(10)

# The hole carries the total so readers do not need to add the slices up
ax.text(0, 0.08, '{:,}'.format(sum(room_nights)), ha='center', va='center', fontsize=20, fontweight='bold')
ax.text(0, -0.12, 'room nights', ha='center', va='center', fontsize=11, color='#555555')

ax.legend(wedges, channels, title='Booking channel', loc='center left', bbox_to_anchor=(1.0, 0.5))
ax.set_title('Boutique Hotel Room Nights by Booking Channel, 2023', fontsize=14, fontweight='bold')
ax.axis('equal')

plt.tight_layout()
plt.show()
