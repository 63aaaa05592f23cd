"""Who may ask the Constitutional Court what (Constitution 2026, Arts. 46(11), 73(1)-(2), 74(2), 93)."""

from __future__ import annotations

import datetime as dt

from atazan.rules.domain.parameters import ParameterSet, default_parameters
from atazan.rules.domain.procedures.messages import Citation, Finding, _, msg, office
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import kurultai_total, names, threshold


def amendment_opinion_request(*, requester: str, as_of: dt.date, params: ParameterSet | None = None) -> Outcome:
    """Only the President asks the Constitutional Court for the opinion that amendments respect Arts. 2(7) and
    43(5), without which they do not go to a referendum (Arts. 46(11), 73(2), 93). A person who has assumed the
    President's powers holds them too (Art. 51(1)): only initiating amendments is barred to him (Art. 51(3)).
    """
    params = params or default_parameters()
    holders, cite = names(params, "court.amendment_opinion_requesters", as_of)
    who = "president" if requester == "acting_president" else requester
    if who not in holders:
        return Outcome(
            "court",
            "refused",
            findings=(
                Finding(
                    "amendment_opinion_requester",
                    cite,
                    msg(
                        _("Only the President asks the Constitutional Court for the Art. 93 opinion; {who} may not."),
                        who=office(requester),
                    ),
                ),
            ),
        )
    return Outcome(
        "court",
        "allowed",
        (
            Milestone(
                "amendment_opinion",
                Citation("93"),
                msg(_("The Court gives its opinion on Arts. 2(7) and 43(5); only then the referendum.")),
            ),
        ),
    )


def law_referral(
    *,
    requester: str,
    as_of: dt.date,
    deputies: int | None = None,
    total: int | None = None,
    params: ParameterSet | None = None,
) -> Outcome:
    """A law adopted by the Kurultai may be referred to the Court before the President signs it by the President,
    the Chair of the Kurultai, at least one fifth of all deputies, or the Prime Minister (Art. 73(1)(2)); the month
    for signing stops running meanwhile (Art. 74(2)).
    """
    params = params or default_parameters()
    holders, cite = names(params, "court.law_referral_requesters", as_of)
    if requester not in holders:
        return Outcome(
            "court",
            "refused",
            findings=(
                Finding(
                    "law_referral_requester",
                    cite,
                    msg(_("{who} may not refer a law to the Constitutional Court."), who=office(requester)),
                ),
            ),
        )
    milestones = [
        Milestone(
            "signature_suspended",
            Citation("74(2)"),
            msg(_("The time for signing stops while the Court considers the law.")),
        )
    ]
    if requester == "deputies":
        seats = kurultai_total(params, as_of, total)
        share = threshold(
            params,
            "legislature.court_referral_deputies_share",
            count=deputies or 0,
            total=seats,
            present=None,
            as_of=as_of,
        )
        if not share.met:
            return Outcome(
                "court",
                "refused",
                findings=(
                    Finding(
                        "law_referral_deputies",
                        share.citation,
                        msg(
                            _("{count} deputies of the {minimum} needed (one fifth of all)."),
                            count=deputies or 0,
                            minimum=share.minimum,
                        ),
                    ),
                ),
                figures=(("minimum", str(share.minimum)),),
            )
        return Outcome("court", "allowed", tuple(milestones), (), (("minimum", str(share.minimum)),))
    return Outcome("court", "allowed", tuple(milestones))
