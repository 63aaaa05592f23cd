"""Server-rendered SVG for the referendum pages: the tile map of the 20 units, histograms and the 2D histogram.

Floats appear only as drawing coordinates and colours; the figures in labels come from exact counts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from atazan.referendum.domain.tally import Totals
from atazan.referendum.models import Unit

TILE = 96
GAP = 6


def _n(x: float) -> str:
    return f"{x:.2f}"


def _mix(low: tuple[int, int, int], high: tuple[int, int, int], t: float) -> str:
    t = min(1.0, max(0.0, t))
    r, g, b = (round(a + (b - a) * t) for a, b in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def share_colour(measure: str, value: Fraction) -> str:
    if measure == "turnout":
        return _mix((255, 243, 205), (191, 87, 0), (float(value) - 0.3) / 0.7)
    return _mix((222, 235, 247), (8, 48, 107), (float(value) - 0.5) / 0.5)


def ink_for(measure: str, value: Fraction) -> str:
    threshold = 0.65 if measure == "turnout" else 0.8
    return "#fff" if float(value) >= threshold else "#111"


def tile_map(
    units: Sequence[Unit], totals: dict[str, Totals], *, measure: str, url_for: dict[str, str], language: str
) -> SafeString:
    """The 20 units as tiles placed roughly where they lie, coloured by yes share or turnout."""
    cols = max(u.tile_col for u in units) + 1
    rows = max(u.tile_row for u in units) + 1
    width = cols * (TILE + GAP)
    height = rows * (TILE + GAP)
    label = _("Yes share") if measure == "yes" else _("Turnout")
    # Not role="img": the tiles are links, and an image's content is hidden from assistive technology (axe:
    # nested-interactive). A group named by its title; each link says its unit and figure.
    parts = [
        format_html(
            '<svg class="tile-map" viewBox="0 0 {} {}" width="100%" role="group" aria-labelledby="tile-map-title">'
            '<title id="tile-map-title">{}</title>',
            width,
            height,
            label,
        )
    ]
    for u in units:
        t = totals.get(u.code, Totals())
        value = t.turnout if measure == "turnout" else t.yes_share
        x = u.tile_col * (TILE + GAP)
        y = u.tile_row * (TILE + GAP)
        name = u.name_kk if language.startswith("kk") else u.name_ru if language.startswith("ru") else u.name_en
        short = name
        if u.code != "almaty_region":  # "Almaty" alone would be the city
            short = name.replace(" Region", "").replace(" облысы", "").replace(" область", "").replace("Область ", "")
        majority = t.yes_majority
        parts.append(
            format_html(
                '<a href="{}" data-unit="{}" aria-label="{}: {} {}%"><g class="tile{}"><title>{}: {} {}%</title>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}" stroke-width="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="12" class="tile-name" fill="{}">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="17" font-weight="700" class="tile-figure" '
                'fill="{}">{}%</text>'
                "</g></a>",
                url_for.get(u.code, "#"),
                u.code,
                name,
                label,
                f"{float(value) * 100:.2f}",
                " majority" if majority else "",
                name,
                label,
                f"{float(value) * 100:.2f}",
                x,
                y,
                TILE,
                TILE,
                share_colour(measure, value),
                "#111" if majority else "#c0392b",
                2 if majority else 4,
                x + TILE / 2,
                y + 30,
                ink_for(measure, value),
                short[:18],
                x + TILE / 2,
                y + 60,
                ink_for(measure, value),
                f"{float(value) * 100:.1f}",
            )
        )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - constant markup
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped by format_html


def histogram_svg(
    counts: Sequence[int], *, title: str, x_label: str, width: int = 600, height: int = 180
) -> SafeString:
    """Bars over [0 %, 100 %]; `counts` has one value per equal-width bin."""
    top = max(counts) if counts and max(counts) else 1
    bins = len(counts)
    bar = (width - 40) / bins
    parts = [
        format_html(
            '<svg class="histogram" viewBox="0 0 {} {}" width="100%" role="img"><title>{}</title><desc>{}</desc>',
            width,
            height + 30,
            title,
            # the figures drawn, as text for a screen reader: every bin and its count
            "; ".join(f"{i * 100 // bins}–{(i + 1) * 100 // bins}%: {c}" for i, c in enumerate(counts)),
        )
    ]
    for i, c in enumerate(counts):
        h = (height - 10) * c / top
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="#2b6cb0"><title>{}–{}%: {}</title></rect>',
                _n(30 + i * bar),
                _n(height - h),
                _n(max(bar - 0.5, 0.5)),
                _n(h),
                i * 100 // bins,
                (i + 1) * 100 // bins,
                c,
            )
        )
    for pct in (0, 25, 50, 75, 100):
        x = 30 + (width - 40) * pct / 100
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="{}">{}%</text>',
                _n(x),
                height + 14,
                "end" if pct == 100 else "middle",  # inside the drawing even where phones draw it larger
                pct,
            )
        )
    parts.append(
        format_html(
            '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text></svg>',
            width / 2,
            height + 28,
            x_label,
        )
    )
    return mark_safe("".join(parts))  # noqa: S308 - escaped by format_html


def heatmap_svg(grid: Sequence[Sequence[int]], *, title: str, size: int = 400) -> SafeString:
    """2D histogram: x = turnout, y = yes share (upwards), cell darkness = log(voters)."""
    bins = len(grid)
    cell = size / bins
    top = max((v for row in grid for v in row), default=0) or 1
    parts = [
        format_html(
            '<svg class="heatmap" viewBox="0 0 {} {}" width="100%" role="img"><title>{}</title>'
            '<rect x="30" y="0" width="{}" height="{}" fill="#f7f7f7"/>',
            size + 40,
            size + 30,
            title,
            size,
            size,
        )
    ]
    for ti, row in enumerate(grid):
        for yi, v in enumerate(row):
            if not v:
                continue
            shade = math.log1p(v) / math.log1p(top)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    _n(30 + ti * cell),
                    _n(size - (yi + 1) * cell),
                    _n(cell),
                    _n(cell),
                    _mix((255, 255, 255), (20, 20, 90), 0.15 + 0.85 * shade),
                )
            )
    parts.append(
        mark_safe(  # noqa: S308 - constant markup
            f'<text x="{30 + size / 2}" y="{size + 24}" font-size="11" text-anchor="middle">'
            f"{escape(_('Turnout'))} 0–100%</text>"
            f'<text x="12" y="{size / 2}" font-size="11" text-anchor="middle" '
            f'transform="rotate(-90 12 {size / 2})">{escape(_("Yes share"))} 0–100%</text></svg>'
        )
    )
    return mark_safe("".join(parts))  # noqa: S308 - escaped by format_html


@dataclass(frozen=True, slots=True)
class HeatmapRow:
    """One cell of the heatmap that holds voters, as its data table lists it: the turnout band and the yes-share
    band (whole percentages, ``low``–``high``) and the voters who took part in precincts of that cell."""

    turnout_low: str
    turnout_high: str
    yes_low: str
    yes_high: str
    voters: int


def heatmap_rows(grid: Sequence[Sequence[int]]) -> list[HeatmapRow]:
    """Every cell of ``grid`` (rows: turnout bins, columns: yes-share bins) that holds voters, by turnout then yes
    share: the same figures the heatmap draws, as a table (its text alternative)."""

    def edge(i: int, bins: int) -> str:
        return f"{i * 100 / bins:.1f}" if (i * 100) % bins else str(i * 100 // bins)

    bins = len(grid)
    return [
        HeatmapRow(edge(ti, bins), edge(ti + 1, bins), edge(yi, bins), edge(yi + 1, bins), v)
        for ti, row in enumerate(grid)
        for yi, v in enumerate(row)
        if v
    ]


def percent(value: Fraction) -> str:
    return escape(f"{float(value) * 100:.2f}")
