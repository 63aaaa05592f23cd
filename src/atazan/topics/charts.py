"""Server-rendered SVG: paragraphs per topic in the 1995 and the 2026 Constitution, as paired horizontal bars.

Every label is 11 px at the chart's natural size; on a narrow screen the chart keeps that size and scrolls sideways
in its own container (.chart-scroll) rather than shrinking its text below what a phone can show.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = 12  # high enough for an 11 px number beside each bar
GAP = 6
LABEL_W = 300
PLOT_W = 360
COLORS = {1995: "#8a8f98", 2026: "#1f6feb"}


def counts_svg(rows: list[tuple[str, int, int, bool]], *, title: str, legend: tuple[str, str]) -> SafeString:
    """rows: (label, paragraphs 1995, paragraphs 2026, is_group). Every number is also printed next to its bar."""
    top = 30
    row_h = 2 * BAR + GAP
    height = top + row_h * len(rows) + 10
    peak = max([max(a, b) for _, a, b, _ in rows] + [1])
    width = LABEL_W + PLOT_W + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="topic-chart-title" data-testid="topic-chart">',
        f'<title id="topic-chart-title">{escape(title)}</title>',
        f'<rect x="{LABEL_W}" y="8" width="10" height="10" fill="{COLORS[1995]}"/>'
        f'<text x="{LABEL_W + 14}" y="17" font-size="11">{escape(legend[0])}</text>',
        f'<rect x="{LABEL_W + 120}" y="8" width="10" height="10" fill="{COLORS[2026]}"/>'
        f'<text x="{LABEL_W + 134}" y="17" font-size="11">{escape(legend[1])}</text>',
    ]
    for i, (label, old, new, group) in enumerate(rows):
        y = top + i * row_h
        weight = ' font-weight="bold"' if group else ""
        indent = 0 if group else 12
        parts.append(f'<text x="{indent}" y="{y + BAR + 4}" font-size="11"{weight}>{escape(label[:48])}</text>')
        for k, (value, year) in enumerate(((old, 1995), (new, 2026))):
            w = round(PLOT_W * value / peak)
            yy = y + k * BAR
            parts.append(
                f'<rect x="{LABEL_W}" y="{yy}" width="{w}" height="{BAR - 1}" fill="{COLORS[year]}">'
                f"<title>{escape(label)} · {year}: {value}</title></rect>"
            )
            parts.append(f'<text x="{LABEL_W + w + 3}" y="{yy + BAR - 1}" font-size="11">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated string above is escaped
