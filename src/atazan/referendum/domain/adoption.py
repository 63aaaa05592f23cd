"""The adoption rule of a nationwide referendum, in exact integers.

- Valid ("состоявшийся") only if more than half of the citizens entitled took part
  (Constitution 2026, Art. 92(2); Referendum Law, Art. 31(2)).
- An ordinary question is adopted if more than half of those who took part voted yes (Referendum Law, Art. 31(3)).
- A Constitution or an amendment additionally needs more than half of those who took part voting yes in at least
  two thirds of the regions, cities of republican significance and the capital (Constitution 2026, Art. 92(3);
  Referendum Law, Art. 31(3), second paragraph). Two thirds of 20 units, rounded up, is 14.

"More than half" is strict: exactly one half is not more than half. `2 * part > whole` keeps it in integers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from atazan.messages.domain import declare

from .messages import VOICE, Msg, msg

VALIDITY_SOURCE = "Constitution 2026, Art. 92(2); Referendum Law, Art. 31(2)"
MAJORITY_SOURCE = "Referendum Law, Art. 31(3)"
UNITS_SOURCE = "Constitution 2026, Art. 92(3); Referendum Law, Art. 31(3), para. 2"
# The sources are labels of the sentences that cite them, translated like every message.
declare(
    "referendum",
    {"adoption:validity": VALIDITY_SOURCE, "adoption:majority": MAJORITY_SOURCE, "adoption:units": UNITS_SOURCE},
)


class QuestionKind(StrEnum):
    CONSTITUTION = "constitution"  # a Constitution or amendments to it
    ORDINARY = "ordinary"


def more_than_half(part: int, whole: int) -> bool:
    """Strictly more than half; with whole == 0 nothing is more than half."""
    return 2 * part > whole


def units_required(unit_count: int) -> int:
    """Two thirds of the units, rounded up (14 of 20; 12 of 17 in 2022)."""
    return -(-2 * unit_count // 3)


@dataclass(frozen=True, slots=True)
class Counts:
    """The four figures the rule reads for one territory."""

    registered: int
    took_part: int
    yes: int


@dataclass(frozen=True, slots=True)
class AdoptionOutcome:
    kind: QuestionKind
    valid: bool
    national_majority: bool
    units_with_majority: tuple[str, ...]
    units_without_majority: tuple[str, ...]
    units_required: int | None  # None for an ordinary question
    adopted: bool
    turnout: Fraction
    yes_share: Fraction

    @property
    def units_condition_met(self) -> bool:
        return self.units_required is None or len(self.units_with_majority) >= self.units_required

    def explanation(self, *, provisional: bool = False) -> list[str]:
        """``explanation_msgs`` in English (the API's and the record's)."""
        return [m.render() for m in self.explanation_msgs(provisional=provisional)]

    def explanation_msgs(self, *, provisional: bool = False) -> list[Msg]:
        """Plain-language reasons, each with its legal source, in the order the law applies them. `provisional`: the
        figures are incomplete, so every conclusion is said to hold only for the protocols counted so far."""
        validity = ("turnout_valid" if self.valid else "turnout_not_valid") + ("_provisional" if provisional else "")
        verdict = ("adopted" if self.adopted else "not_adopted") + ("_provisional" if provisional else "")
        out = [
            msg(validity, turnout=_percent(self.turnout), source=VOICE.label(VALIDITY_SOURCE)),
            msg(
                "yes_majority" if self.national_majority else "no_yes_majority",
                yes_share=_percent(self.yes_share),
                source=VOICE.label(MAJORITY_SOURCE),
            ),
        ]
        if self.units_required is not None:
            out.append(
                msg(
                    "units_majority",
                    with_majority=len(self.units_with_majority),
                    units=len(self.units_with_majority) + len(self.units_without_majority),
                    required=self.units_required,
                    source=VOICE.label(UNITS_SOURCE),
                )
            )
        out.append(msg(verdict))
        return out


def _percent(share: Fraction) -> Decimal:
    """A share as a percentage with two decimals (``Decimal``: the reader's language writes its decimal sign)."""
    return Decimal(f"{float(share) * 100:.2f}")


def adoption_outcome(
    kind: QuestionKind,
    national: Counts,
    units: Mapping[str, Counts],
) -> AdoptionOutcome:
    """Apply the rule. `units` must contain every unit of the country (one with no votes simply lacks a majority)."""
    valid = more_than_half(national.took_part, national.registered)
    national_majority = more_than_half(national.yes, national.took_part)
    with_majority = tuple(code for code, c in units.items() if more_than_half(c.yes, c.took_part))
    without = tuple(code for code in units if code not in set(with_majority))
    if kind is QuestionKind.CONSTITUTION:
        required: int | None = units_required(len(units))
        adopted = valid and national_majority and len(with_majority) >= units_required(len(units))
    else:
        required = None
        adopted = valid and national_majority
    return AdoptionOutcome(
        kind=kind,
        valid=valid,
        national_majority=national_majority,
        units_with_majority=with_majority,
        units_without_majority=without,
        units_required=required,
        adopted=adopted,
        turnout=Fraction(national.took_part, national.registered) if national.registered else Fraction(0),
        yes_share=Fraction(national.yes, national.took_part) if national.took_part else Fraction(0),
    )
