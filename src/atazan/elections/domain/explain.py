"""Every step of an allocation in words, each with the paragraph of the law it applies (or "not the law").

The words are translatable without Django here: a step carries messages (``Msg``), each an English template with
named fields — the template is the translation key (a gettext msgid) — and the values that fill it. ``Msg.render``
takes a ``translate`` function (identity for English; the adapter passes Django's ``gettext``). Values are already
formatted (exact figures as text) and are never translated, so a party's name stays as registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .allocation import Admission, Allocation, Method, Rule
from .i18n import _
from .message import Msg, Translate, msg, same

__all__ = ["Msg", "Step", "allocation_steps", "decimal_text", "msg", "step_templates"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step: ``kind`` is stable (for tests and styling), ``reference`` the legal source, ``message`` what happened.

    ``ref`` and ``text`` are the English renderings (the CLI's and the JSON API's words); ``render(translate)``
    gives both in another language.
    """

    kind: str
    reference: Msg
    message: Msg

    @property
    def ref(self) -> str:
        return self.reference.render()

    @property
    def text(self) -> str:
        return self.message.render()

    def render(self, translate: Translate = same) -> dict[str, str]:
        return {"kind": self.kind, "ref": self.reference.render(translate), "text": self.message.render(translate)}

    def as_dict(self) -> dict[str, str]:
        return self.render()


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


# Legal references (Constitutional Law on Elections, Art. 97-1), each a translation key of its own.
REF_LAW = _("Constitutional Law on Elections, Art. 97-1")
REF_1 = _("Constitutional Law on Elections, Art. 97-1(1)")
REF_2 = _("Constitutional Law on Elections, Art. 97-1(2)")
REF_3 = _("Constitutional Law on Elections, Art. 97-1(3)")
REF_4 = _("Constitutional Law on Elections, Art. 97-1(4)")
REF_SOLE = _("Constitutional Law on Elections, Art. 97-1(1)-(2) (documented choice)")
REF_3_FOURTH = _("Constitutional Law on Elections, Art. 97-1(3), fourth paragraph")
REF_4_SECOND = _("Constitutional Law on Elections, Art. 97-1(4), second paragraph")
REF_NOT_LAW = _("not the law: {method}")

# What happened at each step; the names of the fields are part of the key.
T_THRESHOLD = _(
    "Threshold: {threshold} of the {took_part} voters who took part = {votes} votes; a list needs that many or more."
)
T_ADMITTED = _("{party}: {votes} votes ({share}) — admitted.")
T_RUNNER_UP = _(
    "{party}: {votes} votes ({share}) — below the threshold, but only one list passed, so the list with the next "
    "largest vote takes part too."
)
T_EXCLUDED = _("{party}: {votes} votes ({share}) — no seats.")
T_SOLE_LIST = _(
    "Only {party} passed and no other list received a vote, so paragraph 2 has no list to admit: {party} receives all "
    "{seats} seats."
)
T_DROOP_QUOTA = _("Droop quota = 1 + whole part of {votes} / ({seats} + 1) = {quota}.")
T_HARE_QUOTA = _("Quota = {votes} votes of the admitted lists / {seats} seats = {quota} (exactly {exact}).")
T_QUOTIENT = _("{party}: {votes} / quota = {quotient} → {whole} seats (whole part), remainder {remainder}.")
T_QUOTIENT_COEF = _(
    "{party}: {votes} / quota × {coefficient} (correction coefficient) = {quotient} → {whole} seats (whole part), "
    "remainder {remainder}."
)
T_MINIMUM_TWO = _("{party} must get at least 2 seats: {before} → {after}.")
T_LEFTOVER_TO_WINNER = _("All seats not yet given go to {party}, the list that passed: {before} → {after}.")
T_LEFTOVER = _(
    "{given} seats given by whole parts; {left} left, one each to the largest remainders (equal remainders: the list "
    "registered earlier)."
)
T_REMAINDER_SEAT = _("{rank}. {party}: remainder {remainder} — gets one more seat.")
T_REMAINDER_NONE = _("{rank}. {party}: remainder {remainder} — no further seat.")
T_NO_LEFTOVER = _("Whole parts give every seat.")
T_AVERAGES = _(
    "Each list's votes are divided by {divisors}; the {seats} largest averages win a seat each (equal averages: the "
    "list registered earlier). The last seat went at an average of {last}; the next largest average is {next}."
)
T_AVERAGES_LAST = _(
    "Each list's votes are divided by {divisors}; the {seats} largest averages win a seat each (equal averages: the "
    "list registered earlier). The last seat went at an average of {last}; no other average is left."
)
T_RESULT = _("Seats: {summary} (total {seats}).")


def step_templates() -> tuple[str, ...]:
    """Every template a step can show (method names included): the keys a translation must cover."""
    return (
        REF_LAW, REF_1, REF_2, REF_3, REF_4, REF_SOLE, REF_3_FOURTH, REF_4_SECOND, REF_NOT_LAW,
        T_THRESHOLD, T_ADMITTED, T_RUNNER_UP, T_EXCLUDED, T_SOLE_LIST, T_DROOP_QUOTA, T_HARE_QUOTA, T_QUOTIENT,
        T_QUOTIENT_COEF, T_MINIMUM_TWO, T_LEFTOVER_TO_WINNER, T_LEFTOVER, T_REMAINDER_SEAT, T_REMAINDER_NONE,
        T_NO_LEFTOVER, T_AVERAGES, T_AVERAGES_LAST, T_RESULT,
        *(m.label for m in Method),
    )  # fmt: skip


def allocation_steps(a: Allocation) -> tuple[Step, ...]:
    """The allocation explained in order: admission, quota, whole parts, remainders (or averages), result."""
    steps: list[Step] = []
    law = a.method is Method.HARE
    not_law = msg(REF_NOT_LAW, method=Msg(a.method.label))

    def ref(paragraph: str) -> Msg:
        """The paragraph of the law for a step of the law's method; "not the law" for a comparison method."""
        return Msg(paragraph) if law else not_law

    steps.append(Step("method", Msg(REF_LAW) if law else not_law, Msg(a.method.label)))
    threshold_votes = a.threshold * a.took_part
    steps.append(
        Step(
            "threshold",
            Msg(REF_1),
            msg(T_THRESHOLD, threshold=_pct(a.threshold), took_part=a.took_part, votes=decimal_text(threshold_votes)),
        )
    )
    for o in a.outcomes:
        share = _pct(Fraction(o.votes, a.took_part))
        if o.admission is Admission.THRESHOLD:
            steps.append(Step("admitted", Msg(REF_1), msg(T_ADMITTED, party=o.party, votes=o.votes, share=share)))
        elif o.admission is Admission.RUNNER_UP:
            steps.append(Step("runner-up", Msg(REF_2), msg(T_RUNNER_UP, party=o.party, votes=o.votes, share=share)))
        else:
            steps.append(Step("excluded", Msg(REF_1), msg(T_EXCLUDED, party=o.party, votes=o.votes, share=share)))
    if a.rule is Rule.SOLE_LIST:
        (winner,) = (o for o in a.outcomes if o.admitted)
        steps.append(Step("sole-list", Msg(REF_SOLE), msg(T_SOLE_LIST, party=winner.party, seats=a.seats_total)))
        return tuple(steps)
    if a.quota is not None:
        admitted_votes = sum(o.votes for o in a.outcomes if o.admitted)
        if a.method is Method.DROOP:
            quota = msg(T_DROOP_QUOTA, votes=admitted_votes, seats=a.seats_total, quota=str(a.quota))
            steps.append(Step("quota", not_law, quota))
        else:
            paragraph = REF_2 if a.rule is Rule.SINGLE_LIST else REF_1
            quota = msg(
                T_HARE_QUOTA,
                votes=admitted_votes,
                seats=a.seats_total,
                quota=decimal_text(a.quota, 4),
                exact=str(a.quota),
            )
            steps.append(Step("quota", Msg(paragraph), quota))
        for o in a.outcomes:
            if not o.admitted or o.quotient is None:
                continue
            figures: dict[str, str | int | Msg] = {
                "party": o.party,
                "votes": o.votes,
                "quotient": decimal_text(o.quotient, 4),
                "whole": o.whole,
                "remainder": decimal_text(o.remainder or Fraction(0), 4),
            }
            if o.coefficient != 1:
                message = msg(T_QUOTIENT_COEF, coefficient=decimal_text(o.coefficient, 1), **figures)
            else:
                message = msg(T_QUOTIENT, **figures)
            steps.append(Step("quotient", ref(REF_3), message))
        given = sum(o.whole for o in a.outcomes)
        left = a.seats_total - given
        if a.rule is Rule.SINGLE_LIST:
            runner = next(o for o in a.outcomes if o.admission is Admission.RUNNER_UP)
            winner = next(o for o in a.outcomes if o.admission is Admission.THRESHOLD)
            if runner.extra:
                steps.append(
                    Step(
                        "minimum-two",
                        Msg(REF_3_FOURTH),
                        msg(T_MINIMUM_TWO, party=runner.party, before=runner.whole, after=runner.seats),
                    )
                )
            steps.append(
                Step(
                    "leftover-to-winner",
                    Msg(REF_4_SECOND),
                    msg(T_LEFTOVER_TO_WINNER, party=winner.party, before=winner.whole, after=winner.seats),
                )
            )
        elif left:
            steps.append(Step("leftover", ref(REF_4), msg(T_LEFTOVER, given=given, left=left)))
            ranked = sorted(
                (o for o in a.outcomes if o.remainder_rank is not None), key=lambda o: o.remainder_rank or 0
            )
            for o in ranked:
                template = T_REMAINDER_SEAT if o.extra else T_REMAINDER_NONE
                remainder = decimal_text(o.remainder or Fraction(0), 4)
                message = msg(template, rank=o.remainder_rank or 0, party=o.party, remainder=remainder)
                steps.append(Step("remainder", ref(REF_4), message))
        else:
            steps.append(Step("no-leftover", ref(REF_4), Msg(T_NO_LEFTOVER)))
    else:
        divisors = "1, 2, 3, …" if a.method is Method.DHONDT else "1, 3, 5, …"
        last = decimal_text(a.last_average or Fraction(0), 2)
        if a.next_average is not None:
            message = msg(
                T_AVERAGES, divisors=divisors, seats=a.seats_total, last=last, next=decimal_text(a.next_average, 2)
            )
        else:
            message = msg(T_AVERAGES_LAST, divisors=divisors, seats=a.seats_total, last=last)
        steps.append(Step("averages", not_law, message))
    summary = ", ".join(f"{o.party} {o.seats}" for o in a.outcomes if o.seats)
    steps.append(Step("result", ref(REF_LAW), msg(T_RESULT, summary=summary, seats=a.seats_total)))
    return tuple(steps)
