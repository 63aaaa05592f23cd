"""How a deputy's mandate ends early and who, if anyone, takes the seat."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .candidates import Candidate, QuotaCheck, candidate_eligibility, quota_check
from .errors import ART_97_1, MandateRuleError
from .i18n import _
from .message import VOICE
from .notes import note

__all__ = ["EndGround", "VacancyOutcome", "VacancyStatus", "vacancy_fill"]

_ART_55_4 = "Constitution 2026, Art. 55(4)"


class EndGround(enum.StrEnum):
    """Grounds on which a Kurultai deputy's mandate ends early."""

    # Art. 55(4), first paragraph: powers end ("прекращаются")
    RESIGNATION = "resignation"
    DEATH = "death"
    INCAPACITY = "incapacity"
    DECLARED_DEAD = "declared-dead"
    DECLARED_MISSING = "declared-missing"
    # Art. 55(2): holding an incompatible office or activity
    INCOMPATIBILITY = "incompatibility"
    # Art. 55(4), second paragraph: the deputy is deprived of the mandate ("лишается своего мандата")
    RESIDENCE_ABROAD = "residence-abroad"
    CONVICTION = "conviction"
    CITIZENSHIP_ENDED = "citizenship-ended"
    LEFT_PARTY = "left-party"
    PARTY_CEASED = "party-ceased"
    # Art. 55(4), last paragraph: all deputies' powers end when the Kurultai is dissolved
    DISSOLUTION = "dissolution"

    @property
    def ref(self) -> str:
        return _REFS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def deprivation(self) -> bool:
        """True for the five grounds on which the deputy is deprived of the mandate (Art. 55(4) 1)-5))."""
        return self in _DEPRIVATION

    @property
    def seat_passes_on(self) -> bool:
        """Whether the seat may pass to the next candidate (Art. 97-1(6)).

        Not after dissolution (every mandate ends; a new election follows) and, as a documented choice, not when the
        party itself ceased to exist: Art. 97-1(6) lets the party's governing body name the successor, and there is
        none, so the seat stays vacant until the next election.
        """
        return self not in (EndGround.DISSOLUTION, EndGround.PARTY_CEASED)


_REFS = {
    EndGround.RESIGNATION: _("Constitution 2026, Art. 55(4), first paragraph (resignation)"),
    EndGround.DEATH: _("Constitution 2026, Art. 55(4), first paragraph (death)"),
    EndGround.INCAPACITY: _("Constitution 2026, Art. 55(4), first paragraph (declared legally incapable by a court)"),
    EndGround.DECLARED_DEAD: _("Constitution 2026, Art. 55(4), first paragraph (declared dead by a court)"),
    EndGround.DECLARED_MISSING: _("Constitution 2026, Art. 55(4), first paragraph (declared missing by a court)"),
    EndGround.INCOMPATIBILITY: _("Constitution 2026, Art. 55(2)"),
    EndGround.RESIDENCE_ABROAD: _("Constitution 2026, Art. 55(4) 1)"),
    EndGround.CONVICTION: _("Constitution 2026, Art. 55(4) 2)"),
    EndGround.CITIZENSHIP_ENDED: _("Constitution 2026, Art. 55(4) 3)"),
    EndGround.LEFT_PARTY: _("Constitution 2026, Art. 55(4) 4)"),
    EndGround.PARTY_CEASED: _("Constitution 2026, Art. 55(4) 5)"),
    EndGround.DISSOLUTION: _("Constitution 2026, Art. 55(4), last paragraph"),
}
_LABELS = {
    EndGround.RESIGNATION: _("resignation"),
    EndGround.DEATH: _("death"),
    EndGround.INCAPACITY: _("declared legally incapable"),
    EndGround.DECLARED_DEAD: _("declared dead"),
    EndGround.DECLARED_MISSING: _("declared missing"),
    EndGround.INCOMPATIBILITY: _("incompatible office or activity"),
    EndGround.RESIDENCE_ABROAD: _("moved permanently abroad"),
    EndGround.CONVICTION: _("conviction in force"),
    EndGround.CITIZENSHIP_ENDED: _("citizenship ended"),
    EndGround.LEFT_PARTY: _("left or expelled from the party"),
    EndGround.PARTY_CEASED: _("the party ceased to exist"),
    EndGround.DISSOLUTION: _("the Kurultai was dissolved"),
}
_DEPRIVATION = frozenset(
    {
        EndGround.RESIDENCE_ABROAD,
        EndGround.CONVICTION,
        EndGround.CITIZENSHIP_ENDED,
        EndGround.LEFT_PARTY,
        EndGround.PARTY_CEASED,
    }
)


class VacancyStatus(enum.StrEnum):
    FILLED = "filled"
    VACANT = "vacant"


@dataclass(frozen=True, slots=True)
class VacancyOutcome:
    status: VacancyStatus
    successor: Candidate | None
    quota: QuotaCheck
    reason: str
    ref: str
    passed_over: tuple[str, ...] = ()


def vacancy_fill(
    *,
    ground: EndGround,
    sitting: Sequence[Candidate],
    remaining: Sequence[Candidate],
    party_mandates: int,
    on_day: date,
    nominee: str | None = None,
) -> VacancyOutcome:
    """Who takes a seat that fell vacant (Constitutional Law on Elections, Art. 97-1(6)).

    ``sitting``: the party's deputies still holding a mandate (without the one who left); ``remaining``: the party's
    candidates not yet elected, in the party's order; ``party_mandates``: seats the party won; ``nominee``: the key the
    party's governing body named, if it named one.

    The successor must keep the 30% rule (Art. 97-1(5) third paragraph, applied by (6)). Without a nominee the first
    candidate in order who keeps it is chosen. Candidates who are no longer eligible on ``on_day`` (Constitution 2026,
    Art. 54(3)) are passed over. Documented choice: if no remaining candidate can keep the rule, the first eligible one
    takes the seat and the shortfall is reported, because the law gives the seat to the next candidate and leaves it
    vacant only when the list is exhausted. A nominee who breaks the rule while another candidate would keep it is
    refused with ``MandateRuleError``.
    """
    rule_ref = f"{ART_97_1}(6)"
    if not ground.seat_passes_on:
        return VacancyOutcome(
            status=VacancyStatus.VACANT,
            successor=None,
            quota=quota_check(sitting, mandates=party_mandates, on_day=on_day),
            reason=note("seat_not_passing", ground=VOICE.label(ground.label)).render(),
            ref=ground.ref,
        )
    passed_over: list[str] = []
    eligible: list[Candidate] = []
    for c in remaining:
        verdict = candidate_eligibility(c, on_day)
        if verdict.eligible:
            eligible.append(c)
        else:
            passed_over.append(f"{c.full_name}: {'; '.join(verdict.reasons)}")
    if not eligible:
        return VacancyOutcome(
            status=VacancyStatus.VACANT,
            successor=None,
            quota=quota_check(sitting, mandates=party_mandates, on_day=on_day),
            reason=note("no_candidate_left").render(),
            ref=f"{rule_ref}, second paragraph",
            passed_over=tuple(passed_over),
        )

    def keeps(c: Candidate) -> bool:
        return quota_check([*sitting, c], mandates=party_mandates, on_day=on_day).met

    keeping = [c for c in eligible if keeps(c)]
    if nominee is not None:
        chosen = next((c for c in eligible if c.key == nominee), None)
        if chosen is None:
            raise MandateRuleError(
                "the party named someone who is not an eligible remaining candidate on its list",
                record=f"candidate {nominee!r}",
                rule=rule_ref,
            )
        if not keeps(chosen) and keeping:
            raise MandateRuleError(
                f"taking this candidate breaks the 30% rule while {keeping[0].full_name} would keep it",
                record=f"candidate {nominee!r}",
                rule=f"{rule_ref}; {ART_97_1}(5), third paragraph",
            )
        successor = chosen
        reason = note("reason_nominee").render()
    elif keeping:
        successor = keeping[0]
        reason = note("reason_next").render()
    else:
        successor = eligible[0]
        reason = note("reason_next_short").render()
    check = quota_check([*sitting, successor], mandates=party_mandates, on_day=on_day)
    return VacancyOutcome(
        status=VacancyStatus.FILLED,
        successor=successor,
        quota=check,
        reason=reason,
        ref=rule_ref,
        passed_over=tuple(passed_over),
    )
