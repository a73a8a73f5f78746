import matplotlib.pyplot as plt

# GDP per capita (USD, purchasing-power adjusted) and life expectancy (years) of 14 countries, 2022
countries = ['Norway', 'Japan', 'Chile', 'Poland', 'Mexico', 'Brazil', 'Thailand', 'Egypt',
             'India', 'Vietnam', 'Kenya', 'Nigeria', 'Bangladesh', 'Ethiopia']
gdp_per_capita = [82000, 45600, 29900, 43300, 21500, 17800, 20700, 15100,
                  8400, 13500, 5600, 5900, 7400, 2800]
life_expectancy = [83.2, 84.5, 79.5, 77.6, 74.8, 75.9, 78.7, 72.1, 70.8, 75.4, 66.7, 53.6, 73.7, 65.6]
continent = ['Europe', 'Asia', 'Americas', 'Europe', 'Americas', 'Americas', 'Asia', 'Africa',
             'Asia', 'Asia', 'Africa', 'Africa', 'Asia', 'Africa']
palette = {'Europe': '#1f77b4', 'Asia': '#ff7f0e', 'Americas': '#2ca02c', 'Africa': '#d62728'}

fig, ax = plt.subplots(figsize=(11, 7))
for name, color in palette.items():
    xs = [g for g, c in zip(gdp_per_capita, continent) if c == name]
    ys = [l for l, c in zip(life_expectancy, continent) if c == name]
    ax.scatter(xs, ys, s=80, color=color, edgecolors='black', linewidths=0.5, label=name, alpha=0.85)

# Income spans more than an order of magnitude: a log axis spreads the poorer countries out
ax.set_xscale('log')
ax.annotate('Nigeria: far below\ncountries of similar income', xy=(5900, 53.6), xytext=(12000, 56),
            arrowprops=dict(arrowstyle='->', color='#d62728'), fontsize=9, color='#d62728')
ax.annotate('Japan: longest lives', xy=(45600, 84.5), xytext=(15000, 85.5),
            arrowprops=dict(arrowstyle='->', color='#ff7f0e'), fontsize=9, color='#ff7f0e')

ax.set_title('Life Expectancy vs. GDP per Capita, 14 Countries, 2022', fontsize=14, fontweight='bold')
ax.set_xlabel('GDP per capita (USD PPP, log scale)')
ax.set_ylabel('Life expectancy at birth (years)')
ax.set_ylim(50, 88)
ax.grid(True, which='both', alpha=0.3)
ax.legend(title='Continent', loc='lower right')

plt.tight_layout()
plt.show()
