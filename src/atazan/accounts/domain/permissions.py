"""The permission matrix: which role may perform which official or participatory action.

Services call the adapter's ``permission_require(user, action)``; views and API endpoints may check too, but the
service check is the one that counts. Nobody holds every action: the administrator manages accounts and reference
texts and does not vote, accept protocols or answer citizens in anyone's name (separation of duties).

Legal grounds, where there is one, are named per action; the matrix is also documented in docs/security.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from atazan.accounts.domain.roles import Role


@dataclass(frozen=True)
class ActionSpec:
    roles: frozenset[Role]
    what: str
    source: str = ""


def _spec(what: str, *roles: Role, source: str = "") -> ActionSpec:
    return ActionSpec(roles=frozenset(roles), what=what, source=source)


R = Role
ACTIONS: Mapping[str, ActionSpec] = MappingProxyType(
    {
        # consultation: citizens' appeals and the working group's answers
        # Law on the procedure for considering appeals (2007, as amended): anonymous appeals are not considered
        "consultation.proposal.submit": _spec("submit a proposal in one's own name", R.CITIZEN),
        "consultation.proposal.support": _spec("support another citizen's proposal", R.CITIZEN),
        "consultation.proposal.moderate": _spec("hide, restore or merge proposals", R.MODERATOR),
        "consultation.proposal.review": _spec("take proposals into review", R.WORKING_GROUP_SECRETARY),
        "consultation.proposal.answer": _spec(
            "answer (accept, reject, redirect) a proposal", R.WORKING_GROUP_SECRETARY
        ),
        "consultation.proposals.import": _spec("import appeals received through e-Otinish", R.WORKING_GROUP_SECRETARY),
        # attachments may hold personal data (Constitution 2026, Art. 21): besides the proposal's own author, who
        # reads their files by ownership, only the secretary who answers; moderators see the count only
        "consultation.attachment.view": _spec(
            "read the attachments of any proposal", R.WORKING_GROUP_SECRETARY, source="Constitution 2026, Art. 21"
        ),
        "consultation.attachments.import": _spec(
            "attach files from an e-Otinish export to a proposal", R.WORKING_GROUP_SECRETARY
        ),
        # commission: the Constitutional Commission's record and votes
        "commission.member.appoint": _spec("record a member's appointment", R.COMMISSION_SECRETARY),
        "commission.session.schedule": _spec("schedule a session and its agenda", R.COMMISSION_SECRETARY),
        "commission.attendance.record": _spec("record attendance", R.COMMISSION_SECRETARY),
        "commission.minutes.publish": _spec("publish minutes", R.COMMISSION_SECRETARY),
        "commission.decision.record": _spec("record a decision", R.COMMISSION_SECRETARY),
        "commission.draft.publish": _spec("publish a draft", R.COMMISSION_SECRETARY),
        "commission.vote.cast": _spec("cast one's own vote", R.COMMISSION_MEMBER),
        "commission.comment.post": _spec("comment on a published draft", R.CITIZEN, R.COMMISSION_MEMBER),
        "commission.comment.moderate": _spec("hide a comment", R.MODERATOR, R.COMMISSION_SECRETARY),
        # referendum: protocols of precinct commissions
        # Constitutional Law on Elections, Art. 44: results are established by the election commissions
        "referendum.protocol.file": _spec("file a precinct protocol", R.ELECTION_OPERATOR),
        "referendum.protocol.accept": _spec("accept a protocol into the tally", R.ELECTION_OPERATOR),
        "referendum.protocol.correct": _spec("file a correction after a recount", R.ELECTION_OPERATOR),
        "referendum.protocols.import": _spec("import a batch of protocols", R.ELECTION_OPERATOR),
        "referendum.review.resolve": _spec("resolve a rejected protocol under review", R.ELECTION_OPERATOR),
        "referendum.question.create": _spec("register a referendum question", R.ELECTION_OPERATOR),
        "referendum.electorate.import": _spec("import the electorate lists", R.ELECTION_OPERATOR),
        # elections
        "elections.results.import": _spec("import election results", R.ELECTION_OPERATOR),
        "elections.seats.allocate": _spec("allocate seats from accepted results", R.ELECTION_OPERATOR),
        "elections.mandate.assign": _spec("register mandates", R.ELECTION_OPERATOR),
        "elections.mandate.vacate": _spec(
            "terminate a mandate and fill the vacancy",
            R.ELECTION_OPERATOR,
            source="Constitutional Law on Elections, Art. 97-1",
        ),
        # legislature: the Kurultai's clerk keeps the record of bills and votes
        "legislature.bill.submit": _spec("register a bill", R.KURULTAI_CLERK),
        "legislature.bill.transition": _spec("record a reading, vote, signature or objection", R.KURULTAI_CLERK),
        "legislature.peoples_council.record": _spec(
            "record the People's Council's members, sessions, decisions", R.KURULTAI_CLERK
        ),
        "legislature.vice_president.record": _spec(
            "record a Vice President's nomination, consent and appointment", R.KURULTAI_CLERK
        ),
        # topics and texts
        "topics.tag.confirm": _spec("confirm or reject a topic tag", R.MODERATOR, R.ADMINISTRATOR),
        "texts.expression.import": _spec("import an official constitutional text", R.ADMINISTRATOR),
        # accounts
        "accounts.role.grant": _spec("grant or withdraw a role", R.ADMINISTRATOR),
        "audit.log.read_private": _spec("read private audit payloads", R.ADMINISTRATOR),
    }
)


class ActionRefused(Exception):
    """The holder of ``roles`` may not perform ``action``; the message names both."""

    def __init__(self, *, action: str, roles: Iterable[Role], who: str = "") -> None:
        self.action = action
        self.roles = tuple(sorted(roles))
        self.who = who
        held = ", ".join(r.value for r in self.roles) or "no role"
        if action not in ACTIONS:
            message = f"unknown action {action!r}: it is not in the permission matrix"
        else:
            needed = " or ".join(sorted(r.value for r in ACTIONS[action].roles))
            message = f"{who + ' ' if who else ''}(role: {held}) may not {action}: it requires the role {needed}"
        super().__init__(message)


def roles_for(action: str) -> frozenset[Role]:
    """The roles allowed ``action``; KeyError for an action the matrix does not know."""
    return ACTIONS[action].roles


def allowed(roles: Iterable[Role], action: str) -> bool:
    spec = ACTIONS.get(action)
    return spec is not None and any(role in spec.roles for role in roles)


def require(roles: Iterable[Role], action: str, *, who: str = "") -> None:
    """Raise ActionRefused unless one of ``roles`` may perform ``action`` (an unknown action is always refused)."""
    held = frozenset(roles)
    if not allowed(held, action):
        raise ActionRefused(action=action, roles=held, who=who)


def matrix() -> list[tuple[str, str, tuple[Role, ...], str]]:
    """(action, description, allowed roles in Role order, legal source) for documentation and the CLI."""
    return [
        (action, spec.what, tuple(r for r in Role if r in spec.roles), spec.source) for action, spec in ACTIONS.items()
    ]
