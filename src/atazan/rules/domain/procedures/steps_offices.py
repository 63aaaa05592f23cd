# ruff: noqa: E501  (message templates are gettext keys, kept whole on one line)
"""Steps of the offices' and transition procedures, with their articles and figures (see ``catalogue``)."""

from __future__ import annotations

from atazan.rules.domain.procedures.messages import _, msg
from atazan.rules.domain.procedures.timeline import Figures, Step, cite


def removal_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            cite("50(3)"),
            msg(
                _("At least {minimum} deputies (a third) initiate a charge of high treason."),
                minimum=f.minimum("president.removal_treason_initiative", seats),
            ),
        ),
        Step(
            "charge",
            "kurultai",
            cite("50(3)"),
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
            cite("50(3)"),
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
            cite("50(3)"),
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
            cite("50(4)"),
            msg(_("Removal cannot be raised while the President considers dissolving the Kurultai.")),
        ),
        Step(
            "health",
            "kurultai",
            cite("50(2)"),
            msg(
                _("Early release for health: a medical commission, the Court's opinion and {minimum} votes."),
                minimum=f.minimum("president.removal_health_majority", seats),
            ),
        ),
    )


def dissolution_steps(f: Figures) -> tuple[Step, ...]:
    f.names("kurultai.consent_offices")
    return (
        Step(
            "consult",
            "president",
            cite("62(1)"),
            msg(_("The President may dissolve the Kurultai after consulting its Chair and the Prime Minister.")),
        ),
        Step(
            "refusals",
            "president",
            cite("62(2)"),
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
            cite("62(3)"),
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
            cite("51(3)"),
            msg(_("A person who has assumed the President's powers may not dissolve the Kurultai.")),
        ),
        Step(
            "election",
            "president",
            cite("54(2)"),
            msg(
                _("Extraordinary elections within {months} months of the early end of the Kurultai's powers."),
                months=f.n("kurultai.extraordinary_election_months"),
            ),
        ),
        Step(
            "decrees",
            "president",
            cite("47(2)"),
            msg(_("Until then the President issues decrees with the force of law.")),
        ),
    )


def no_confidence_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            cite("56(13)"),
            msg(
                _("At least {minimum} deputies (a fifth) initiate a vote of no confidence."),
                minimum=f.minimum("kurultai.no_confidence_initiative", seats),
            ),
        ),
        Step(
            "vote",
            "kurultai",
            cite("56(13)"),
            msg(
                _("No confidence is expressed by {minimum} votes (a majority of all deputies)."),
                minimum=f.minimum("kurultai.no_confidence_majority", seats),
            ),
        ),
        Step(
            "budget",
            "kurultai",
            cite("56(16)"),
            msg(_("Not approving the Government's report on the budget also means no confidence.")),
        ),
        Step(
            "resign",
            "government",
            cite("69(3)"),
            msg(
                _("No confidence: the Government offers its resignation; the President decides within {days} days."),
                days=f.n("government.resignation_decision_days"),
            ),
        ),
    )


def minister_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "initiative",
            "deputies",
            cite("56(17)"),
            msg(
                _("At least {minimum} deputies (a third) ask to hear a member of the Government."),
                minimum=f.minimum("kurultai.minister_report_initiative", seats),
            ),
        ),
        Step(
            "request",
            "kurultai",
            cite("56(17)"),
            msg(
                _(
                    "For failing to execute the laws, {minimum} votes (two thirds) ask the President to dismiss the member."
                ),
                minimum=f.minimum("kurultai.minister_dismissal_majority", seats),
            ),
        ),
        Step(
            "dismiss", "president", cite("56(17)"), msg(_("The President then dismisses the member of the Government."))
        ),
    )


def chair_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "nominate",
            "president",
            cite("57(1)"),
            msg(_("The President nominates a deputy fluent in the state language.")),
        ),
        Step(
            "elect",
            "kurultai",
            cite("57(1)"),
            msg(
                _("Secret ballot; elected with {minimum} votes (a majority of all deputies)."),
                minimum=f.minimum("kurultai.chair_majority", seats),
            ),
        ),
        Step(
            "refusal",
            "president",
            cite("57(1)"),
            msg(_("After a repeated refusal to elect, the President may dissolve the Kurultai.")),
        ),
        Step(
            "recall",
            "kurultai",
            cite("57(2)"),
            msg(
                _("Recall or resignation of the Chair: {minimum} votes."),
                minimum=f.minimum("kurultai.chair_recall_majority", seats),
            ),
        ),
    )


def vacancy_steps(f: Figures) -> tuple[Step, ...]:
    f.names("president.succession")
    return (
        Step(
            "succession",
            "vice_president",
            cite("51(1)"),
            msg(_("The powers pass to the Vice President, else the Chair of the Kurultai, else the Prime Minister.")),
        ),
        Step(
            "acting_oath",
            "acting_president",
            cite("44(2)"),
            msg(
                _("The person who assumed the President's powers takes the oath within {days} days."),
                days=f.n("president.oath_days_acting"),
            ),
        ),
        Step(
            "announce",
            "kurultai",
            cite("51(2)"),
            msg(
                _("The Kurultai announces the presidential election within {days} days."),
                days=f.n("president.vacancy_announcement_days"),
            ),
        ),
        Step(
            "election",
            "kurultai",
            cite("51(2)"),
            msg(
                _("The election is held within {months} months of the Kurultai's decision."),
                months=f.n("president.vacancy_election_months"),
            ),
        ),
        Step(
            "oath",
            "president",
            cite("44(2)"),
            msg(
                _("The President-elect takes the oath within {months} month(s) of the results."),
                months=f.n("president.oath_months_after_results"),
            ),
        ),
        Step(
            "limits",
            "acting_president",
            cite("51(3)"),
            msg(_("Meanwhile no initiative to amend the Constitution and no dissolution of the Kurultai.")),
        ),
    )


def election_steps(f: Figures) -> tuple[Step, ...]:
    f.used.append("president.candidate_age_counted_on")
    return (
        Step(
            "eligibility",
            "president",
            cite("43(2)"),
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
            cite("35(3)"),
            msg(_("Not one declared incapable, with an unexpunged record, or found guilty of a corruption offence.")),
        ),
        Step("once", "president", cite("43(1)"), msg(_("A single term of seven years; no one is elected twice."))),
        Step(
            "regular",
            "kurultai",
            cite("43(3)"),
            msg(
                _("A regular election at least {months} months before the term ends, never with a Kurultai election."),
                months=f.n("president.regular_election_months_before_term_end"),
            ),
        ),
        Step(
            "majority",
            "kurultai",
            cite("43(4)"),
            msg(_("More than half of the votes of those who took part; otherwise a run-off of the two leaders.")),
        ),
        Step(
            "oath",
            "president",
            cite("44(2)"),
            msg(
                _("The President-elect takes the oath within {months} month(s) of the results."),
                months=f.n("president.oath_months_after_results"),
            ),
        ),
    )


def transition_steps(f: Figures) -> tuple[Step, ...]:
    return (
        Step(
            "parliament_ends",
            "parliament",
            cite("95(1)"),
            msg(_("On 1 July 2026 the 1995 Constitution and the Parliament's powers end.")),
        ),
        Step(
            "call",
            "president",
            cite("95(1)"),
            msg(
                _("The President calls the Kurultai elections within {months} month(s)."),
                months=f.n("transition.kurultai_election_call_months"),
            ),
        ),
        Step(
            "elect",
            "kurultai",
            cite("95(1)"),
            msg(
                _("The Kurultai elections are held within {months} months."),
                months=f.n("transition.kurultai_election_months"),
            ),
        ),
        Step(
            "first_session",
            "president",
            cite("58(2)"),
            msg(
                _("The President convenes the first session within {days} days of the results."),
                days=f.n("kurultai.first_session_days"),
            ),
        ),
        Step("powers_begin", "kurultai", cite("52(2)"), msg(_("The Kurultai's powers begin with its first session."))),
        Step(
            "appointments",
            "president",
            cite("95(2)"),
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
            cite("95(5)"),
            msg(
                _("Within {months} months of 1 July 2026: the other officers Art. 95(5) names."),
                months=f.n("transition.appointments_after_entry_months"),
            ),
        ),
    )


def amendment_1995_steps(f: Figures) -> tuple[Step, ...]:
    f.names("parliament.amendment_proposers")
    f.used += ["legislature.majority.constitutional_amendment", "parliament.amendment_without_president_majority"]
    return (
        Step(
            "proposal",
            "president",
            cite("53(1)", "1995"),
            msg(_("Parliament, at a joint sitting, amends the Constitution on the President's proposal.")),
        ),
        Step("opinion", "president", cite("91(3)", "1995"), msg(_("The Constitutional Court's opinion comes first."))),
        Step("vote", "parliament", cite("62(3)", "1995"), msg(_("Three quarters of all deputies of each Chamber."))),
        Step(
            "without_president",
            "parliament",
            cite("91(1)", "1995"),
            msg(
                _(
                    "If the President refuses Parliament's proposal of a referendum, Parliament may adopt the amendment by four fifths of each Chamber."
                ),
            ),
        ),
        Step("ended", "parliament", cite("92(1)"), msg(_("From 1 July 2026 amendments are made only by referendum."))),
    )
