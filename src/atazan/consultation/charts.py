"""Server-rendered bar charts (no JavaScript, no SVG): an HTML table whose cells carry a bar.

A table rather than an SVG drawing (issue 15): its labels and counts are text of the page's own size, so they stay
readable on a 375 px phone instead of shrinking with a scaled drawing, and the chart is its own data table for a screen
reader (caption, one row header per label, the count as text).
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def bar_chart(pairs: list[tuple[str, int]], *, title: str) -> SafeString:
    """Horizontal bars, one row per (label, count); the count is printed next to each bar."""
    top = max((n for _, n in pairs), default=1) or 1
    rows = format_html_join(
        "",
        '<tr><th scope="row">{}</th><td class="bar-cell"><span class="bar" style="width: {}%"></span>'
        '<span class="num">{}</span></td></tr>',
        (
            (
                label,
                f"{max(75 * n / top, 0.5):.1f}",  # a quarter of the cell is left for the count
                f"{n:,}".replace(",", "\u202f"),
            )
            for label, n in pairs
        ),
    )
    return format_html(
        '<table class="bar-chart"><caption class="visually-hidden">{}</caption><tbody>{}</tbody></table>', title, rows
    )
