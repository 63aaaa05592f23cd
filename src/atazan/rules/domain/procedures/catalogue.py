# ruff: noqa: E501  (message templates are gettext keys, kept whole on one line)
"""Every procedure as a timeline of steps, each with its article and its figures as of a date.

This is what the pages at /rules/procedures/<key>/ and the API at /api/rules/procedures show: the steps in order,
who takes each, the deadline or majority it carries (read from the dated parameters, so the figures are those in
force on the date asked) and the parameters used, whose references say where a figure is an assumption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from atazan.rules.domain.parameters import ParameterSet, default_parameters
from atazan.rules.domain.procedures.messages import Msg, ProcedureError, _
from atazan.rules.domain.procedures.steps_legislation import (
    amendment_steps,
    confidence_steps,
    constitutional_law_steps,
    court_steps,
    decree_steps,
    initiative_steps,
    passage_steps,
    priority_steps,
    signature_steps,
    veto_steps,
)
from atazan.rules.domain.procedures.steps_offices import (
    amendment_1995_steps,
    chair_steps,
    dissolution_steps,
    election_steps,
    minister_steps,
    no_confidence_steps,
    removal_steps,
    transition_steps,
    vacancy_steps,
)
from atazan.rules.domain.procedures.timeline import Figures, Procedure, Step

__all__ = ["Procedure", "Step", "procedure_describe", "procedure_keys", "procedure_summary"]

ENTRY_INTO_FORCE = dt.date(2026, 7, 1)

_Builder = Callable[[Figures], tuple[Step, ...]]

# key -> (title, summary, constitution, builder)
PROCEDURES: dict[str, tuple[Msg, Msg, str, _Builder]] = {
    "initiative": (
        Msg(_("Legislative initiative")),
        Msg(_("Who introduces bills and on what terms.")),
        "2026",
        initiative_steps,
    ),
    "passage": (
        Msg(_("Passage of a law")),
        Msg(_("Quorum, majorities and presentation for signature.")),
        "2026",
        passage_steps,
    ),
    "signature": (
        Msg(_("Signature")),
        Msg(_("Countersignature, the President's month and entry into force.")),
        "2026",
        signature_steps,
    ),
    "veto": (
        Msg(_("Objections of the President")),
        Msg(_("Return of a law or of separate articles and the new vote.")),
        "2026",
        veto_steps,
    ),
    "court": (
        Msg(_("Constitutional Court")),
        Msg(_("Who refers a law or asks for the opinion on amendments.")),
        "2026",
        court_steps,
    ),
    "amendment": (
        Msg(_("Amending the Constitution")),
        Msg(_("Only by nationwide referendum, after the Court's opinion.")),
        "2026",
        amendment_steps,
    ),
    "removal": (
        Msg(_("Removal of the President")),
        Msg(_("High treason and lasting inability for health reasons.")),
        "2026",
        removal_steps,
    ),
    "dissolution": (
        Msg(_("Dissolution of the Kurultai")),
        Msg(_("Grounds, bars and what follows.")),
        "2026",
        dissolution_steps,
    ),
    "priority": (Msg(_("Priority bills")), Msg(_("Bills the President makes a priority.")), "2026", priority_steps),
    "confidence": (
        Msg(_("Question of confidence")),
        Msg(_("A Government bill adopted without a vote.")),
        "2026",
        confidence_steps,
    ),
    "decree": (
        Msg(_("Decrees of the President")),
        Msg(_("Decrees, the force of law and countersignature.")),
        "2026",
        decree_steps,
    ),
    "constitutional_law": (
        Msg(_("Constitutional laws")),
        Msg(_("The matters the Constitution reserves to them.")),
        "2026",
        constitutional_law_steps,
    ),
    "no_confidence": (
        Msg(_("Vote of no confidence")),
        Msg(_("No confidence in the Government.")),
        "2026",
        no_confidence_steps,
    ),
    "minister_dismissal": (
        Msg(_("Dismissal of a member of the Government")),
        Msg(_("The Kurultai's request to the President.")),
        "2026",
        minister_steps,
    ),
    "chair": (Msg(_("Chair of the Kurultai")), Msg(_("Election, refusal and recall.")), "2026", chair_steps),
    "vacancy": (
        Msg(_("Vacancy of the President's office")),
        Msg(_("Succession, oath and the early election.")),
        "2026",
        vacancy_steps,
    ),
    "president_election": (
        Msg(_("Election of the President")),
        Msg(_("Who may be elected and how.")),
        "2026",
        election_steps,
    ),
    "transition": (
        Msg(_("Transition to the Kurultai")),
        Msg(_("From 1 July 2026 to the first Kurultai (Art. 95).")),
        "2026",
        transition_steps,
    ),
    "amendment_1995": (
        Msg(_("Amendment by Parliament (1995)")),
        Msg(_("Until 30 June 2026, on the President's proposal.")),
        "1995",
        amendment_1995_steps,
    ),
}


def procedure_keys() -> tuple[str, ...]:
    return tuple(PROCEDURES)


def procedure_summary(key: str) -> tuple[Msg, Msg, str]:
    """Title, summary and constitution of ``key``, whatever the date (they do not depend on figures)."""
    if key not in PROCEDURES:
        raise ProcedureError(f"unknown procedure {key!r} (known: {', '.join(PROCEDURES)})")
    title, summary, constitution, _build = PROCEDURES[key]
    return title, summary, constitution


def procedure_describe(key: str, *, as_of: dt.date, params: ParameterSet | None = None) -> Procedure:
    """The procedure ``key`` with the figures in force on ``as_of``: a 2026 procedure asked for before 1 July 2026
    shows the figures of that day, and the 1995 one asked for later shows those of 30 June 2026.
    """
    if key not in PROCEDURES:
        raise ProcedureError(f"unknown procedure {key!r} (known: {', '.join(PROCEDURES)})")
    params = params or default_parameters()
    title, summary, constitution, build = PROCEDURES[key]
    last_1995 = ENTRY_INTO_FORCE - dt.timedelta(days=1)
    on = max(as_of, ENTRY_INTO_FORCE) if constitution == "2026" else min(as_of, last_1995)
    figures = Figures(params, on)
    steps = build(figures)
    return Procedure(key, title, summary, constitution, on, steps, tuple(dict.fromkeys(figures.used)))
