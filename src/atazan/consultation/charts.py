"""Server-rendered SVG bar charts (no JavaScript)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def bar_chart_svg(pairs: list[tuple[str, int]], *, title: str, width: int = 640) -> SafeString:
    """Horizontal bars, one row per (label, count); the count is printed next to each bar."""
    row, label_w = 22, 220
    height = row * len(pairs) + 30
    top = max((n for _, n in pairs), default=1) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, n) in enumerate(pairs):
        y = 20 + i * row
        w = int((width - label_w - 70) * n / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(label[:34])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row - 6}" fill="#00629b"></rect>'
            f'<text x="{label_w + w + 4}" y="{y + 14}" font-size="12">{n:,}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above
