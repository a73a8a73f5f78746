"""Renders N small bar charts with Debian's matplotlib into a folder (fixture images for the
native archive check). Usage: /usr/bin/python3 render_charts.py OUT_DIR N"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1])
    count = int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=60)
        ax.bar(["A", "B", "C"], [index + 1, 2, 3 + index % 4], color=f"C{index % 10}")
        ax.set_title(f"Chart {index}")
        fig.savefig(out / f"c{index}.png")
        plt.close(fig)


if __name__ == "__main__":
    main()
