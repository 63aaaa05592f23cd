# ruff: noqa: E501  (message templates are gettext keys, kept whole on one line)
"""Steps of the legislative procedures, with their articles and figures (see ``catalogue``)."""

from __future__ import annotations

from atazan.rules.domain.procedures.messages import Msg, _, msg
from atazan.rules.domain.procedures.timeline import Figures, Step, cite


def initiative_steps(f: Figures) -> tuple[Step, ...]:
    return (
        Step(
            "introduce",
            "deputies",
            cite("60(1)"),
            msg(
                _(
                    "The President, deputies, the Government or the People's Council introduce a bill, only in the Kurultai."
                )
            ),
        ),
        Step(
            "fiscal_opinion",
            "government",
            cite("60(6)"),
            msg(
                _(
                    "A bill cutting revenue or raising spending needs the Government's positive opinion, unless the President introduces it."
                )
            ),
        ),
        Step(
            "urgent",
            "government",
            cite("60(4)"),
            msg(
                _(
                    "A Government bill against an urgent threat is considered immediately; meanwhile the Government may issue temporary acts with the force of law."
                )
            ),
        ),
        Step(
            "priority",
            "president",
            cite("60(2)"),
            msg(
                _("The President may make a bill a priority: it is adopted first, within {months} months."),
                months=f.n("legislature.priority_bill_months"),
            ),
        ),
    )


def passage_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    return (
        Step(
            "quorum",
            "kurultai",
            cite("58(5)"),
            msg(
                _("A sitting needs at least {minimum} of {seats} deputies present."),
                minimum=f.minimum("legislature.quorum", seats),
                seats=seats,
            ),
        ),
        Step(
            "adopt_law",
            "kurultai",
            cite("61(4)"),
            msg(
                _("A law is adopted by a majority of all deputies: {minimum} votes."),
                minimum=f.minimum("legislature.majority.ordinary_law", seats),
            ),
        ),
        Step(
            "adopt_constitutional_law",
            "kurultai",
            cite("61(3)"),
            msg(
                _("A constitutional law, only on a matter the Constitution names, needs {minimum} votes (two thirds)."),
                minimum=f.minimum("legislature.majority.constitutional_law", seats),
            ),
        ),
        Step(
            "reject",
            "kurultai",
            cite("60(5)"),
            msg(
                _("The Kurultai may reject a bill as a whole with {minimum} votes; it returns to its initiator."),
                minimum=f.minimum("legislature.majority.rejection", seats),
            ),
        ),
        Step(
            "present",
            "kurultai",
            cite("60(5)"),
            msg(
                _("An adopted law is presented to the President for signature within {days} days."),
                days=f.n("legislature.presentation_days"),
            ),
        ),
    )


def signature_steps(f: Figures) -> tuple[Step, ...]:
    months = f.n("legislature.signature_months")
    f.names("legislature.law_countersignatories")
    return (
        Step(
            "countersign",
            "kurultai_chair",
            cite("47(3)"),
            msg(
                _("The Chair of the Kurultai and the Prime Minister countersign the law and answer for its conformity.")
            ),
        ),
        Step(
            "sign",
            "president",
            cite("46(3)"),
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
            cite("74(2)"),
            msg(_("A referral to the Constitutional Court stops the time for signing.")),
        ),
        Step("in_force", "president", cite("61(2)"), msg(_("The law enters into force after the President signs it."))),
    )


def veto_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    months = f.n("legislature.override_months")
    return (
        Step(
            "return",
            "president",
            cite("46(3)"),
            msg(_("The President returns the law, or separate articles of it, for a new debate and vote.")),
        ),
        Step(
            "revote",
            "kurultai",
            cite("56(2)"),
            msg(
                _("The Kurultai votes again within {months} month(s) of the objections; otherwise they are accepted."),
                months=months,
            ),
        ),
        Step(
            "override",
            "kurultai",
            cite("56(2)"),
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
            cite("56(2)"),
            msg(
                _("Objections overcome: the President signs within {months} month(s)."),
                months=f.n("legislature.signature_months"),
            ),
        ),
        Step(
            "not_overcome",
            "kurultai",
            cite("56(2)"),
            msg(_("Objections not overcome: the law is not adopted, or adopted as the President proposed.")),
        ),
    )


def court_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    f.names("court.law_referral_requesters")
    f.names("court.amendment_opinion_requesters")
    return (
        Step(
            "refer",
            "deputies",
            cite("73(1)"),
            msg(
                _(
                    "Before signature, the President, the Chair, the Prime Minister or {minimum} deputies (a fifth) refer a law to the Court."
                ),
                minimum=f.minimum("legislature.court_referral_deputies_share", seats),
            ),
        ),
        Step(
            "pause", "president", cite("74(2)"), msg(_("The time for signing stops while the Court considers the law."))
        ),
        Step(
            "struck",
            "president",
            cite("75(1)"),
            msg(_("A law found unconstitutional cannot be signed or put into effect.")),
        ),
        Step(
            "amendment_opinion",
            "president",
            cite("46(11)"),
            msg(_("Only the President asks the Court for the opinion on amendments (Art. 93).")),
        ),
    )


def amendment_steps(f: Figures) -> tuple[Step, ...]:
    regions = f.n("regions.count")
    return (
        Step(
            "initiative",
            "president",
            cite("92(1)"),
            msg(
                _(
                    "The President decides on a referendum, on his own initiative or that of the Kurultai, the Government or the People's Council."
                )
            ),
        ),
        Step(
            "no_acting",
            "acting_president",
            cite("51(3)"),
            msg(_("A person who has assumed the President's powers may not initiate amendments.")),
        ),
        Step(
            "opinion",
            "president",
            cite("93"),
            msg(
                _(
                    "The Constitutional Court's opinion that Arts. 2(7) and 43(5) are respected comes first, on the President's appeal."
                )
            ),
        ),
        Step(
            "turnout",
            "kurultai",
            cite("92(2)"),
            msg(_("The referendum is valid if more than half of the citizens entitled to vote take part.")),
        ),
        Step(
            "adopted",
            "kurultai",
            cite("92(3)"),
            msg(
                _(
                    "Adopted if more than half of those who took part vote yes in at least {minimum} of {regions} regions."
                ),
                minimum=f.minimum("referendum.amendment_regions_share", regions),
                regions=regions,
            ),
        ),
    )


def priority_steps(f: Figures) -> tuple[Step, ...]:
    f.names("legislature.priority_bill_designators")
    f.used.append("legislature.priority_bill_period_starts")
    return (
        Step("designate", "president", cite("60(2)"), msg(_("The President determines that a bill is a priority."))),
        Step(
            "adopt",
            "kurultai",
            cite("60(2)"),
            msg(
                _(
                    "The Kurultai adopts it first, within {months} months (counted from the designation: an assumption)."
                ),
                months=f.n("legislature.priority_bill_months"),
            ),
        ),
    )


def confidence_steps(f: Figures) -> tuple[Step, ...]:
    seats = f.seats()
    f.used.append("government.confidence_question_year")
    return (
        Step(
            "raise",
            "prime_minister",
            cite("60(7)"),
            msg(
                _(
                    "After the Kurultai does not adopt a Government bill, the Prime Minister raises the question of confidence."
                )
            ),
        ),
        Step(
            "wait",
            "kurultai",
            cite("60(7)"),
            msg(
                _("The vote comes no earlier than {hours} hours later."),
                hours=f.n("government.confidence_question_wait_hours"),
            ),
        ),
        Step(
            "vote",
            "kurultai",
            cite("60(7)"),
            msg(
                _("Unless {minimum} deputies vote no confidence, the bill is adopted without a vote."),
                minimum=f.minimum("government.confidence_question_majority", seats),
            ),
        ),
        Step(
            "limit",
            "government",
            cite("60(7)"),
            msg(_("At most {times} times a year."), times=f.n("government.confidence_question_max_per_year")),
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


def decree_steps(f: Figures) -> tuple[Step, ...]:
    f.used.append("transition.decrees_with_force_of_law")
    return (
        Step(
            "decrees",
            "president",
            cite("47(1)"),
            msg(_("The President issues decrees and orders on the basis of the Constitution and the laws.")),
        ),
        Step(
            "force_of_law",
            "president",
            cite("47(2)"),
            msg(
                _(
                    "While the Kurultai is absent after its powers ended early, decrees may have the force of laws or constitutional laws."
                )
            ),
        ),
        Step(
            "countersign_acts",
            "prime_minister",
            cite("47(3)"),
            msg(_("Acts issued on the Government's initiative are first countersigned by the Prime Minister.")),
        ),
        Step(
            "transition",
            "president",
            cite("95(1)"),
            msg(
                _(
                    "From 1 July 2026 to the Kurultai's first session atazan applies Art. 47(2) too (a stated assumption)."
                )
            ),
        ),
    )


def constitutional_law_steps(f: Figures) -> tuple[Step, ...]:
    listed = f.names("legislature.constitutional_law_matters")
    steps = [
        Step(
            "adopt",
            "kurultai",
            cite("61(3)"),
            msg(
                _("Constitutional laws only on the matters the Constitution names, by {minimum} votes."),
                minimum=f.minimum("legislature.majority.constitutional_law", f.seats()),
            ),
        )
    ]
    for item in listed:
        code, article = item.split("|", 1)
        steps.append(Step(f"matter_{code}", "kurultai", cite(article), MATTER_LABELS.get(code, Msg(code))))
    return tuple(steps)


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
