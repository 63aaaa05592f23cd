"""Dated parameters of Kurultai (and earlier Majilis) party-list elections, each with its legal source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

__all__ = [
    "KURULTAI_SEATS",
    "KURULTAI_TERM_YEARS",
    "SINGLE_LIST_COEFFICIENT",
    "SINGLE_LIST_MINIMUM_SEATS",
    "THRESHOLDS",
    "DatedThreshold",
    "threshold_on",
]

# Constitution 2026, Art. 53(1): one hundred and forty-five deputies.
KURULTAI_SEATS = 145
# Constitution 2026, Art. 53(2): deputies' term is five years.
KURULTAI_TERM_YEARS = 5
# Constitutional Law on Elections, Art. 97-1(3), second paragraph: "поправочный коэффициент 0,7".
SINGLE_LIST_COEFFICIENT = Fraction(7, 10)
# Constitutional Law on Elections, Art. 97-1(3), fourth paragraph: "не менее двух мандатов".
SINGLE_LIST_MINIMUM_SEATS = 2


@dataclass(frozen=True, slots=True)
class DatedThreshold:
    """The threshold share of voters who took part, in force for elections held on or after ``since``."""

    since: date
    share: Fraction
    source: str


# Constitutional Law on Elections, Art. 97-1(1). Seven per cent until the Constitutional Law of 24.05.2021
# No. 41-VII (in force ten calendar days after its first official publication); five per cent since. The exact
# publication day is not in our sources, so 2021-06-05 is used as the start of the 5% rule: no Majilis election was held
# between 2021-05-24 and 2021-06-05 (they were held on 2021-01-10 and 2023-03-19), so the choice changes no outcome.
THRESHOLDS: tuple[DatedThreshold, ...] = (
    DatedThreshold(
        since=date(1999, 5, 6),
        share=Fraction(7, 100),
        source="Constitutional Law on Elections, Art. 97-1(1) as added by Constitutional Law of 06.05.1999 No. 375-I",
    ),
    DatedThreshold(
        since=date(2021, 6, 5),
        share=Fraction(5, 100),
        source="Constitutional Law on Elections, Art. 97-1(1) as amended by Constitutional Law 24.05.2021 No. 41-VII",
    ),
)


def threshold_on(election_day: date) -> DatedThreshold:
    """The threshold in force for an election held on ``election_day``.

    Raises ``LookupError`` for a day before party-list seats were allocated under Art. 97-1 (1999).
    """
    current: DatedThreshold | None = None
    for dated in THRESHOLDS:
        if dated.since <= election_day:
            current = dated
    if current is None:
        raise LookupError(f"no party-list threshold was in force on {election_day.isoformat()}")
    return current
