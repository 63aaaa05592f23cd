"""Provisions that may never be amended, in both Constitutions, and the provisions that say so.

A paragraph is marked when it *declares* something unamendable, when it *is protected* by such a declaration, or when
it *guards* the declaration (the Constitutional Court's opinion that an amendment respects it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .messages import Msg, msg


class Role(StrEnum):
    DECLARES = "declares"
    PROTECTED = "protected"
    GUARDS = "guards"


@dataclass(frozen=True, slots=True)
class Entrenched:
    year: int
    eid: str
    role: Role
    source: str  # the provision that makes it so, as cited in the UI
    what: Msg  # what is entrenched (a tooltip), in no language yet


ENTRENCHED: tuple[Entrenched, ...] = (
    # Constitution 2026, Art. 2(7): sovereignty, independence, unitary state, territorial integrity, form of government.
    Entrenched(
        2026,
        "art_2__para_7",
        Role.DECLARES,
        "Constitution 2026, Art. 2(7)",
        msg("sovereignty, independence, the unitary state, territorial integrity and the form of government"),
    ),
    Entrenched(
        2026,
        "art_2__para_1",
        Role.PROTECTED,
        "Constitution 2026, Art. 2(7)",
        msg("the unitary state and the presidential republic"),
    ),
    Entrenched(
        2026,
        "art_2__para_2",
        Role.PROTECTED,
        "Constitution 2026, Art. 2(7)",
        msg("sovereignty over the whole territory and its integrity"),
    ),
    # Constitution 2026, Art. 43(5): the provisions of Art. 43(1) (a single seven-year term) may not be changed.
    Entrenched(
        2026,
        "art_43__para_5",
        Role.DECLARES,
        "Constitution 2026, Art. 43(5)",
        msg("the President's single seven-year term"),
    ),
    Entrenched(
        2026,
        "art_43__para_1",
        Role.PROTECTED,
        "Constitution 2026, Art. 43(5)",
        msg("the President's single seven-year term"),
    ),
    # Constitution 2026, Art. 93: an amendment goes to referendum only with the Court's opinion on Arts. 2(7), 43(5).
    Entrenched(
        2026,
        "art_93__para_1",
        Role.GUARDS,
        "Constitution 2026, Art. 93",
        msg("the Constitutional Court's opinion on Arts. 2(7) and 43(5) before any amendment"),
    ),
    # Constitution 1995 (as amended to 2023), Art. 91(2).
    Entrenched(
        1995,
        "art_91__para_2",
        Role.DECLARES,
        "Constitution 1995, Art. 91(2)",
        msg(
            "independence, the unitary state, territorial integrity, the form of government, the fundamental "
            "principles and the President's single seven-year term"
        ),
    ),
    Entrenched(
        1995,
        "art_1__para_2",
        Role.PROTECTED,
        "Constitution 1995, Art. 91(2)",
        msg("the fundamental principles of the Republic's activity"),
    ),
    Entrenched(
        1995,
        "art_2__para_1",
        Role.PROTECTED,
        "Constitution 1995, Art. 91(2)",
        msg("the unitary state and the presidential form of government"),
    ),
    Entrenched(
        1995,
        "art_2__para_2",
        Role.PROTECTED,
        "Constitution 1995, Art. 91(2)",
        msg("sovereignty over the whole territory and its integrity"),
    ),
    Entrenched(
        1995, "art_41__para_1", Role.PROTECTED, "Constitution 1995, Art. 91(2)", msg("the President's seven-year term")
    ),
    Entrenched(
        1995,
        "art_42__para_5",
        Role.PROTECTED,
        "Constitution 1995, Art. 91(2)",
        msg("one person may be elected President only once"),
    ),
    Entrenched(
        1995,
        "art_91__para_3",
        Role.GUARDS,
        "Constitution 1995, Art. 91(3)",
        msg("the Constitutional Court's opinion on Art. 91(2) before any amendment"),
    ),
)


def entrenchment_of(year: int, eid: str) -> Entrenched | None:
    """The marking of one paragraph, or None when nothing entrenches it."""
    for e in ENTRENCHED:
        if e.year == year and e.eid == eid:
            return e
    return None
