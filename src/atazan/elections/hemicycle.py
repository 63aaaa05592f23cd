"""Geometry of a parliament hemicycle for server-rendered SVG (one circle per seat, parties left to right)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Seat", "hemicycle"]


@dataclass(frozen=True, slots=True)
class Seat:
    x: float
    y: float
    r: float
    party: str
    color: str
    number: int


def _rows_for(total: int) -> int:
    rows = 1
    while rows * (rows + 1) * 1.5 < total:  # enough rows that seats stay round and close
        rows += 1
    return max(rows, 2) if total > 3 else 1


def hemicycle(
    parties: Sequence[tuple[str, int, str]], *, total: int | None = None, width: float = 400.0
) -> tuple[list[Seat], float, float]:
    """Seats for ``parties`` (name, seats, colour) in the given order, left to right, then empty (vacant) seats.

    Returns the seats and the drawing's width and height. ``total`` defaults to the sum of the parties' seats.
    """
    filled = sum(n for _, n, _ in parties)
    total = max(total or filled, filled)
    if total <= 0:
        return [], width, width / 2
    rows = _rows_for(total)
    outer = width / 2 - 6
    inner = outer * 0.4
    radii = [inner + (outer - inner) * i / max(rows - 1, 1) for i in range(rows)]
    weight = sum(radii)
    per_row = [max(1, round(total * r / weight)) for r in radii]
    diff = total - sum(per_row)
    i = rows - 1
    while diff:
        step = 1 if diff > 0 else -1
        if per_row[i] + step >= 1:
            per_row[i] += step
            diff -= step
        i = (i - 1) % rows
    spots: list[tuple[float, float, float]] = []  # (angle, radius index, radius)
    for radius, count in zip(radii, per_row, strict=True):
        for j in range(count):
            angle = math.pi if count == 1 else math.pi - j * math.pi / (count - 1)
            if count == 1:
                angle = math.pi / 2
            spots.append((angle, radius, radius))
    spots.sort(key=lambda s: (-s[0], s[1]))
    seat_r = min((outer - inner) / max(rows - 1, 1) * 0.42, outer * math.pi / max(per_row) * 0.42)
    cx, cy = width / 2, width / 2
    colours: list[tuple[str, str]] = []
    for name, n, colour in parties:
        colours.extend([(name, colour)] * n)
    colours.extend([("", "#ffffff")] * (total - filled))
    seats = [
        Seat(
            x=round(cx + rad * math.cos(angle), 2),
            y=round(cy - rad * math.sin(angle), 2),
            r=round(seat_r, 2),
            party=colours[k][0],
            color=colours[k][1],
            number=k + 1,
        )
        for k, (angle, rad, _) in enumerate(spots)
    ]
    return seats, width, round(width / 2 + seat_r + 2, 2)
