"""Majorities and quorums as exact fractions of a base (all members, or those present)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class MajorityBase(StrEnum):
    ALL = "all"  # of the total number of members ("от общего числа депутатов")
    PRESENT = "present"  # of those present / who took part


@dataclass(frozen=True)
class Majority:
    """A share of a base: ``strict`` means "more than" the share, otherwise "not less than".

    "Majority of all deputies" is ``Majority(Fraction(1, 2), strict=True, of=ALL)``; "not less than two thirds" is
    ``Majority(Fraction(2, 3), strict=False, of=ALL)``.
    """

    share: Fraction
    strict: bool
    of: MajorityBase

    def __post_init__(self) -> None:
        if not (0 < self.share <= 1):
            raise ValueError(f"a majority share must lie in (0, 1], got {self.share}")

    def minimum(self, base: int) -> int:
        """The smallest whole number of votes (or members) that meets this majority of ``base``."""
        if base < 0:
            raise ValueError(f"base must not be negative, got {base}")
        exact = self.share * base
        if self.strict:
            return math.floor(exact) + 1
        return math.ceil(exact)

    def met(self, count: int, base: int) -> bool:
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        if self.strict:
            return Fraction(count) > self.share * base
        return Fraction(count) >= self.share * base

    def describe(self, unit: str = "") -> str:
        """In words, over ``unit`` (a parameter's unit): "at least two thirds of all regions", "more than half of
        the voters who took part". Without a unit the base is members: "of all members", "of those present".
        """
        words = {
            Fraction(1, 2): "half",
            Fraction(2, 3): "two thirds",
            Fraction(3, 4): "three quarters",
            Fraction(1, 5): "one fifth",
            Fraction(1, 3): "one third",
            Fraction(4, 5): "four fifths",
        }
        share = words.get(self.share, str(self.share))
        base = _BASES.get((self.of, unit), _BASES[self.of, "members"])
        return f"{'more than' if self.strict else 'at least'} {share} {base}"


# What "all" and "present" mean for each kind of base (the parameter's unit). A referendum counts citizens entitled
# to vote and those who took part in the vote (Constitution 2026, Art. 92(2)-(3)), and regions by all of them.
_BASES: dict[tuple[MajorityBase, str], str] = {
    (MajorityBase.ALL, "members"): "of all members",
    (MajorityBase.PRESENT, "members"): "of those present",
    (MajorityBase.ALL, "deputies"): "of all deputies",
    (MajorityBase.PRESENT, "deputies"): "of the deputies present",
    (MajorityBase.ALL, "voters"): "of the citizens entitled to vote",
    (MajorityBase.PRESENT, "voters"): "of the citizens who took part in the vote",
    (MajorityBase.ALL, "regions"): "of the oblasts, cities of republican significance and the capital",
    (MajorityBase.PRESENT, "regions"): "of the regions that voted",
}
