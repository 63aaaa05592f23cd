# ruff: noqa: E501  (message templates are gettext keys, kept whole on one line)
"""Every procedure as a timeline of steps, each with its article and its figures as of a date.

This is what the pages at /rules/procedures/<key>/ and the API at /api/rules/procedures show: the steps in order,
who takes each, the deadline or majority it carries (read from the dated parameters, so the figures are those in
force on the date asked) and the parameters used, whose references say where a figure is an assumption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from atazan.rules.domain.parameters import ParameterSet, default_parameters
from atazan.rules.domain.procedures.messages import Citation, Msg, ProcedureError, _, msg, office
from atazan.rules.domain.procedures.votes import integer, names, threshold

ENTRY_INTO_FORCE = dt.date(2026, 7, 1)


@dataclass(frozen=True, slots=True)
class Step:
    code: str
    actor: str  # an office code (labels in messages.OFFICE_LABELS)
    citation: Citation
    text: Msg

    @property
    def actor_label(self) -> Msg | str:
        return office(self.actor)


@dataclass(frozen=True, slots=True)
class Procedure:
    key: str
    title: Msg
    summary: Msg
    constitution: str
    as_of: dt.date  # the date whose figures the steps show
    steps: tuple[Step, ...]
    parameters: tuple[str, ...]  # dotted names of the parameters the steps use

    def messages(self) -> list[Msg]:
        return [self.title, self.summary, *(s.text for s in self.steps)]


class _Figures:
    """Reads figures on one date and remembers which parameters were read."""

    def __init__(self, params: ParameterSet, on: dt.date) -> None:
        self.params, self.on, self.used = params, on, []  # type: ignore[var-annotated]

    def n(self, name: str) -> int:
        self.used.append(name)
        return integer(self.params, name, self.on)[0]

    def minimum(self, name: str, base: int) -> int:
        self.used.append(name)
        return threshold(self.params, name, count=0, total=base, present=None, as_of=self.on).minimum

    def seats(self) -> int:
        return self.n("kurultai.seats")

    def names(self, name: str) -> tuple[str, ...]:
        self.used.append(name)
        return names(self.params, name, self.on)[0]


def _c(article: str, constitution: str = "2026") -> Citation:
    return Citation(article, constitution)


def _initiative(f: _Figures) -> tuple[Step, ...]:
    return (
        Step(
            "introduce",
            "deputies",
            _c("60(1)"),
            msg(
                _(
                    "The President, deputies, the Government or the People's Council introduce a bill, only in the Kurultai."
                )
            ),
        ),
        Step(
            "fiscal_opinion",
            "government",
            _c("60(6)"),
            msg(
                _(
                    "A bill cutting revenue or raising spending needs the Government's positive opinion, unless the President introduces it."
                )
            ),
        ),
        Step(
            "urgent",
            "government",
            _c("60(4)"),
            msg(
                _(
                    "A Government bill against an urgent threat is considered immediately; meanwhile the Government may issue temporary acts with the force of law."
                )
            ),
        ),
        Step(
            "priority",
            "president",
            _c("60(2)"),
            msg(
                _("The President may make a bill a priority: it is adopted first, within {months} months."),
                months=f.n("legislature.priority_bill_months"),
            ),
        ),
    )


def _passage(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "quorum",
            "kurultai",
            _c("58(5)"),
            msg(
                _("A sitting needs at least {minimum} of {seats} deputies present."),
                minimum=f.minimum("legislature.quorum", seats),
                seats=seats,
            ),
        ),
        Step(
            "adopt_law",
            "kurultai",
            _c("61(4)"),
            msg(
                _("A law is adopted by a majority of all deputies: {minimum} votes."),
                minimum=f.minimum("legislature.majority.ordinary_law", seats),
            ),
        ),
        Step(
            "adopt_constitutional_law",
            "kurultai",
            _c("61(3)"),
            msg(
                _("A constitutional law, only on a matter the Constitution names, needs {minimum} votes (two thirds)."),
                minimum=f.minimum("legislature.majority.constitutional_law", seats),
            ),
        ),
        Step(
            "reject",
            "kurultai",
            _c("60(5)"),
            msg(
                _("The Kurultai may reject a bill as a whole with {minimum} votes; it returns to its initiator."),
                minimum=f.minimum("legislature.majority.rejection", seats),
            ),
        ),
        Step(
            "present",
            "kurultai",
            _c("60(5)"),
            msg(
                _("An adopted law is presented to the President for signature within {days} days."),
                days=f.n("legislature.presentation_days"),
            ),
        ),
    )


def _signature(f: _Figures) -> tuple[Step, ...]:
    months = f.n("legislature.signature_months")
    f.names("legislature.law_countersignatories")
    return (
        Step(
            "countersign",
            "kurultai_chair",
            _c("47(3)"),
            msg(
                _("The Chair of the Kurultai and the Prime Minister countersign the law and answer for its conformity.")
            ),
        ),
        Step(
            "sign",
            "president",
            _c("46(3)"),
            msg(
                _(
                    "The President signs and promulgates the law within {months} month(s), or returns it or separate articles."
                ),
                months=months,
            ),
        ),
        Step(
            "court_pause",
            "president",
            _c("74(2)"),
            msg(_("A referral to the Constitutional Court stops the time for signing.")),
        ),
        Step("in_force", "president", _c("61(2)"), msg(_("The law enters into force after the President signs it."))),
    )


def _veto(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    months = f.n("legislature.override_months")
    return (
        Step(
            "return",
            "president",
            _c("46(3)"),
            msg(_("The President returns the law, or separate articles of it, for a new debate and vote.")),
        ),
        Step(
            "revote",
            "kurultai",
            _c("56(2)"),
            msg(
                _("The Kurultai votes again within {months} month(s) of the objections; otherwise they are accepted."),
                months=months,
            ),
        ),
        Step(
            "override",
            "kurultai",
            _c("56(2)"),
            msg(
                _(
                    "Overcoming the objections takes {ordinary} votes for a law and {constitutional} for a constitutional law."
                ),
                ordinary=f.minimum("legislature.majority.override_ordinary_law", seats),
                constitutional=f.minimum("legislature.majority.override_constitutional_law", seats),
            ),
        ),
        Step(
            "sign_after",
            "president",
            _c("56(2)"),
            msg(
                _("Objections overcome: the President signs within {months} month(s)."),
                months=f.n("legislature.signature_months"),
            ),
        ),
        Step(
            "not_overcome",
            "kurultai",
            _c("56(2)"),
            msg(_("Objections not overcome: the law is not adopted, or adopted as the President proposed.")),
        ),
    )


def _court(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    f.names("court.law_referral_requesters")
    f.names("court.amendment_opinion_requesters")
    return (
        Step(
            "refer",
            "deputies",
            _c("73(1)"),
            msg(
                _(
                    "Before signature, the President, the Chair, the Prime Minister or {minimum} deputies (a fifth) refer a law to the Court."
                ),
                minimum=f.minimum("legislature.court_referral_deputies_share", seats),
            ),
        ),
        Step(
            "pause", "president", _c("74(2)"), msg(_("The time for signing stops while the Court considers the law."))
        ),
        Step(
            "struck",
            "president",
            _c("75(1)"),
            msg(_("A law found unconstitutional cannot be signed or put into effect.")),
        ),
        Step(
            "amendment_opinion",
            "president",
            _c("46(11)"),
            msg(_("Only the President asks the Court for the opinion on amendments (Art. 93).")),
        ),
    )


def _amendment(f: _Figures) -> tuple[Step, ...]:
    regions = f.n("regions.count")
    return (
        Step(
            "initiative",
            "president",
            _c("92(1)"),
            msg(
                _(
                    "The President decides on a referendum, on his own initiative or that of the Kurultai, the Government or the People's Council."
                )
            ),
        ),
        Step(
            "no_acting",
            "acting_president",
            _c("51(3)"),
            msg(_("A person who has assumed the President's powers may not initiate amendments.")),
        ),
        Step(
            "opinion",
            "president",
            _c("93"),
            msg(
                _(
                    "The Constitutional Court's opinion that Arts. 2(7) and 43(5) are respected comes first, on the President's appeal."
                )
            ),
        ),
        Step(
            "turnout",
            "kurultai",
            _c("92(2)"),
            msg(_("The referendum is valid if more than half of the citizens entitled to vote take part.")),
        ),
        Step(
            "adopted",
            "kurultai",
            _c("92(3)"),
            msg(
                _(
                    "Adopted if more than half of those who took part vote yes in at least {minimum} of {regions} regions."
                ),
                minimum=f.minimum("referendum.amendment_regions_share", regions),
                regions=regions,
            ),
        ),
    )


def _removal(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            _c("50(3)"),
            msg(
                _("At least {minimum} deputies (a third) initiate a charge of high treason."),
                minimum=f.minimum("president.removal_treason_initiative", seats),
            ),
        ),
        Step(
            "charge",
            "kurultai",
            _c("50(3)"),
            msg(
                _(
                    "{minimum} votes bring the charge and order the investigation; as many put its results to a sitting."
                ),
                minimum=f.minimum("president.removal_treason_charge_majority", seats),
            ),
        ),
        Step(
            "final",
            "kurultai",
            _c("50(3)"),
            msg(
                _(
                    "Final decision by {minimum} votes, with the Supreme Court's and the Constitutional Court's opinions."
                ),
                minimum=f.minimum("president.removal_treason_final_majority", seats),
            ),
        ),
        Step(
            "deadline",
            "kurultai",
            _c("50(3)"),
            msg(
                _(
                    "No final decision within {months} months of the charge: it is rejected, and the initiators lose their mandates."
                ),
                months=f.n("president.removal_treason_months"),
            ),
        ),
        Step(
            "not_during_dissolution",
            "kurultai",
            _c("50(4)"),
            msg(_("Removal cannot be raised while the President considers dissolving the Kurultai.")),
        ),
        Step(
            "health",
            "kurultai",
            _c("50(2)"),
            msg(
                _("Early release for health: a medical commission, the Court's opinion and {minimum} votes."),
                minimum=f.minimum("president.removal_health_majority", seats),
            ),
        ),
    )


def _dissolution(f: _Figures) -> tuple[Step, ...]:
    f.names("kurultai.consent_offices")
    return (
        Step(
            "consult",
            "president",
            _c("62(1)"),
            msg(_("The President may dissolve the Kurultai after consulting its Chair and the Prime Minister.")),
        ),
        Step(
            "refusals",
            "president",
            _c("62(2)"),
            msg(
                _(
                    "Or after the Kurultai refuses a second time ({count}) its consent to an appointee or to elect the Chair."
                ),
                count=f.n("kurultai.refusals_before_dissolution"),
            ),
        ),
        Step(
            "bars",
            "president",
            _c("62(3)"),
            msg(
                _(
                    "Never under emergency or martial law, in the President's last {months} months, or within {gap} months of the last dissolution."
                ),
                months=f.n("kurultai.dissolution_bar_last_months_of_president"),
                gap=f.n("kurultai.dissolution_bar_months_after_previous"),
            ),
        ),
        Step(
            "acting",
            "acting_president",
            _c("51(3)"),
            msg(_("A person who has assumed the President's powers may not dissolve the Kurultai.")),
        ),
        Step(
            "election",
            "president",
            _c("54(2)"),
            msg(
                _("Extraordinary elections within {months} months of the early end of the Kurultai's powers."),
                months=f.n("kurultai.extraordinary_election_months"),
            ),
        ),
        Step(
            "decrees",
            "president",
            _c("47(2)"),
            msg(_("Until then the President issues decrees with the force of law.")),
        ),
    )


def _priority(f: _Figures) -> tuple[Step, ...]:
    f.names("legislature.priority_bill_designators")
    f.used.append("legislature.priority_bill_period_starts")
    return (
        Step("designate", "president", _c("60(2)"), msg(_("The President determines that a bill is a priority."))),
        Step(
            "adopt",
            "kurultai",
            _c("60(2)"),
            msg(
                _(
                    "The Kurultai adopts it first, within {months} months (counted from the designation: an assumption)."
                ),
                months=f.n("legislature.priority_bill_months"),
            ),
        ),
    )


def _confidence(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    f.used.append("government.confidence_question_year")
    return (
        Step(
            "raise",
            "prime_minister",
            _c("60(7)"),
            msg(
                _(
                    "After the Kurultai does not adopt a Government bill, the Prime Minister raises the question of confidence."
                )
            ),
        ),
        Step(
            "wait",
            "kurultai",
            _c("60(7)"),
            msg(
                _("The vote comes no earlier than {hours} hours later."),
                hours=f.n("government.confidence_question_wait_hours"),
            ),
        ),
        Step(
            "vote",
            "kurultai",
            _c("60(7)"),
            msg(
                _("Unless {minimum} deputies vote no confidence, the bill is adopted without a vote."),
                minimum=f.minimum("government.confidence_question_majority", seats),
            ),
        ),
        Step(
            "limit",
            "government",
            _c("60(7)"),
            msg(_("At most {times} times a year."), times=f.n("government.confidence_question_max_per_year")),
        ),
        Step(
            "resign",
            "government",
            _c("69(3)"),
            msg(
                _("No confidence: the Government offers its resignation; the President decides within {days} days."),
                days=f.n("government.resignation_decision_days"),
            ),
        ),
    )


def _decree(f: _Figures) -> tuple[Step, ...]:
    f.used.append("transition.decrees_with_force_of_law")
    return (
        Step(
            "decrees",
            "president",
            _c("47(1)"),
            msg(_("The President issues decrees and orders on the basis of the Constitution and the laws.")),
        ),
        Step(
            "force_of_law",
            "president",
            _c("47(2)"),
            msg(
                _(
                    "While the Kurultai is absent after its powers ended early, decrees may have the force of laws or constitutional laws."
                )
            ),
        ),
        Step(
            "countersign_acts",
            "prime_minister",
            _c("47(3)"),
            msg(_("Acts issued on the Government's initiative are first countersigned by the Prime Minister.")),
        ),
        Step(
            "transition",
            "president",
            _c("95(1)"),
            msg(
                _(
                    "From 1 July 2026 to the Kurultai's first session atazan applies Art. 47(2) too (a stated assumption)."
                )
            ),
        ),
    )


def _constitutional_law(f: _Figures) -> tuple[Step, ...]:
    listed = f.names("legislature.constitutional_law_matters")
    steps = [
        Step(
            "adopt",
            "kurultai",
            _c("61(3)"),
            msg(
                _("Constitutional laws only on the matters the Constitution names, by {minimum} votes."),
                minimum=f.minimum("legislature.majority.constitutional_law", f.seats()),
            ),
        )
    ]
    for item in listed:
        code, article = item.split("|", 1)
        steps.append(Step(f"matter_{code}", "kurultai", _c(article), MATTER_LABELS.get(code, Msg(code))))
    return tuple(steps)


def _no_confidence(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            _c("56(13)"),
            msg(
                _("At least {minimum} deputies (a fifth) initiate a vote of no confidence."),
                minimum=f.minimum("kurultai.no_confidence_initiative", seats),
            ),
        ),
        Step(
            "vote",
            "kurultai",
            _c("56(13)"),
            msg(
                _("No confidence is expressed by {minimum} votes (a majority of all deputies)."),
                minimum=f.minimum("kurultai.no_confidence_majority", seats),
            ),
        ),
        Step(
            "budget",
            "kurultai",
            _c("56(16)"),
            msg(_("Not approving the Government's report on the budget also means no confidence.")),
        ),
        Step(
            "resign",
            "government",
            _c("69(3)"),
            msg(
                _("No confidence: the Government offers its resignation; the President decides within {days} days."),
                days=f.n("government.resignation_decision_days"),
            ),
        ),
    )


def _minister(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            _c("56(17)"),
            msg(
                _("At least {minimum} deputies (a third) ask to hear a member of the Government."),
                minimum=f.minimum("kurultai.minister_report_initiative", seats),
            ),
        ),
        Step(
            "request",
            "kurultai",
            _c("56(17)"),
            msg(
                _(
                    "For failing to execute the laws, {minimum} votes (two thirds) ask the President to dismiss the member."
                ),
                minimum=f.minimum("kurultai.minister_dismissal_majority", seats),
            ),
        ),
        Step(
            "dismiss", "president", _c("56(17)"), msg(_("The President then dismisses the member of the Government."))
        ),
    )


def _chair(f: _Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "nominate",
            "president",
            _c("57(1)"),
            msg(_("The President nominates a deputy fluent in the state language.")),
        ),
        Step(
            "elect",
            "kurultai",
            _c("57(1)"),
            msg(
                _("Secret ballot; elected with {minimum} votes (a majority of all deputies)."),
                minimum=f.minimum("kurultai.chair_majority", seats),
            ),
        ),
        Step(
            "refusal",
            "president",
            _c("57(1)"),
            msg(_("After a repeated refusal to elect, the President may dissolve the Kurultai.")),
        ),
        Step(
            "recall",
            "kurultai",
            _c("57(2)"),
            msg(
                _("Recall or resignation of the Chair: {minimum} votes."),
                minimum=f.minimum("kurultai.chair_recall_majority", seats),
            ),
        ),
    )


def _vacancy(f: _Figures) -> tuple[Step, ...]:
    f.names("president.succession")
    return (
        Step(
            "succession",
            "vice_president",
            _c("51(1)"),
            msg(_("The powers pass to the Vice President, else the Chair of the Kurultai, else the Prime Minister.")),
        ),
        Step(
            "acting_oath",
            "acting_president",
            _c("44(2)"),
            msg(
                _("The person who assumed the President's powers takes the oath within {days} days."),
                days=f.n("president.oath_days_acting"),
            ),
        ),
        Step(
            "announce",
            "kurultai",
            _c("51(2)"),
            msg(
                _("The Kurultai announces the presidential election within {days} days."),
                days=f.n("president.vacancy_announcement_days"),
            ),
        ),
        Step(
            "election",
            "kurultai",
            _c("51(2)"),
            msg(
                _("The election is held within {months} months of the Kurultai's decision."),
                months=f.n("president.vacancy_election_months"),
            ),
        ),
        Step(
            "oath",
            "president",
            _c("44(2)"),
            msg(
                _("The President-elect takes the oath within {months} month(s) of the results."),
                months=f.n("president.oath_months_after_results"),
            ),
        ),
        Step(
            "limits",
            "acting_president",
            _c("51(3)"),
            msg(_("Meanwhile no initiative to amend the Constitution and no dissolution of the Kurultai.")),
        ),
    )


def _election(f: _Figures) -> tuple[Step, ...]:
    f.used.append("president.candidate_age_counted_on")
    return (
        Step(
            "eligibility",
            "president",
            _c("43(2)"),
            msg(
                _(
                    "A citizen by birth, at least {age}, fluent in the state language, resident for the last {years} years, with higher education and {service} years of state service."
                ),
                age=f.n("president.candidate_min_age"),
                years=f.n("president.candidate_residence_years"),
                service=f.n("president.candidate_service_years"),
            ),
        ),
        Step(
            "bars",
            "president",
            _c("35(3)"),
            msg(_("Not one declared incapable, with an unexpunged record, or found guilty of a corruption offence.")),
        ),
        Step("once", "president", _c("43(1)"), msg(_("A single term of seven years; no one is elected twice."))),
        Step(
            "regular",
            "kurultai",
            _c("43(3)"),
            msg(
                _("A regular election at least {months} months before the term ends, never with a Kurultai election."),
                months=f.n("president.regular_election_months_before_term_end"),
            ),
        ),
        Step(
            "majority",
            "kurultai",
            _c("43(4)"),
            msg(_("More than half of the votes of those who took part; otherwise a run-off of the two leaders.")),
        ),
        Step(
            "oath",
            "president",
            _c("44(2)"),
            msg(
                _("The President-elect takes the oath within {months} month(s) of the results."),
                months=f.n("president.oath_months_after_results"),
            ),
        ),
    )


def _transition(f: _Figures) -> tuple[Step, ...]:
    return (
        Step(
            "parliament_ends",
            "parliament",
            _c("95(1)"),
            msg(_("On 1 July 2026 the 1995 Constitution and the Parliament's powers end.")),
        ),
        Step(
            "call",
            "president",
            _c("95(1)"),
            msg(
                _("The President calls the Kurultai elections within {months} month(s)."),
                months=f.n("transition.kurultai_election_call_months"),
            ),
        ),
        Step(
            "elect",
            "kurultai",
            _c("95(1)"),
            msg(
                _("The Kurultai elections are held within {months} months."),
                months=f.n("transition.kurultai_election_months"),
            ),
        ),
        Step(
            "first_session",
            "president",
            _c("58(2)"),
            msg(
                _("The President convenes the first session within {days} days of the results."),
                days=f.n("kurultai.first_session_days"),
            ),
        ),
        Step("powers_begin", "kurultai", _c("52(2)"), msg(_("The Kurultai's powers begin with its first session."))),
        Step(
            "appointments",
            "president",
            _c("95(2)"),
            msg(
                _(
                    "Within {months} months of the first session: the Vice President, the Constitutional Court, the Election Commission and the Audit Chamber."
                ),
                months=f.n("transition.appointments_after_first_session_months"),
            ),
        ),
        Step(
            "officers",
            "president",
            _c("95(5)"),
            msg(
                _("Within {months} months of 1 July 2026: the other officers Art. 95(5) names."),
                months=f.n("transition.appointments_after_entry_months"),
            ),
        ),
    )


def _amendment_1995(f: _Figures) -> tuple[Step, ...]:
    f.names("parliament.amendment_proposers")
    f.used += ["legislature.majority.constitutional_amendment", "parliament.amendment_without_president_majority"]
    return (
        Step(
            "proposal",
            "president",
            _c("53(1)", "1995"),
            msg(_("Parliament, at a joint sitting, amends the Constitution on the President's proposal.")),
        ),
        Step("opinion", "president", _c("91(3)", "1995"), msg(_("The Constitutional Court's opinion comes first."))),
        Step("vote", "parliament", _c("62(3)", "1995"), msg(_("Three quarters of all deputies of each Chamber."))),
        Step(
            "without_president",
            "parliament",
            _c("91(1)", "1995"),
            msg(
                _(
                    "If the President refuses Parliament's proposal of a referendum, Parliament may adopt the amendment by four fifths of each Chamber."
                ),
            ),
        ),
        Step("ended", "parliament", _c("92(1)"), msg(_("From 1 July 2026 amendments are made only by referendum."))),
    )


MATTER_LABELS: dict[str, Msg] = {
    "administrative_territorial_structure": Msg(_("administrative-territorial structure")),
    "capital_status": Msg(_("status of the capital")),
    "special_legal_regime": Msg(_("special legal regimes for accelerated development")),
    "state_symbols": Msg(_("state symbols")),
    "referendum": Msg(_("the nationwide referendum")),
    "presidential_election": Msg(_("election of the President")),
    "kurultai_organisation": Msg(_("organisation of the Kurultai and status of deputies")),
    "kurultai_election": Msg(_("elections of the Kurultai")),
    "deputy_mandate_termination": Msg(_("other grounds ending a deputy's powers")),
    "kurultai_committees": Msg(_("number of the Kurultai's standing committees")),
    "government": Msg(_("the Government")),
    "peoples_council": Msg(_("the People's Council of Kazakhstan")),
    "constitutional_court": Msg(_("the Constitutional Court")),
    "constitutional_court_citizens_appeals": Msg(_("citizens' appeals to the Constitutional Court")),
    "constitutional_court_time_limits": Msg(_("time limits of the Constitutional Court")),
    "judicial_system": Msg(_("the judicial system")),
    "judges_requirements": Msg(_("requirements for judges")),
    "judicial_boards": Msg(_("judicial boards")),
    "prosecutors_office": Msg(_("the prosecutor's office")),
    "human_rights_commissioner": Msg(_("the Human Rights Commissioner")),
}

_Builder = Callable[[_Figures], tuple[Step, ...]]

# key -> (title, summary, constitution, builder)
PROCEDURES: dict[str, tuple[Msg, Msg, str, _Builder]] = {
    "initiative": (
        Msg(_("Legislative initiative")),
        Msg(_("Who introduces bills and on what terms.")),
        "2026",
        _initiative,
    ),
    "passage": (
        Msg(_("Passage of a law")),
        Msg(_("Quorum, majorities and presentation for signature.")),
        "2026",
        _passage,
    ),
    "signature": (
        Msg(_("Signature")),
        Msg(_("Countersignature, the President's month and entry into force.")),
        "2026",
        _signature,
    ),
    "veto": (
        Msg(_("Objections of the President")),
        Msg(_("Return of a law or of separate articles and the new vote.")),
        "2026",
        _veto,
    ),
    "court": (
        Msg(_("Constitutional Court")),
        Msg(_("Who refers a law or asks for the opinion on amendments.")),
        "2026",
        _court,
    ),
    "amendment": (
        Msg(_("Amending the Constitution")),
        Msg(_("Only by nationwide referendum, after the Court's opinion.")),
        "2026",
        _amendment,
    ),
    "removal": (
        Msg(_("Removal of the President")),
        Msg(_("High treason and lasting inability for health reasons.")),
        "2026",
        _removal,
    ),
    "dissolution": (
        Msg(_("Dissolution of the Kurultai")),
        Msg(_("Grounds, bars and what follows.")),
        "2026",
        _dissolution,
    ),
    "priority": (Msg(_("Priority bills")), Msg(_("Bills the President makes a priority.")), "2026", _priority),
    "confidence": (
        Msg(_("Question of confidence")),
        Msg(_("A Government bill adopted without a vote.")),
        "2026",
        _confidence,
    ),
    "decree": (
        Msg(_("Decrees of the President")),
        Msg(_("Decrees, the force of law and countersignature.")),
        "2026",
        _decree,
    ),
    "constitutional_law": (
        Msg(_("Constitutional laws")),
        Msg(_("The matters the Constitution reserves to them.")),
        "2026",
        _constitutional_law,
    ),
    "no_confidence": (
        Msg(_("Vote of no confidence")),
        Msg(_("No confidence in the Government.")),
        "2026",
        _no_confidence,
    ),
    "minister_dismissal": (
        Msg(_("Dismissal of a member of the Government")),
        Msg(_("The Kurultai's request to the President.")),
        "2026",
        _minister,
    ),
    "chair": (Msg(_("Chair of the Kurultai")), Msg(_("Election, refusal and recall.")), "2026", _chair),
    "vacancy": (
        Msg(_("Vacancy of the President's office")),
        Msg(_("Succession, oath and the early election.")),
        "2026",
        _vacancy,
    ),
    "president_election": (
        Msg(_("Election of the President")),
        Msg(_("Who may be elected and how.")),
        "2026",
        _election,
    ),
    "transition": (
        Msg(_("Transition to the Kurultai")),
        Msg(_("From 1 July 2026 to the first Kurultai (Art. 95).")),
        "2026",
        _transition,
    ),
    "amendment_1995": (
        Msg(_("Amendment by Parliament (1995)")),
        Msg(_("Until 30 June 2026, on the President's proposal.")),
        "1995",
        _amendment_1995,
    ),
}


def procedure_keys() -> tuple[str, ...]:
    return tuple(PROCEDURES)


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
    figures = _Figures(params, on)
    steps = build(figures)
    return Procedure(key, title, summary, constitution, on, steps, tuple(dict.fromkeys(figures.used)))
