"""Amending the 1995 Constitution through Parliament (1995 Arts. 53(1), 62(3), 91(1), 91(3)), until 30 June 2026.

Parliament, at a joint sitting of the Chambers, amends the Constitution on the President's proposal (Art. 53(1)),
by three quarters of all deputies of each Chamber (Art. 62(3)). The one other way in: the President rejected
Parliament's proposal to put amendments to a referendum, and Parliament adopts them by four fifths of all deputies
of each Chamber (Art. 91(1)). Either way the Constitutional Court's opinion comes first (Art. 91(3)). From
1 July 2026 amendments are made only by referendum (2026 Art. 92(1)).
"""

from __future__ import annotations

import datetime as dt

from atazan.rules.domain.parameters import ParameterError, ParameterSet, default_parameters
from atazan.rules.domain.procedures.messages import Citation, Finding, _, msg, office
from atazan.rules.domain.procedures.model import Milestone, Outcome
from atazan.rules.domain.procedures.votes import names, threshold


def parliament_amendment(
    *,
    proposed_by: str,
    as_of: dt.date,
    senate_votes: int,
    senate_total: int,
    majilis_votes: int,
    majilis_total: int,
    court_opinion: bool,
    president_rejected_referendum: bool = False,
    params: ParameterSet | None = None,
) -> Outcome:
    params = params or default_parameters()
    try:
        params.at("parliament.amendment_proposers", as_of)
    except ParameterError:  # the parameter has ended: the 2026 Constitution is in force
        return Outcome(
            "amendment_1995",
            "refused",
            findings=(
                Finding(
                    "amendment_by_referendum",
                    Citation("92(1)", "2026"),
                    msg(_("From 1 July 2026 the Constitution is amended only by a nationwide referendum.")),
                ),
            ),
        )
    proposers, cite = names(params, "parliament.amendment_proposers", as_of)
    findings: list[Finding] = []
    if proposed_by in proposers:
        majority = "legislature.majority.constitutional_amendment"
    elif proposed_by == "parliament" and president_rejected_referendum:
        majority = "parliament.amendment_without_president_majority"
    else:
        findings.append(
            Finding(
                "amendment_proposer",
                cite,
                msg(
                    _("Parliament amends the Constitution on the President's proposal, not on that of {who}."),
                    who=office(proposed_by),
                ),
            )
        )
        return Outcome("amendment_1995", "refused", (), tuple(findings))
    if not court_opinion:
        findings.append(
            Finding(
                "amendment_court_opinion",
                Citation("91(3)", "1995"),
                msg(_("Amendments go to Parliament only with the Constitutional Court's opinion.")),
            )
        )
    milestones = []
    figures = []
    for chamber, votes, total in (("senate", senate_votes, senate_total), ("majilis", majilis_votes, majilis_total)):
        judged = threshold(params, majority, count=votes, total=total, present=None, as_of=as_of)
        figures.append((f"{chamber}_minimum", str(judged.minimum)))
        label = msg(_("Senate")) if chamber == "senate" else msg(_("Majilis"))
        milestones.append(
            Milestone(
                f"{chamber}_vote",
                judged.citation,
                msg(
                    _("{chamber}: {count} votes of {minimum} needed."),
                    chamber=label,
                    count=votes,
                    minimum=judged.minimum,
                ),
            )
        )
        if not judged.met:
            findings.append(
                Finding(
                    f"amendment_{chamber}_majority", judged.citation, msg(_("{chamber}: too few votes."), chamber=label)
                )
            )
    return Outcome(
        "amendment_1995", "refused" if findings else "adopted", tuple(milestones), tuple(findings), tuple(figures)
    )
