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
from enum import StrEnum
from fractions import Fraction

VALIDITY_SOURCE = "Constitution 2026, Art. 92(2); Referendum Law, Art. 31(2)"
MAJORITY_SOURCE = "Referendum Law, Art. 31(3)"
UNITS_SOURCE = "Constitution 2026, Art. 92(3); Referendum Law, Art. 31(3), para. 2"


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
        """Plain-language reasons, each with its legal source, in the order the law applies them. `provisional`: the
        figures are incomplete, so every conclusion is said to hold only for the protocols counted so far."""
        validity = "valid" if self.valid else "not valid"
        verdict = "Adopted." if self.adopted else "Not adopted."
        if provisional:
            validity = f"{'valid' if self.valid else 'not valid'} on the protocols counted so far (provisional)"
            verdict = (
                "PROVISIONAL: adopted on the protocols counted so far; the result is incomplete."
                if self.adopted
                else "PROVISIONAL: not adopted on the protocols counted so far; the result is incomplete."
            )
        lines = [
            f"Turnout {float(self.turnout) * 100:.2f}% — {'more' if self.valid else 'not more'} than half of those "
            f"entitled took part: the referendum is {validity} ({VALIDITY_SOURCE}).",
            f"Yes {float(self.yes_share) * 100:.2f}% of those who took part — "
            f"{'more' if self.national_majority else 'not more'} than half ({MAJORITY_SOURCE}).",
        ]
        if self.units_required is not None:
            lines.append(
                f"More than half said yes in {len(self.units_with_majority)} of "
                f"{len(self.units_with_majority) + len(self.units_without_majority)} units; "
                f"{self.units_required} required ({UNITS_SOURCE})."
            )
        lines.append(verdict)
        return lines


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
