"""Procedures of the legislative process that the bill tracker does not run: priority bills (Art. 60(2)), the
Government's question of confidence (60(7)), the return of a law or of separate articles (46(3), 56(2)),
countersignature (47(3)), decrees with the force of law (47(2)) and the matters of constitutional laws (61(3)).

Every figure comes from the dated parameters; each result names the article it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from atazan.rules.domain.parameters import ParameterError, ParameterSet, default_parameters
from atazan.rules.domain.procedures.dates import add_months
from atazan.rules.domain.procedures.messages import Citation, Finding, Msg, ProcedureError, _, msg, office
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import citation_of, integer, kurultai_total, names, threshold


def _text(params: ParameterSet, name: str, as_of: dt.date) -> str:
    try:
        return params.text(name, as_of)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc


def priority_bill(
    *,
    designated_by: str,
    designated_on: dt.date,
    adopted_on: dt.date | None,
    as_of: dt.date,
    params: ParameterSet | None = None,
) -> Outcome:
    """A bill whose consideration the President made a priority must be adopted first, within two months
    (Constitution 2026, Art. 60(2)); the months are counted from the designation (an assumption, see the parameter
    ``legislature.priority_bill_period_starts``).
    """
    params = params or default_parameters()
    holders, holders_cite = names(params, "legislature.priority_bill_designators", designated_on)
    months, cite = integer(params, "legislature.priority_bill_months", designated_on)
    _text(params, "legislature.priority_bill_period_starts", designated_on)
    if adopted_on is not None and adopted_on < designated_on:
        raise ProcedureError(f"adopted_on {adopted_on} is before designated_on {designated_on}")
    findings: list[Finding] = []
    if designated_by not in holders:
        findings.append(
            Finding(
                "priority_designator",
                holders_cite,
                msg(_("Only the President may make a bill a priority; {who} may not."), who=office(designated_by)),
            )
        )
        return Outcome("priority_bill", "refused", findings=tuple(findings))
    due = add_months(designated_on, months)
    milestones = [
        Milestone("priority_designated", cite, msg(_("The President makes the bill a priority.")), on=designated_on),
        Milestone(
            "priority_adoption",
            cite,
            msg(_("The Kurultai adopts the priority bill, first, within {months} months."), months=months),
            due=due,
            on=adopted_on,
        ),
    ]
    if adopted_on is not None:
        result = "adopted_in_time" if adopted_on <= due else "adopted_late"
    else:
        result = "pending" if as_of <= due else "overdue"
    if result in ("adopted_late", "overdue"):
        findings.append(
            Finding(
                "priority_deadline_missed",
                cite,
                msg(_("The priority bill was due to be adopted by {due}."), due=due.isoformat()),
            )
        )
    return Outcome("priority_bill", result, tuple(milestones), tuple(findings), (("due", due.isoformat()),))


def _same_year(earlier: dt.date, raised: dt.date, basis: str) -> bool:
    if basis == "calendar":
        return earlier.year == raised.year
    if basis == "rolling":
        return add_months(raised, -12) < earlier <= raised
    raise ProcedureError(f"government.confidence_question_year must be calendar or rolling, not {basis!r}")


def confidence_question(
    *,
    raised_by: str,
    bill_initiator: str,
    bill_not_adopted: bool,
    raised_at: dt.datetime,
    earlier_questions: Iterable[dt.date] = (),
    voted_at: dt.datetime | None = None,
    no_confidence_votes: int | None = None,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """The Prime Minister ties a Government bill that was not adopted to a question of confidence; the vote comes
    48 hours later at the earliest; unless a majority of all deputies votes no confidence, the bill is adopted
    without a vote. At most twice a year (Constitution 2026, Art. 60(7)). No confidence obliges the Government to
    offer its resignation, on which the President decides within ten days (Art. 69(3)-(4)).
    """
    params = params or default_parameters()
    if raised_at.tzinfo is None or (voted_at is not None and voted_at.tzinfo is None):
        raise ProcedureError("raised_at and voted_at must be timezone-aware (UTC)")
    day = raised_at.date()
    limit, cite = integer(params, "government.confidence_question_max_per_year", day)
    wait, _wait_cite = integer(params, "government.confidence_question_wait_hours", day)
    basis = _text(params, "government.confidence_question_year", day)
    findings: list[Finding] = []
    if raised_by != "prime_minister":
        findings.append(
            Finding(
                "confidence_question_who",
                cite,
                msg(
                    _("Only the Prime Minister may raise the question of confidence; {who} may not."),
                    who=office(raised_by),
                ),
            )
        )
    if bill_initiator != "government":
        findings.append(
            Finding(
                "confidence_question_bill",
                cite,
                msg(_("The question of confidence can be tied only to a bill introduced by the Government.")),
            )
        )
    if not bill_not_adopted:
        findings.append(
            Finding(
                "confidence_question_trigger",
                cite,
                msg(_("The question of confidence is raised only after the Kurultai has not adopted the bill.")),
            )
        )
    used = sum(1 for earlier in earlier_questions if _same_year(earlier, day, basis))
    if used >= limit:
        findings.append(
            Finding(
                "confidence_question_limit",
                cite,
                msg(
                    _("Confidence questions raised this year: {used}; the limit is {limit}."),
                    used=used,
                    limit=limit,
                ),
            )
        )
    if findings:
        return Outcome("confidence_question", "refused", findings=tuple(findings))
    earliest = raised_at + dt.timedelta(hours=wait)
    milestones = [
        Milestone(
            "confidence_raised",
            cite,
            msg(_("The Prime Minister raises the question of confidence at a sitting.")),
            on=raised_at,
        ),
        Milestone(
            "confidence_vote",
            cite,
            msg(_("The vote on no confidence, not earlier than {hours} hours after the question."), hours=wait),
            due=earliest,
            on=voted_at,
            not_before=True,
        ),
    ]
    figures = [("earliest_vote", earliest.isoformat())]
    if voted_at is not None and voted_at < earliest:
        findings.append(
            Finding(
                "confidence_vote_too_early",
                cite,
                msg(
                    _("The vote was held before {earliest}; it may not be held earlier."), earliest=earliest.isoformat()
                ),
            )
        )
        return Outcome("confidence_question", "vote_too_early", tuple(milestones), tuple(findings), tuple(figures))
    if voted_at is None or no_confidence_votes is None:
        return Outcome("confidence_question", "awaiting_vote", tuple(milestones), (), tuple(figures))
    seats = kurultai_total(params, voted_at.date(), total)
    judged = threshold(
        params,
        "government.confidence_question_majority",
        count=no_confidence_votes,
        total=seats,
        present=None,
        as_of=day,
    )
    figures += [("no_confidence_minimum", str(judged.minimum)), ("total", str(seats))]
    if not judged.met:
        milestones.append(
            Milestone(
                "bill_adopted_without_vote", cite, msg(_("The bill is adopted without a vote.")), on=voted_at.date()
            )
        )
        return Outcome("confidence_question", "adopted_without_vote", tuple(milestones), (), tuple(figures))
    days, resign_cite = integer(params, "government.resignation_decision_days", day)
    milestones += [
        Milestone(
            "government_resignation",
            Citation("69(3)"),
            msg(_("The Government declares its resignation to the President.")),
            on=voted_at.date(),
        ),
        Milestone(
            "resignation_decision",
            resign_cite,
            msg(_("The President accepts or rejects the resignation within {days} days."), days=days),
            due=voted_at.date() + dt.timedelta(days=days),
        ),
    ]
    return Outcome("confidence_question", "no_confidence", tuple(milestones), (), tuple(figures))


def returned_law(
    *,
    kind: str,
    presented_on: dt.date,
    as_of: dt.date,
    signed_on: dt.date | None = None,
    returned_on: dt.date | None = None,
    returned_articles: Iterable[str] = (),
    revoted_on: dt.date | None = None,
    votes_for: Mapping[str, int] | None = None,
    court_days: int = 0,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """The President signs a presented law within one month or returns the law, or separate articles of it, for a
    new debate and vote (Constitution 2026, Art. 46(3)); a Court referral stops the month running (Art. 74(2),
    ``court_days``). The Kurultai votes again within one month of the objections; missing the month means the
    objections are accepted. Overcoming them takes three quarters of all deputies for a constitutional law (or its
    articles) and two thirds for a law; then the President signs within one month. Objections not overcome leave
    the law not adopted or adopted as the President proposed (Art. 56(2)).

    ``votes_for`` maps each returned article (or ``"law"`` when the whole law was returned) to the votes cast to
    overcome the objections.
    """
    params = params or default_parameters()
    if kind not in ("ordinary", "constitutional"):
        raise ProcedureError(f"kind must be ordinary or constitutional, not {kind!r}")
    if court_days < 0:
        raise ProcedureError(f"court_days must not be negative, got {court_days}")
    sign_months, sign_cite = integer(params, "legislature.signature_months", presented_on)
    override_months, override_cite = integer(params, "legislature.override_months", presented_on)
    sign_due = add_months(presented_on, sign_months) + dt.timedelta(days=court_days)
    milestones = [
        Milestone(
            "signature",
            sign_cite,
            msg(
                _("The President signs the law, or returns it or separate articles of it, within {months} month(s)."),
                months=sign_months,
            ),
            due=sign_due,
            on=signed_on or returned_on,
        )
    ]
    figures = [("signature_due", sign_due.isoformat())]
    if signed_on is not None and returned_on is not None:
        raise ProcedureError("a law is either signed or returned, not both")
    if signed_on is not None or returned_on is None:
        done = signed_on is not None
        late = (signed_on or as_of) > sign_due
        findings = (
            (Finding("signature_late", sign_cite, msg(_("The signature was due by {due}."), due=sign_due.isoformat())),)
            if late
            else ()
        )
        result = "signed" if done else "signature_overdue" if late else "awaiting_signature"
        return Outcome("returned_law", result, tuple(milestones), findings, tuple(figures))
    if returned_on < presented_on:
        raise ProcedureError(f"returned_on {returned_on} is before presented_on {presented_on}")
    findings_list: list[Finding] = []
    if returned_on > sign_due:
        findings_list.append(
            Finding("signature_late", sign_cite, msg(_("The signature was due by {due}."), due=sign_due.isoformat()))
        )
    labels = tuple(dict.fromkeys(a.strip() for a in returned_articles if a.strip())) or ("law",)
    revote_due = add_months(returned_on, override_months)
    milestones.append(
        Milestone(
            "revote",
            override_cite,
            msg(
                _("The Kurultai debates and votes again on the returned text within {months} month(s)."),
                months=override_months,
            ),
            due=revote_due,
            on=revoted_on,
        )
    )
    figures.append(("revote_due", revote_due.isoformat()))
    majority_name = (
        "legislature.majority.override_constitutional_law"
        if kind == "constitutional"
        else "legislature.majority.override_ordinary_law"
    )
    votes = dict(votes_for or {})
    unknown = sorted(set(votes) - set(labels))
    if unknown:
        raise ProcedureError(
            f"votes_for names {', '.join(unknown)}, which the President did not return (returned: {', '.join(labels)})"
        )
    lapsed = (revoted_on is None and as_of > revote_due) or (revoted_on is not None and revoted_on > revote_due)
    if revoted_on is None and not lapsed:
        return Outcome("returned_law", "awaiting_revote", tuple(milestones), tuple(findings_list), tuple(figures))
    if lapsed:
        findings_list.append(
            Finding(
                "revote_lapsed",
                override_cite,
                msg(_("No vote by {due}: the President's objections are accepted."), due=revote_due.isoformat()),
            )
        )
    assert revoted_on is not None or lapsed
    seats = kurultai_total(params, returned_on, total)
    overridden: list[str] = []
    for label in labels:
        count = 0 if lapsed else votes.get(label, 0)
        judged = threshold(params, majority_name, count=count, total=seats, present=None, as_of=returned_on)
        figures.append(("override_minimum", str(judged.minimum)))
        if judged.met:
            overridden.append(label)
        milestones.append(
            Milestone(
                "objection_overcome" if judged.met else "objection_accepted",
                judged.citation,
                msg(
                    _("{text}: {count} votes of {minimum} needed; the objections are overcome.")
                    if judged.met
                    else _("{text}: {count} votes of {minimum} needed; the President's objections stand."),
                    text=_label(label),
                    count=count,
                    minimum=judged.minimum,
                ),
                on=revoted_on,
            )
        )
    if overridden and revoted_on is not None:
        milestones.append(
            Milestone(
                "signature_after_override",
                override_cite,
                msg(_("The President signs the law within {months} month(s) of the vote."), months=sign_months),
                due=add_months(revoted_on, sign_months),
            )
        )
    if len(overridden) == len(labels):
        result = "overridden"
    elif overridden:
        result = "partly_overridden"
    elif labels == ("law",):
        result = "not_adopted_or_as_proposed"
    else:
        result = "articles_as_proposed"
    return Outcome("returned_law", result, tuple(milestones), tuple(findings_list), tuple(dict(figures).items()))


def _label(label: str) -> Msg:
    return msg(_("The whole law")) if label == "law" else msg(_("Article {label}"), label=label)


def law_countersignature(
    *, countersigned_by: Iterable[str], as_of: dt.date, params: ParameterSet | None = None
) -> Outcome:
    """Before the President signs a law, the Chair of the Kurultai and the Prime Minister countersign it and answer
    for its conformity with the Constitution and the laws (Constitution 2026, Art. 47(3)).
    """
    params = params or default_parameters()
    required, cite = names(params, "legislature.law_countersignatories", as_of)
    given = set(countersigned_by)
    findings = tuple(
        Finding(
            "countersignature_missing",
            cite,
            msg(_("The law lacks the countersignature of {office}."), office=office(name)),
        )
        for name in required
        if name not in given
    )
    return Outcome("countersignature", "refused" if findings else "ready_for_signature", (), findings)


def act_countersignature(*, on_government_initiative: bool, countersigned_by_prime_minister: bool) -> Outcome:
    """An act of the President issued on the Government's initiative is countersigned first by the Prime Minister
    (Constitution 2026, Art. 47(3), second part).
    """
    if on_government_initiative and not countersigned_by_prime_minister:
        return Outcome(
            "countersignature",
            "refused",
            findings=(
                Finding(
                    "act_countersignature_missing",
                    Citation("47(3)"),
                    msg(_("An act issued on the Government's initiative needs the Prime Minister's countersignature.")),
                ),
            ),
        )
    return Outcome("countersignature", "ready_for_signature")


def decree_with_force_of_law(
    *,
    issued_on: dt.date,
    absent_from: dt.date | None,
    absent_until: dt.date | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """The President issues decrees with the force of constitutional laws or laws only while the Kurultai is
    temporarily absent because its powers ended early (Constitution 2026, Art. 47(2)): from ``absent_from`` (the
    dissolution) until ``absent_until`` (the opening of the new Kurultai's first session, Art. 52(2)).

    From 2026-07-01, when the 1995 Parliament's powers ended (Art. 95(1)), until the first Kurultai's first session
    the parameter ``transition.decrees_with_force_of_law`` (an assumption) decides.
    """
    params = params or default_parameters()
    cite = Citation("47(2)")
    if absent_from is None or issued_on < absent_from or (absent_until is not None and issued_on >= absent_until):
        return Outcome(
            "decree",
            "refused",
            findings=(
                Finding(
                    "decree_kurultai_present",
                    cite,
                    msg(_("Such decrees only while the Kurultai is absent after its powers ended early.")),
                ),
            ),
        )
    transition_start = params.get("transition.decrees_with_force_of_law").values[0].start
    if absent_from == transition_start:
        try:
            allowed = params.flag("transition.decrees_with_force_of_law", issued_on)
        except ParameterError as exc:
            raise ProcedureError(str(exc)) from exc
        transition_cite = citation_of(params, "transition.decrees_with_force_of_law", issued_on)
        if not allowed:
            return Outcome(
                "decree",
                "refused",
                findings=(
                    Finding(
                        "decree_transition",
                        Citation("95(1)"),
                        msg(_("Under the configured reading, no such decrees before the Kurultai's first session.")),
                    ),
                ),
            )
        return Outcome(
            "decree",
            "allowed",
            (
                Milestone(
                    "decree_transition",
                    transition_cite,
                    msg(_("A decree with the force of law before the Kurultai's first session (a stated assumption).")),
                    on=issued_on,
                ),
            ),
        )
    return Outcome(
        "decree",
        "allowed",
        (
            Milestone(
                "decree", cite, msg(_("A decree with the force of law while the Kurultai is absent.")), on=issued_on
            ),
        ),
    )


def constitutional_law_scope(*, matters: Iterable[str], as_of: dt.date, params: ParameterSet | None = None) -> Outcome:
    """Constitutional laws are adopted only on the matters the Constitution provides for (Constitution 2026,
    Art. 61(3)); each matter is listed in ``legislature.constitutional_law_matters`` with the article naming it.
    """
    params = params or default_parameters()
    listed, cite = names(params, "legislature.constitutional_law_matters", as_of)
    articles = dict(item.split("|", 1) for item in listed)
    wanted = [m.strip() for m in matters if m.strip()]
    findings: list[Finding] = []
    if not wanted:
        findings.append(
            Finding(
                "constitutional_law_matter",
                cite,
                msg(_("A constitutional law must name the matter the Constitution reserves to it.")),
            )
        )
    milestones = []
    for matter in wanted:
        if matter in articles:
            milestones.append(
                Milestone(
                    "constitutional_law_matter",
                    Citation(articles[matter]),
                    msg(_("The matter {matter} is reserved to a constitutional law."), matter=matter),
                )
            )
        else:
            findings.append(
                Finding(
                    "constitutional_law_matter",
                    cite,
                    msg(
                        _("The Constitution reserves no constitutional law for {matter}; use an ordinary law."),
                        matter=matter,
                    ),
                )
            )
    return Outcome("constitutional_law", "refused" if findings else "allowed", tuple(milestones), tuple(findings))
