"""Charts drawn on the server as accessible SVG.

Each chart is an <svg role="img"> named by its <title> and explained by its <desc>. Every series has
a pattern as well as a colour and a text label in the legend, segments carry their numbers, and the
page always shows the same figures in a table (StackedBarChart.table), so nothing depends on
seeing colour or on seeing the chart at all."""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

INK = "#0b0c0c"
# (background, marks) per series: light tints, so the black numbers on them stay readable.
PATTERNS = [
    ("#f3f2f1", ""),  # plain
    ("#d2e2f1", '<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="{ink}" stroke-width="1.2"/>'),  # diagonal
    ("#cce2d8", '<circle cx="4" cy="4" r="1.6" fill="{ink}"/>'),  # dots
    ("#fcd6c3", '<path d="M0,4 L8,4" stroke="{ink}" stroke-width="1.2"/>'),  # horizontal
    ("#e5e6e7", '<path d="M4,0 L4,8" stroke="{ink}" stroke-width="1.2"/>'),  # vertical
    ("#f4cdc6", '<path d="M0,0 L8,8 M8,0 L0,8" stroke="{ink}" stroke-width="1"/>'),  # cross
]

WIDTH = 760
LABEL_WIDTH = 110
BAR_WIDTH = 560
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LEGEND_ROW = 22


@dataclass
class Series:
    label: str
    values: list[int]


@dataclass
class StackedBarChart:
    slug: str
    title: str
    description: str
    category_heading: str
    categories: list[str]
    series: list[Series]
    category_links: list[str] = field(default_factory=list)
    cell_links: list[list[str]] = field(default_factory=list)  # [series][category]

    @property
    def totals(self) -> list[int]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    @property
    def table(self) -> dict:
        """The chart's figures as rows: what the table under the chart shows."""
        rows = []
        for i, category in enumerate(self.categories):
            cells = []
            for j, series in enumerate(self.series):
                link = self.cell_links[j][i] if self.cell_links else ""
                cells.append({"count": series.values[i], "url": link})
            rows.append(
                {
                    "label": category,
                    "url": self.category_links[i] if self.category_links else "",
                    "cells": cells,
                    "total": self.totals[i],
                }
            )
        return {"headings": [s.label for s in self.series], "rows": rows}

    def _pattern_defs(self) -> str:
        parts = []
        for index, _ in enumerate(self.series):
            background, marks = PATTERNS[index % len(PATTERNS)]
            parts.append(
                f'<pattern id="{self.slug}-p{index}" width="8" height="8" patternUnits="userSpaceOnUse">'
                f'<rect width="8" height="8" fill="{background}"/>{marks.format(ink=INK)}</pattern>'
            )
        return "".join(parts)

    def svg(self) -> str:
        legend_height = LEGEND_ROW * len(self.series) + 10
        height = legend_height + ROW_HEIGHT * len(self.categories) + 10
        largest = max(self.totals or [0]) or 1
        title_id, desc_id = f"{self.slug}-title", f"{self.slug}-desc"
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'aria-labelledby="{title_id} {desc_id}" focusable="false">',
            f'<title id="{title_id}">{escape(self.title)}</title>',
            f'<desc id="{desc_id}">{escape(self.description)} The same figures are in the table that follows.</desc>',
            f"<defs>{self._pattern_defs()}</defs>",
        ]
        for index, series in enumerate(self.series):  # legend: swatch with its pattern, and the words
            y = 5 + index * LEGEND_ROW
            out.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="16" height="16" fill="url(#{self.slug}-p{index})" '
                f'stroke="{INK}"/><text x="{LABEL_WIDTH + 24}" y="{y + 13}" font-size="14" fill="{INK}">'
                f"{escape(series.label)}</text>"
            )
        for row, category in enumerate(self.categories):
            y = legend_height + row * ROW_HEIGHT
            out.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" font-size="14" text-anchor="end" fill="{INK}">'
                f"{escape(category)}</text>"
            )
            x = LABEL_WIDTH
            for index, series in enumerate(self.series):
                value = series.values[row]
                if not value:
                    continue
                width = BAR_WIDTH * value / largest
                out.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="url(#{self.slug}-p{index})" stroke="{INK}" stroke-width="1"/>'
                )
                if width >= 22:  # numbers inside segments wide enough to hold them, with a white halo
                    out.append(
                        f'<text x="{x + width / 2:.1f}" y="{y + 14}" font-size="13" text-anchor="middle" '
                        f'fill="{INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{value}</text>'
                    )
                x += width
            out.append(
                f'<text x="{x + 6:.1f}" y="{y + 14}" font-size="14" font-weight="bold" fill="{INK}">'
                f"{self.totals[row]}</text>"
            )
        out.append("</svg>")
        return mark_safe("".join(out))
