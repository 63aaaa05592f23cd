"""Every step of an allocation in words, each with the paragraph of the law it applies (or "not the law")."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .allocation import Admission, Allocation, Method, Rule
from .errors import ART_97_1

__all__ = ["Step", "allocation_steps", "decimal_text"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step: ``kind`` is stable (for translation and tests), ``ref`` the legal source, ``text`` in English."""

    kind: str
    ref: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "ref": self.ref, "text": self.text}


def decimal_text(value: Fraction, places: int = 2) -> str:
    """``value`` rounded half away from zero to ``places`` decimals, for display only."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = "-" if value < 0 and whole else ""
    if places == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole // scale}.{whole % scale:0{places}d}"


def _pct(value: Fraction) -> str:
    return decimal_text(value * 100, 2) + "%"


def allocation_steps(a: Allocation) -> tuple[Step, ...]:
    """The allocation explained in order: admission, quota, whole parts, remainders (or averages), result."""
    steps: list[Step] = []
    law = a.method is Method.HARE
    ref_law = ART_97_1
    not_law = "not the law: " + a.method.label
    steps.append(
        Step(
            "method",
            ref_law if law else not_law,
            a.method.label,
        )
    )
    threshold_votes = a.threshold * a.took_part
    steps.append(
        Step(
            "threshold",
            f"{ref_law}(1)",
            f"Threshold: {_pct(a.threshold)} of the {a.took_part} voters who took part = "
            f"{decimal_text(threshold_votes)} votes; a list needs that many or more.",
        )
    )
    for o in a.outcomes:
        share = _pct(Fraction(o.votes, a.took_part))
        if o.admission is Admission.THRESHOLD:
            steps.append(Step("admitted", f"{ref_law}(1)", f"{o.party}: {o.votes} votes ({share}) — admitted."))
        elif o.admission is Admission.RUNNER_UP:
            steps.append(
                Step(
                    "runner-up",
                    f"{ref_law}(2)",
                    f"{o.party}: {o.votes} votes ({share}) — below the threshold, but only one list passed, so the "
                    f"list with the next largest vote takes part too.",
                )
            )
        else:
            steps.append(Step("excluded", f"{ref_law}(1)", f"{o.party}: {o.votes} votes ({share}) — no seats."))
    if a.rule is Rule.SOLE_LIST:
        (winner,) = (o for o in a.outcomes if o.admitted)
        steps.append(
            Step(
                "sole-list",
                f"{ref_law}(1)-(2) (documented choice)",
                f"Only {winner.party} passed and no other list received a vote, so paragraph 2 has no list to admit: "
                f"{winner.party} receives all {a.seats_total} seats.",
            )
        )
        return tuple(steps)
    if a.quota is not None:
        admitted_votes = sum(o.votes for o in a.outcomes if o.admitted)
        if a.method is Method.DROOP:
            steps.append(
                Step(
                    "quota",
                    not_law,
                    f"Droop quota = 1 + whole part of {admitted_votes} / ({a.seats_total} + 1) = {a.quota}.",
                )
            )
        else:
            para = "(2)" if a.rule is Rule.SINGLE_LIST else "(1)"
            steps.append(
                Step(
                    "quota",
                    f"{ref_law}{para}",
                    f"Quota = {admitted_votes} votes of the admitted lists / {a.seats_total} seats = "
                    f"{decimal_text(a.quota, 4)} (exactly {a.quota}).",
                )
            )
        for o in a.outcomes:
            if not o.admitted or o.quotient is None:
                continue
            coef = f" × {decimal_text(o.coefficient, 1)} (correction coefficient)" if o.coefficient != 1 else ""
            ref = f"{ref_law}(3)" if law else not_law
            steps.append(
                Step(
                    "quotient",
                    ref,
                    f"{o.party}: {o.votes} / quota{coef} = {decimal_text(o.quotient, 4)} → {o.whole} seats "
                    f"(whole part), remainder {decimal_text(o.remainder or Fraction(0), 4)}.",
                )
            )
        given = sum(o.whole for o in a.outcomes)
        left = a.seats_total - given
        if a.rule is Rule.SINGLE_LIST:
            runner = next(o for o in a.outcomes if o.admission is Admission.RUNNER_UP)
            winner = next(o for o in a.outcomes if o.admission is Admission.THRESHOLD)
            if runner.extra:
                steps.append(
                    Step(
                        "minimum-two",
                        f"{ref_law}(3), fourth paragraph",
                        f"{runner.party} must get at least 2 seats: {runner.whole} → {runner.seats}.",
                    )
                )
            steps.append(
                Step(
                    "leftover-to-winner",
                    f"{ref_law}(4), second paragraph",
                    f"All seats not yet given go to {winner.party}, the list that passed: "
                    f"{winner.whole} → {winner.seats}.",
                )
            )
        elif left:
            ref = f"{ref_law}(4)" if law else not_law
            steps.append(
                Step(
                    "leftover",
                    ref,
                    f"{given} seats given by whole parts; {left} left, one each to the largest remainders "
                    f"(equal remainders: the list registered earlier).",
                )
            )
            ranked = sorted(
                (o for o in a.outcomes if o.remainder_rank is not None), key=lambda o: o.remainder_rank or 0
            )
            for o in ranked:
                got = "gets one more seat" if o.extra else "no further seat"
                steps.append(
                    Step(
                        "remainder",
                        ref,
                        f"{o.remainder_rank}. {o.party}: remainder {decimal_text(o.remainder or Fraction(0), 4)} — "
                        f"{got}.",
                    )
                )
        else:
            steps.append(Step("no-leftover", f"{ref_law}(4)" if law else not_law, "Whole parts give every seat."))
    else:
        divisors = "1, 2, 3, …" if a.method is Method.DHONDT else "1, 3, 5, …"
        last = decimal_text(a.last_average or Fraction(0), 2)
        nxt = decimal_text(a.next_average, 2) if a.next_average is not None else "none"
        steps.append(
            Step(
                "averages",
                not_law,
                f"Each list's votes are divided by {divisors}; the {a.seats_total} largest averages win a seat each "
                f"(equal averages: the list registered earlier). The last seat went at an average of {last}; the "
                f"next largest average is {nxt}.",
            )
        )
    summary = ", ".join(f"{o.party} {o.seats}" for o in a.outcomes if o.seats)
    steps.append(Step("result", ref_law if law else not_law, f"Seats: {summary} (total {a.seats_total})."))
    return tuple(steps)
