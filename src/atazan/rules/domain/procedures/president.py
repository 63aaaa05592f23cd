"""The President: who may be elected (Constitution 2026, Art. 43(2), 35(3)), the election (43(3)-(4)), the
election after a vacancy and the oath (51(2), 44(2)), and removal from office (50(2)-(3)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from atazan.rules.domain.parameters import ParameterError, ParameterSet, default_parameters
from atazan.rules.domain.procedures.dates import add_months, add_years, age_on
from atazan.rules.domain.procedures.messages import Citation, Finding, ProcedureError, _, msg
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import integer, kurultai_total, threshold


@dataclass(frozen=True, slots=True)
class PresidentialCandidate:
    """The facts Art. 43(2) and Art. 35(3) ask about; ``service`` lists (start, end) periods of civil service or
    elected state posts, ``resident_since`` the start of the candidate's uninterrupted residence in Kazakhstan.
    """

    born: dt.date
    citizen_by_birth: bool
    fluent_in_state_language: bool
    resident_since: dt.date
    higher_education: bool
    service: tuple[tuple[dt.date, dt.date], ...] = ()
    previously_elected_president: bool = False
    declared_incapable: bool = False
    unexpunged_conviction: bool = False
    corruption_offence: bool = False


def candidate_eligibility(
    candidate: PresidentialCandidate, *, election_day: dt.date, params: ParameterSet | None = None
) -> Outcome:
    """Every requirement of Art. 43(2) the candidate fails, and the bars of Art. 35(3) (second part) and of the
    single term (Art. 43(1)). Age, residence and service are counted on the election day (an assumption: parameter
    ``president.candidate_age_counted_on``).
    """
    params = params or default_parameters()
    min_age, cite = integer(params, "president.candidate_min_age", election_day)
    residence, _r = integer(params, "president.candidate_residence_years", election_day)
    service_years, _s = integer(params, "president.candidate_service_years", election_day)
    try:
        counted_on = params.text("president.candidate_age_counted_on", election_day)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc
    if counted_on != "election_day":
        raise ProcedureError(
            f"president.candidate_age_counted_on: only election_day is implemented, not {counted_on!r}"
        )
    for start, end in candidate.service:
        if end < start:
            raise ProcedureError(f"service period {start}..{end} ends before it starts")
    served = sum(
        ((min(end, election_day) - start).days for start, end in candidate.service if start <= election_day), 0
    )
    needed = (election_day - add_years(election_day, -service_years)).days
    age = age_on(candidate.born, election_day)
    checks = (
        (
            candidate.citizen_by_birth,
            "candidate_citizen_by_birth",
            cite,
            msg(_("The candidate is not a citizen of Kazakhstan by birth.")),
        ),
        (
            age >= min_age,
            "candidate_age",
            cite,
            msg(_("The candidate is {age} on the election day; the minimum is {minimum}."), age=age, minimum=min_age),
        ),
        (
            candidate.fluent_in_state_language,
            "candidate_state_language",
            cite,
            msg(_("The candidate is not fluent in the state language.")),
        ),
        (
            candidate.resident_since <= add_years(election_day, -residence),
            "candidate_residence",
            cite,
            msg(
                _("The candidate has lived in Kazakhstan since {since}; the last {years} years are required."),
                since=candidate.resident_since.isoformat(),
                years=residence,
            ),
        ),
        (candidate.higher_education, "candidate_education", cite, msg(_("The candidate has no higher education."))),
        (
            served >= needed,
            "candidate_service",
            cite,
            msg(
                _("Civil service or elected posts: {days} days; {needed} ({years} years) are required."),
                days=served,
                needed=needed,
                years=service_years,
            ),
        ),
        (
            not candidate.previously_elected_president,
            "candidate_single_term",
            Citation("43(1)"),
            msg(_("The same person may not be elected President more than once.")),
        ),
        (
            not candidate.declared_incapable,
            "candidate_incapable",
            Citation("35(3)"),
            msg(_("A citizen whom a court has declared legally incapable may not be elected.")),
        ),
        (
            not candidate.unexpunged_conviction,
            "candidate_conviction",
            Citation("35(3)"),
            msg(_("A citizen with a criminal record not expunged may not be elected.")),
        ),
        (
            not candidate.corruption_offence,
            "candidate_corruption",
            Citation("35(3)"),
            msg(_("A citizen found guilty by a court of a corruption offence may not be elected.")),
        ),
    )
    findings = tuple(Finding(code, where, text) for ok, code, where, text in checks if not ok)
    figures = (("age", str(age)), ("service_days", str(served)), ("service_days_needed", str(needed)))
    return Outcome("president_eligibility", "ineligible" if findings else "eligible", (), findings, figures)


def election_result(
    *, votes: Mapping[str, int], took_part: int, as_of: dt.date, params: ParameterSet | None = None
) -> Outcome:
    """The first round: a candidate with more than fifty per cent of the votes of those who took part is elected;
    otherwise the two candidates with the most votes go to a run-off (Constitution 2026, Art. 43(4)). A tie for
    second place is not resolved by the Constitution: it is refused, not guessed.
    """
    params = params or default_parameters()
    if took_part <= 0 or any(v < 0 for v in votes.values()) or sum(votes.values()) > took_part:
        raise ProcedureError(f"impossible result: {sum(votes.values())} votes for candidates, {took_part} took part")
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked:
        raise ProcedureError("no candidates")
    leader, leader_votes = ranked[0]
    judged = threshold(
        params, "president.election_majority", count=leader_votes, total=took_part, present=took_part, as_of=as_of
    )
    figures = (("minimum", str(judged.minimum)), ("took_part", str(took_part)))
    if judged.met:
        return Outcome(
            "presidential_election",
            "elected",
            (Milestone("elected", judged.citation, msg(_("{candidate} is elected."), candidate=leader), on=as_of),),
            (),
            figures,
        )
    if len(ranked) < 2:
        raise ProcedureError("a run-off needs two candidates")
    if len(ranked) > 2 and ranked[1][1] == ranked[2][1]:
        raise ProcedureError(
            f"{ranked[1][0]} and {ranked[2][0]} tie for second place with {ranked[1][1]} votes; "
            "Art. 43(4) does not say who goes to the run-off (the Constitutional Law on Elections must)"
        )
    return Outcome(
        "presidential_election",
        "run_off",
        (
            Milestone(
                "run_off",
                judged.citation,
                msg(_("Run-off between {first} and {second}."), first=leader, second=ranked[1][0]),
            ),
        ),
        (),
        figures,
    )


def regular_election(
    *,
    election_day: dt.date,
    term_ends: dt.date,
    kurultai_election_day: dt.date | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """A regular presidential election is held no later than two months before the term ends and not at the same
    time as the election of a new Kurultai (Constitution 2026, Art. 43(3)).
    """
    params = params or default_parameters()
    months, cite = integer(params, "president.regular_election_months_before_term_end", election_day)
    latest = add_months(term_ends, -months)
    findings = []
    if election_day > latest:
        findings.append(
            Finding(
                "regular_election_late",
                cite,
                msg(_("The election must be held by {latest}."), latest=latest.isoformat()),
            )
        )
    if kurultai_election_day == election_day:
        findings.append(
            Finding(
                "regular_election_coincides",
                cite,
                msg(_("The election may not coincide with the election of a new Kurultai.")),
            )
        )
    milestone = Milestone(
        "regular_election",
        cite,
        msg(_("Regular presidential election, {months} months before the term ends at the latest."), months=months),
        due=latest,
        on=election_day,
    )
    return Outcome("regular_election", "refused" if findings else "in_time", (milestone,), tuple(findings))


def vacancy(
    *,
    vacated_on: dt.date,
    as_of: dt.date,
    acting_oath_on: dt.date | None = None,
    announced_on: dt.date | None = None,
    election_day: dt.date | None = None,
    results_published_on: dt.date | None = None,
    oath_on: dt.date | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """After the President's early release (resignation, health, removal) or death: the person who assumed the
    powers takes the oath within seven days (Art. 44(2)); the Kurultai announces the election within seven days
    (Art. 51(2)); the election is held within two months of that decision (Art. 51(2)); the President-elect takes the
    oath within one month of the publication of the results (Art. 44(2)). Each missed deadline is a finding.
    """
    params = params or default_parameters()
    acting_days, acting_cite = integer(params, "president.oath_days_acting", vacated_on)
    announce_days, announce_cite = integer(params, "president.vacancy_announcement_days", vacated_on)
    election_months, election_cite = integer(params, "president.vacancy_election_months", vacated_on)
    oath_months, oath_cite = integer(params, "president.oath_months_after_results", vacated_on)
    ordered = [d for d in (vacated_on, announced_on, election_day, results_published_on, oath_on) if d is not None]
    if ordered != sorted(ordered):
        raise ProcedureError("the dates must follow one another: vacancy, announcement, election, results, oath")
    milestones = [
        Milestone(
            "vacancy",
            Citation("51(1)"),
            msg(_("The President's office falls vacant; the powers pass on.")),
            on=vacated_on,
        ),
        Milestone(
            "acting_oath",
            acting_cite,
            msg(
                _("The person who assumed the President's powers takes the oath within {days} days."), days=acting_days
            ),
            due=vacated_on + dt.timedelta(days=acting_days),
            on=acting_oath_on,
        ),
        Milestone(
            "election_announced",
            announce_cite,
            msg(_("The Kurultai announces the presidential election within {days} days."), days=announce_days),
            due=vacated_on + dt.timedelta(days=announce_days),
            on=announced_on,
        ),
    ]
    if announced_on is not None:
        milestones.append(
            Milestone(
                "election_held",
                election_cite,
                msg(
                    _("The election is held within {months} months of the Kurultai's decision."), months=election_months
                ),
                due=add_months(announced_on, election_months),
                on=election_day,
            )
        )
    if results_published_on is not None:
        milestones.append(
            Milestone(
                "oath",
                oath_cite,
                msg(
                    _("The President-elect takes the oath within {months} month(s) of the results."), months=oath_months
                ),
                due=add_months(results_published_on, oath_months),
                on=oath_on,
            )
        )
    findings = []
    for stone in milestones:
        overdue = stone.due is not None and stone.on is None and as_of > stone.due
        if stone.late or overdue:
            assert stone.due is not None
            findings.append(
                Finding(f"{stone.code}_late", stone.citation, msg(_("Due by {due}."), due=stone.due.isoformat()))
            )
    if oath_on is not None:
        result = "president_in_office"
    elif election_day is not None:
        result = "elected_awaiting_oath"
    elif announced_on is not None:
        result = "election_announced"
    else:
        result = "awaiting_announcement"
    return Outcome("vacancy", result, tuple(milestones), tuple(findings))


def removal_for_treason(
    *,
    initiators: int,
    as_of: dt.date,
    dissolution_under_consideration: bool = False,
    charged_on: dt.date | None = None,
    charge_votes: int | None = None,
    referral_votes: int | None = None,
    final_vote_on: dt.date | None = None,
    final_votes: int | None = None,
    supreme_court_finds_grounds: bool | None = None,
    constitutional_court_finds_procedure_kept: bool | None = None,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """Removal of the President for high treason (Constitution 2026, Art. 50(3)-(4)), as a state machine:

    initiative (at least a third of all deputies) -> charge and investigation (a majority of all deputies) ->
    results put to a sitting (a majority of all) -> final decision (three quarters of all, with the Supreme Court's
    opinion that the charge is founded and the Constitutional Court's that the procedures were kept). No final
    decision within two months of the charge rejects it; a charge rejected at any stage ends early the powers of the
    deputies who initiated it. The question cannot be raised while the President considers dissolving the Kurultai.
    """
    params = params or default_parameters()
    seats = kurultai_total(params, as_of, total)
    cite = Citation("50(3)")
    if dissolution_under_consideration:
        return Outcome(
            "removal",
            "refused",
            findings=(
                Finding(
                    "removal_during_dissolution",
                    Citation("50(4)"),
                    msg(_("Removal cannot be raised while the President considers dissolving the Kurultai.")),
                ),
            ),
        )
    initiative = threshold(
        params, "president.removal_treason_initiative", count=initiators, total=seats, present=None, as_of=as_of
    )
    figures = [("initiative_minimum", str(initiative.minimum))]
    milestones = [
        Milestone(
            "removal_initiative",
            initiative.citation,
            msg(
                _("Initiative: {count} deputies of the {minimum} needed."), count=initiators, minimum=initiative.minimum
            ),
        )
    ]
    if not initiative.met:
        return Outcome(
            "removal",
            "refused",
            tuple(milestones),
            (Finding("removal_initiative", initiative.citation, msg(_("Too few deputies initiated the charge."))),),
            tuple(figures),
        )
    rejected_msg = msg(_("The charge is rejected; the powers of the deputies who initiated it end early."))

    def rejected(code: str, why: str) -> Outcome:
        return Outcome(
            "removal",
            "charge_rejected",
            tuple(milestones) + (Milestone("initiators_lose_mandate", cite, rejected_msg),),
            (Finding(code, cite, msg(why)),),
            tuple(figures),
        )

    if charge_votes is None:
        return Outcome("removal", "initiated", tuple(milestones), (), tuple(figures))
    charge = threshold(
        params, "president.removal_treason_charge_majority", count=charge_votes, total=seats, present=None, as_of=as_of
    )
    figures.append(("charge_minimum", str(charge.minimum)))
    milestones.append(
        Milestone(
            "removal_charge",
            charge.citation,
            msg(
                _("Charge and investigation: {count} votes of {minimum} needed."),
                count=charge_votes,
                minimum=charge.minimum,
            ),
            on=charged_on,
        )
    )
    if not charge.met:
        return rejected("removal_charge", _("The Kurultai did not bring the charge."))
    if charged_on is None:
        raise ProcedureError("charged_on is required once the charge is brought")
    months, months_cite = integer(params, "president.removal_treason_months", charged_on)
    due = add_months(charged_on, months)
    figures.append(("final_due", due.isoformat()))
    milestones.append(
        Milestone(
            "removal_final_due",
            months_cite,
            msg(_("Final decision within {months} months of the charge."), months=months),
            due=due,
            on=final_vote_on,
        )
    )
    lapsed = (final_vote_on is None and as_of > due) or (final_vote_on is not None and final_vote_on > due)
    if lapsed:
        return rejected("removal_lapsed", _("No final decision within the time limit: the charge is rejected."))
    if referral_votes is None:
        return Outcome("removal", "under_investigation", tuple(milestones), (), tuple(figures))
    referral = threshold(
        params,
        "president.removal_treason_charge_majority",
        count=referral_votes,
        total=seats,
        present=None,
        as_of=as_of,
    )
    milestones.append(
        Milestone(
            "removal_referral",
            referral.citation,
            msg(
                _("Investigation results put to a sitting: {count} votes of {minimum} needed."),
                count=referral_votes,
                minimum=referral.minimum,
            ),
        )
    )
    if not referral.met:
        return rejected("removal_referral", _("The Kurultai did not put the investigation's results to a sitting."))
    if final_votes is None:
        return Outcome("removal", "awaiting_final_decision", tuple(milestones), (), tuple(figures))
    if supreme_court_finds_grounds is None or constitutional_court_finds_procedure_kept is None:
        return Outcome(
            "removal",
            "awaiting_final_decision",
            tuple(milestones),
            (
                Finding(
                    "removal_opinions",
                    cite,
                    msg(_("The final vote needs the Supreme Court's and the Constitutional Court's opinions.")),
                ),
            ),
            tuple(figures),
        )
    if not supreme_court_finds_grounds:
        return rejected("removal_supreme_court", _("The Supreme Court found the charge unfounded."))
    if not constitutional_court_finds_procedure_kept:
        return rejected("removal_constitutional_court", _("The Constitutional Court found the procedures not kept."))
    final = threshold(
        params, "president.removal_treason_final_majority", count=final_votes, total=seats, present=None, as_of=as_of
    )
    figures.append(("final_minimum", str(final.minimum)))
    milestones.append(
        Milestone(
            "removal_final",
            final.citation,
            msg(_("Final decision: {count} votes of {minimum} needed."), count=final_votes, minimum=final.minimum),
            on=final_vote_on,
        )
    )
    if not final.met:
        return rejected("removal_final", _("The final decision did not get three quarters of all deputies."))
    milestones.append(
        Milestone(
            "president_removed", cite, msg(_("The President is removed from office; the powers pass on (Art. 51(1))."))
        )
    )
    return Outcome("removal", "removed", tuple(milestones), (), tuple(figures))


def removal_for_health(
    *,
    votes_for: int,
    commission_opinion: bool,
    constitutional_court_finds_procedure_kept: bool,
    as_of: dt.date,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """Early release for a lasting inability to perform the duties for health reasons: a commission of deputies and
    medical specialists, the Constitutional Court's opinion on the procedures, and three quarters of all deputies
    (Constitution 2026, Art. 50(2)).
    """
    params = params or default_parameters()
    seats = kurultai_total(params, as_of, total)
    judged = threshold(
        params, "president.removal_health_majority", count=votes_for, total=seats, present=None, as_of=as_of
    )
    findings = []
    if not commission_opinion:
        findings.append(
            Finding(
                "health_commission",
                judged.citation,
                msg(_("The decision needs the opinion of the Kurultai's medical commission.")),
            )
        )
    if not constitutional_court_finds_procedure_kept:
        findings.append(
            Finding(
                "health_court",
                judged.citation,
                msg(_("The decision needs the Constitutional Court's opinion that the procedures were kept.")),
            )
        )
    if not judged.met:
        findings.append(
            Finding(
                "health_majority",
                judged.citation,
                msg(
                    _("{count} votes of the {minimum} needed (three quarters of all deputies)."),
                    count=votes_for,
                    minimum=judged.minimum,
                ),
            )
        )
    return Outcome(
        "removal_health",
        "refused" if findings else "released",
        (),
        tuple(findings),
        (("minimum", str(judged.minimum)),),
    )
