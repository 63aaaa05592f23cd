"""The Kurultai's votes on the Government and its own Chair, and dissolution after repeated refusals:
no confidence (Constitution 2026, Art. 56(13), 69(3)-(4)), a request to dismiss a member of the Government
(56(17)), the election and recall of the Chair (57(1)-(2)) and dissolution (62(2)-(3), 51(3)).
"""

from __future__ import annotations

import datetime as dt

from atazan.rules.domain.parameters import ParameterSet, default_parameters
from atazan.rules.domain.procedures.dates import add_months
from atazan.rules.domain.procedures.messages import Citation, Finding, ProcedureError, _, msg, office
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import integer, kurultai_total, names, threshold


def no_confidence(
    *,
    initiators: int,
    votes_for: int | None,
    voted_on: dt.date,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """At least a fifth of all deputies initiate; a majority of all deputies expresses no confidence in the
    Government (Art. 56(13)); the Government then declares its resignation (Art. 69(3)) and the President decides
    on it within ten days (Art. 69(4)).
    """
    params = params or default_parameters()
    seats = kurultai_total(params, voted_on, total)
    start = threshold(
        params, "kurultai.no_confidence_initiative", count=initiators, total=seats, present=None, as_of=voted_on
    )
    figures = [("initiative_minimum", str(start.minimum))]
    milestones = [
        Milestone(
            "no_confidence_initiative",
            start.citation,
            msg(_("Initiative: {count} deputies of the {minimum} needed."), count=initiators, minimum=start.minimum),
        )
    ]
    if not start.met:
        return Outcome(
            "no_confidence",
            "refused",
            tuple(milestones),
            (Finding("no_confidence_initiative", start.citation, msg(_("Too few deputies initiated the vote."))),),
            tuple(figures),
        )
    if votes_for is None:
        return Outcome("no_confidence", "initiated", tuple(milestones), (), tuple(figures))
    vote = threshold(
        params, "kurultai.no_confidence_majority", count=votes_for, total=seats, present=None, as_of=voted_on
    )
    figures.append(("majority_minimum", str(vote.minimum)))
    milestones.append(
        Milestone(
            "no_confidence_vote",
            vote.citation,
            msg(_("Vote of no confidence: {count} votes of {minimum} needed."), count=votes_for, minimum=vote.minimum),
            on=voted_on,
        )
    )
    if not vote.met:
        return Outcome("no_confidence", "confidence_kept", tuple(milestones), (), tuple(figures))
    days, days_cite = integer(params, "government.resignation_decision_days", voted_on)
    milestones += [
        Milestone(
            "government_resignation",
            Citation("69(3)"),
            msg(_("The Government declares its resignation to the President.")),
            on=voted_on,
        ),
        Milestone(
            "resignation_decision",
            days_cite,
            msg(_("The President accepts or rejects the resignation within {days} days."), days=days),
            due=voted_on + dt.timedelta(days=days),
        ),
    ]
    return Outcome("no_confidence", "no_confidence", tuple(milestones), (), tuple(figures))


def minister_dismissal_request(
    *,
    initiators: int,
    votes_for: int | None,
    failed_to_execute_laws: bool,
    voted_on: dt.date,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """On the initiative of at least a third of all deputies the Kurultai hears a member of the Government; for
    failing to execute the laws, two thirds of all deputies may ask the President to dismiss the member, and the
    President then dismisses him (Constitution 2026, Art. 56(17); Art. 63(3)).
    """
    params = params or default_parameters()
    seats = kurultai_total(params, voted_on, total)
    start = threshold(
        params, "kurultai.minister_report_initiative", count=initiators, total=seats, present=None, as_of=voted_on
    )
    figures = [("initiative_minimum", str(start.minimum))]
    milestones = [
        Milestone(
            "report_initiative",
            start.citation,
            msg(
                _("Initiative to hear the report: {count} deputies of the {minimum} needed."),
                count=initiators,
                minimum=start.minimum,
            ),
        )
    ]
    if not start.met:
        return Outcome(
            "minister_dismissal",
            "refused",
            tuple(milestones),
            (Finding("report_initiative", start.citation, msg(_("Too few deputies asked to hear the report."))),),
            tuple(figures),
        )
    if votes_for is None:
        return Outcome("minister_dismissal", "report_scheduled", tuple(milestones), (), tuple(figures))
    if not failed_to_execute_laws:
        return Outcome(
            "minister_dismissal",
            "refused",
            tuple(milestones),
            (
                Finding(
                    "dismissal_ground",
                    start.citation,
                    msg(_("A request to dismiss rests only on the member's failure to execute the laws.")),
                ),
            ),
            tuple(figures),
        )
    vote = threshold(
        params, "kurultai.minister_dismissal_majority", count=votes_for, total=seats, present=None, as_of=voted_on
    )
    figures.append(("majority_minimum", str(vote.minimum)))
    milestones.append(
        Milestone(
            "dismissal_vote",
            vote.citation,
            msg(_("Request to dismiss: {count} votes of {minimum} needed."), count=votes_for, minimum=vote.minimum),
            on=voted_on,
        )
    )
    if not vote.met:
        return Outcome("minister_dismissal", "request_not_adopted", tuple(milestones), (), tuple(figures))
    milestones.append(
        Milestone("minister_dismissed", vote.citation, msg(_("The President dismisses the member of the Government.")))
    )
    return Outcome("minister_dismissal", "dismissal_requested", tuple(milestones), (), tuple(figures))


def chair_election(
    *,
    nominated_by: str,
    candidate_is_deputy: bool,
    candidate_fluent_in_state_language: bool,
    secret_ballot: bool,
    votes_for: int,
    earlier_refusals: int,
    voted_on: dt.date,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """The Chair is elected from among the deputies fluent in the state language, by secret ballot, by a majority
    of all deputies, on the President's nomination; after a repeated refusal to elect, the President may dissolve
    the Kurultai (Constitution 2026, Art. 57(1), 62(2)).
    """
    params = params or default_parameters()
    if earlier_refusals < 0:
        raise ProcedureError(f"earlier_refusals must not be negative, got {earlier_refusals}")
    seats = kurultai_total(params, voted_on, total)
    cite = Citation("57(1)")
    findings = []
    if nominated_by != "president":
        findings.append(
            Finding(
                "chair_nomination",
                cite,
                msg(
                    _("The candidate for Chair is nominated by the President, not by {who}."), who=office(nominated_by)
                ),
            )
        )
    if not candidate_is_deputy:
        findings.append(
            Finding("chair_candidate_deputy", cite, msg(_("The Chair is elected from among the deputies.")))
        )
    if not candidate_fluent_in_state_language:
        findings.append(
            Finding("chair_candidate_language", cite, msg(_("The Chair must be fluent in the state language.")))
        )
    if not secret_ballot:
        findings.append(Finding("chair_secret_ballot", cite, msg(_("The Chair is elected by secret ballot."))))
    if findings:
        return Outcome("chair_election", "refused", (), tuple(findings))
    vote = threshold(params, "kurultai.chair_majority", count=votes_for, total=seats, present=None, as_of=voted_on)
    milestones = [
        Milestone(
            "chair_vote",
            vote.citation,
            msg(_("Election of the Chair: {count} votes of {minimum} needed."), count=votes_for, minimum=vote.minimum),
            on=voted_on,
        )
    ]
    figures = (("majority_minimum", str(vote.minimum)),)
    if vote.met:
        return Outcome("chair_election", "elected", tuple(milestones), (), figures)
    needed, needed_cite = integer(params, "kurultai.refusals_before_dissolution", voted_on)
    refusals = earlier_refusals + 1
    if refusals >= needed:
        milestones.append(
            Milestone(
                "dissolution_possible",
                needed_cite,
                msg(
                    _("A repeated refusal: the President may dissolve the Kurultai, except in the cases of Art. 62(3).")
                ),
            )
        )
        return Outcome("chair_election", "repeated_refusal", tuple(milestones), (), figures)
    return Outcome("chair_election", "refused_once", tuple(milestones), (), figures)


def chair_recall(
    *, votes_for: int, voted_on: dt.date, total: int | None = None, params: ParameterSet | None = None
) -> Outcome:
    """The Chair is recalled, or resigns, if a majority of all deputies votes for it (Constitution 2026, Art. 57(2))."""
    params = params or default_parameters()
    seats = kurultai_total(params, voted_on, total)
    vote = threshold(
        params, "kurultai.chair_recall_majority", count=votes_for, total=seats, present=None, as_of=voted_on
    )
    return Outcome(
        "chair_recall",
        "recalled" if vote.met else "not_recalled",
        (
            Milestone(
                "chair_recall_vote",
                vote.citation,
                msg(
                    _("Recall of the Chair: {count} votes of {minimum} needed."), count=votes_for, minimum=vote.minimum
                ),
                on=voted_on,
            ),
        ),
        (),
        (("majority_minimum", str(vote.minimum)),),
    )


def dissolution_after_refusals(
    *,
    office_code: str,
    refusals: int,
    as_of: dt.date,
    emergency: bool = False,
    martial_law: bool = False,
    president_term_ends: dt.date | None = None,
    previous_dissolution: dt.date | None = None,
    acting_president: bool = False,
    params: ParameterSet | None = None,
) -> Outcome:
    """May the President dissolve the Kurultai because it refused, a second time, its consent to a candidate for an
    office filled with its consent (the Vice President, the Prime Minister, judges of the Constitutional Court,
    members of the Central Election Commission and of the Supreme Audit Chamber) or to elect the Chair
    (Constitution 2026, Arts. 46(2), 46(4), 46(8), 57(1), 62(2))? Never during a state of emergency or martial law,
    in the last six months of the President's powers, within a year of the previous dissolution, or by a person who
    has assumed the President's powers (Arts. 62(3), 51(3)).
    """
    params = params or default_parameters()
    offices, offices_cite = names(params, "kurultai.consent_offices", as_of)
    needed, needed_cite = integer(params, "kurultai.refusals_before_dissolution", as_of)
    last_months, bar_cite = integer(params, "kurultai.dissolution_bar_last_months_of_president", as_of)
    gap_months, _gap = integer(params, "kurultai.dissolution_bar_months_after_previous", as_of)
    if refusals < 0:
        raise ProcedureError(f"refusals must not be negative, got {refusals}")
    findings = []
    if office_code not in offices:
        findings.append(
            Finding(
                "dissolution_office",
                offices_cite,
                msg(
                    _("{office} is not filled with the Kurultai's consent; a refusal there is no ground to dissolve."),
                    office=office(office_code),
                ),
            )
        )
    elif refusals < needed:
        findings.append(
            Finding(
                "dissolution_refusals",
                needed_cite,
                msg(
                    _("Consent refused {count} time(s); dissolution needs a repeated refusal ({needed})."),
                    count=refusals,
                    needed=needed,
                ),
            )
        )
    if emergency:
        findings.append(
            Finding("dissolution_emergency", bar_cite, msg(_("No dissolution during a state of emergency.")))
        )
    if martial_law:
        findings.append(Finding("dissolution_martial_law", bar_cite, msg(_("No dissolution under martial law."))))
    if president_term_ends is not None and as_of >= add_months(president_term_ends, -last_months):
        findings.append(
            Finding(
                "dissolution_last_months",
                bar_cite,
                msg(
                    _("No dissolution in the last {months} months of the President's powers (they end {end})."),
                    months=last_months,
                    end=president_term_ends.isoformat(),
                ),
            )
        )
    if previous_dissolution is not None and as_of < add_months(previous_dissolution, gap_months):
        findings.append(
            Finding(
                "dissolution_within_year",
                bar_cite,
                msg(
                    _("No dissolution within a year of the previous one ({previous})."),
                    previous=previous_dissolution.isoformat(),
                ),
            )
        )
    if acting_president:
        findings.append(
            Finding(
                "dissolution_acting_president",
                Citation("51(3)"),
                msg(_("A person who has assumed the President's powers may not dissolve the Kurultai.")),
            )
        )
    milestones = (
        Milestone(
            "dissolution",
            Citation("62(2)"),
            msg(_("The President may dissolve the Kurultai after a repeated refusal.")),
        ),
    )
    return Outcome("dissolution", "refused" if findings else "allowed", () if findings else milestones, tuple(findings))
