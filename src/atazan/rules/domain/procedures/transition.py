"""From the 1995 Parliament to the first Kurultai (Constitution 2026, Art. 95, with Arts. 52(2), 58(2), 94(1)).

On 1 July 2026 the 1995 Constitution and the Parliament's powers end (Arts. 94(1), 95(1)); the Kurultai's powers
begin when its first session opens (Art. 52(2)). Between the two there is no legislature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from atazan.rules.domain.parameters import ParameterSet, default_parameters
from atazan.rules.domain.procedures.dates import add_months
from atazan.rules.domain.procedures.messages import Citation, Finding, Msg, ProcedureError, _, msg
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import integer

ENTRY_INTO_FORCE = dt.date(2026, 7, 1)  # Constitution 2026, Art. 94(1)

# Offices to be filled within two months of the first session (Art. 95(2)-(4)) and of entry into force (95(5)).
AFTER_FIRST_SESSION: dict[str, tuple[str, Msg]] = {
    "vice_president": ("95(2)", Msg(_("The Vice President is appointed with the Kurultai's consent."))),
    "constitutional_court": ("95(3)", Msg(_("The Chair and judges of the Constitutional Court are appointed."))),
    "election_commission": ("95(4)", Msg(_("The chair and members of the Central Election Commission are appointed."))),
    "audit_chamber": ("95(4)", Msg(_("The chair and members of the Supreme Audit Chamber are appointed."))),
}
AFTER_ENTRY: dict[str, tuple[str, Msg]] = {
    "state_officers": (
        "95(5)",
        Msg(
            _(
                "The chairs of the Supreme Court, National Bank, National Security Committee and Supreme Judicial "
                "Council, the Prosecutor General and the Human Rights Commissioner are appointed."
            )
        ),
    ),
}


def legislature_on(day: dt.date, *, first_session_on: dt.date | None) -> str:
    """``parliament`` (1995) before 1 July 2026, ``none`` from then until the first Kurultai's first session opens,
    ``kurultai`` from that day (Arts. 94(1), 95(1), 52(2)).
    """
    if day < ENTRY_INTO_FORCE:
        return "parliament"
    if first_session_on is None or day < first_session_on:
        return "none"
    return "kurultai"


def transition(
    *,
    as_of: dt.date,
    election_called_on: dt.date | None = None,
    election_day: dt.date | None = None,
    results_published_on: dt.date | None = None,
    first_session_on: dt.date | None = None,
    appointed_on: Mapping[str, dt.date] | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """The transition's deadlines on real dates, what was done when, and each deadline missed by ``as_of``."""
    params = params or default_parameters()
    appointed = dict(appointed_on or {})
    unknown = sorted(set(appointed) - set(AFTER_FIRST_SESSION) - set(AFTER_ENTRY))
    if unknown:
        raise ProcedureError(
            f"appointed_on: unknown {', '.join(unknown)} (known: {', '.join([*AFTER_FIRST_SESSION, *AFTER_ENTRY])})"
        )
    call_months, call_cite = integer(params, "transition.kurultai_election_call_months", ENTRY_INTO_FORCE)
    held_months, held_cite = integer(params, "transition.kurultai_election_months", ENTRY_INTO_FORCE)
    session_days, session_cite = integer(params, "kurultai.first_session_days", ENTRY_INTO_FORCE)
    after_session, _a = integer(params, "transition.appointments_after_first_session_months", ENTRY_INTO_FORCE)
    after_entry, _b = integer(params, "transition.appointments_after_entry_months", ENTRY_INTO_FORCE)
    milestones = [
        Milestone(
            "parliament_ends",
            Citation("95(1)"),
            msg(_("The 1995 Constitution and the Parliament's powers end.")),
            on=ENTRY_INTO_FORCE,
        ),
        Milestone(
            "election_called",
            call_cite,
            msg(_("The President calls the Kurultai elections within {months} month(s)."), months=call_months),
            due=add_months(ENTRY_INTO_FORCE, call_months),
            on=election_called_on,
        ),
        Milestone(
            "election_held",
            held_cite,
            msg(_("The Kurultai elections are held within {months} months."), months=held_months),
            due=add_months(ENTRY_INTO_FORCE, held_months),
            on=election_day,
        ),
    ]
    if results_published_on is not None:
        milestones.append(
            Milestone(
                "first_session",
                session_cite,
                msg(
                    _("The President convenes the first session within {days} days of the results."), days=session_days
                ),
                due=results_published_on + dt.timedelta(days=session_days),
                on=first_session_on,
            )
        )
    if first_session_on is not None:
        milestones.append(
            Milestone(
                "kurultai_powers_begin",
                Citation("52(2)"),
                msg(_("The Kurultai's powers begin with its first session.")),
                on=first_session_on,
            )
        )
        for key, (article, text) in AFTER_FIRST_SESSION.items():
            milestones.append(
                Milestone(
                    key, Citation(article), text, due=add_months(first_session_on, after_session), on=appointed.get(key)
                )
            )
    for key, (article, text) in AFTER_ENTRY.items():
        milestones.append(
            Milestone(
                key, Citation(article), text, due=add_months(ENTRY_INTO_FORCE, after_entry), on=appointed.get(key)
            )
        )
    findings = []
    for stone in milestones:
        if stone.due is not None and (stone.late or (stone.on is None and as_of > stone.due)):
            findings.append(
                Finding(f"{stone.code}_late", stone.citation, msg(_("Due by {due}."), due=stone.due.isoformat()))
            )
    state = legislature_on(as_of, first_session_on=first_session_on)
    return Outcome("transition", f"legislature_{state}", tuple(milestones), tuple(findings))
