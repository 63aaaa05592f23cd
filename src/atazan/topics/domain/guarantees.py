"""Each right of the 2026 Constitution's Section II and the procedural guarantees that protect it.

Read from the text itself; every entry cites the paragraphs it pairs. Shown on the rights page next to the right.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Guarantees:
    right: str  # eId of the paragraph stating the right
    guarantees: tuple[str, ...]  # eIds of the paragraphs that protect it, most specific first


# Constitution 2026. Arts. 41(1) (limits only by law) and 41(3) (rights never to be limited) apply to every right
# and are shown once for the whole section rather than repeated here.
RIGHTS_2026: tuple[Guarantees, ...] = (
    Guarantees("art_12__para_1", ("art_12__para_2", "art_12__para_3")),
    Guarantees("art_12__para_2", ("art_76__para_1", "art_78__para_3", "art_79__para_1", "art_86__para_1")),
    Guarantees("art_13__para_2", ("art_14__para_1",)),
    Guarantees("art_15__para_6", ("art_12__para_2",)),
    Guarantees("art_16__para_1", ("art_16__para_2", "art_78__para_4")),
    Guarantees("art_17__para_1", ("art_17__para_2", "art_17__para_3")),
    Guarantees(
        "art_18__para_1",
        (
            "art_18__para_2",
            "art_18__para_3",
            "art_18__para_4",
            "art_19__para_1",
            "art_19__para_2",
            "art_19__para_3",
            "art_5__para_5",
            "art_78__para_3",
        ),
    ),
    Guarantees("art_20__para_1", ("art_20__para_2",)),
    Guarantees("art_21__para_1", ("art_21__para_2", "art_21__para_3", "art_73__para_3", "art_85__para_1")),
    Guarantees("art_23__para_1", ("art_23__para_5", "art_23__para_4")),
    Guarantees("art_23__para_3", ("art_21__para_3",)),
    Guarantees("art_24__para_1", ("art_24__para_2",)),
    Guarantees("art_28__para_1", ("art_12__para_2",)),
    Guarantees("art_29__para_1", ("art_29__para_3",)),
    Guarantees("art_25__para_1", ("art_19__para_2", "art_7__para_1")),
    Guarantees("art_27__para_1", ("art_27__para_3",)),
)

GENERAL_2026: tuple[str, ...] = ("art_41__para_1", "art_41__para_3", "art_73__para_3", "art_85__para_1")
"""Guarantees of every right: limits only by law and only as necessary (Art. 41(1)); rights no case may limit
(Art. 41(3)); citizens' appeals to the Constitutional Court (Art. 73(3)); the Human Rights Commissioner (Art. 85)."""


def guarantees_of(eid: str) -> tuple[str, ...]:
    for g in RIGHTS_2026:
        if g.right == eid:
            return g.guarantees
    return ()
