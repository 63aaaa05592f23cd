"""Small protocol builders for the referendum's pure tests."""

from __future__ import annotations

from atazan.referendum.domain.protocol import Protocol
from atazan.referendum.domain.units import UNITS


def make(
    precinct: str = "p1",
    unit: str = "astana",
    *,
    registered: int = 1000,
    took_part: int = 600,
    yes: int = 500,
    no: int = 80,
    invalid: int = 10,
    not_counted: int = 10,
    district: str = "",
    **ballots: int,
) -> Protocol:
    return Protocol(
        precinct=precinct,
        unit=unit,
        district=district,
        registered=registered,
        took_part=took_part,
        yes=yes,
        no=no,
        invalid=invalid,
        not_counted=not_counted,
        **ballots,
    )


def one_per_unit(majority_units: int, *, yes_in_others: int = 300) -> list[Protocol]:
    """One 1000-voter precinct per unit, 600 took part; the first `majority_units` units vote 400 yes (a majority),
    the rest `yes_in_others` yes (300 = exactly half, not a majority)."""
    out = []
    for i, unit in enumerate(UNITS):
        yes = 400 if i < majority_units else yes_in_others
        out.append(make(f"{unit.code}-1", unit.code, took_part=600, yes=yes, no=600 - yes, invalid=0, not_counted=0))
    return out
