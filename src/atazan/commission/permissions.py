"""Who may do what in the Commission: the accounts permission matrix (docs/security.md), enforced in the services.

The secretariat (Role.COMMISSION_SECRETARY) keeps the record: members, sessions, agenda, speakers, attendance,
minutes, decisions and drafts. A member (Role.COMMISSION_MEMBER, linked to a Member row) votes, for themself only.
Moderators and the secretariat moderate public comments; citizens and members comment. Everyone reads.

The Commission's writes map onto the matrix's `commission.*` actions (ACTIONS below); a refusal is the accounts
context's PermissionRefused (a PermissionDenied naming the role held and the role needed).
"""

from __future__ import annotations

from types import MappingProxyType

from django.contrib.auth.models import AnonymousUser, User

from atazan.accounts.services import actor_authorize, permission_allowed, permission_require

# Each service of the Commission → the matrix action that covers it. The agenda, its links to proposals and the list
# of speakers are part of scheduling a session ("schedule a session and its agenda"); the consolidated draft, the
# versions made from decisions and the final text are all drafts the secretariat puts out ("publish a draft").
ACTIONS = MappingProxyType(
    {
        "member.appoint": "commission.member.appoint",
        "session.schedule": "commission.session.schedule",
        "agenda.add": "commission.session.schedule",
        "agenda.link": "commission.session.schedule",
        "speaker.add": "commission.session.schedule",
        "attendance.record": "commission.attendance.record",
        "minutes.publish": "commission.minutes.publish",
        "vote.cast": "commission.vote.cast",
        "decision.record": "commission.decision.record",
        "draft.start": "commission.draft.publish",
        "draft.create": "commission.draft.publish",
        "draft.publish": "commission.draft.publish",
        "draft.final": "commission.draft.publish",
        "comment.post": "commission.comment.post",
        "comment.moderate": "commission.comment.moderate",
    }
)

Actor = User | AnonymousUser | str


def actor_label(actor: Actor) -> str:
    """How the audit chain names the actor: the user name (as accounts' actor_authorize does), or the console's
    label as given."""
    if isinstance(actor, str):
        return actor
    return actor.get_username() if actor.is_authenticated else "anonymous"


def authorize(actor: Actor, action: str) -> str:
    """Check ``actor`` against the matrix action behind the Commission's ``action``; return the audit label.

    Raises accounts' PermissionRefused (a PermissionDenied) for a user whose roles do not allow it, and for an
    anonymous visitor. A plain string is the console (a command run with shell access), recorded as given."""
    matrix_action = ACTIONS[action]
    if isinstance(actor, AnonymousUser):
        permission_require(actor, matrix_action)  # always refused: an anonymous visitor holds no role
        return "anonymous"  # pragma: no cover - not reached
    return actor_authorize(actor, matrix_action)


def can(actor: User | AnonymousUser, action: str) -> bool:
    return permission_allowed(actor, ACTIONS[action])


def can_edit(actor: User | AnonymousUser) -> bool:
    """The secretariat's pages: the matrix's session scheduling right stands for the secretariat's role."""
    return can(actor, "session.schedule")


def can_moderate(actor: User | AnonymousUser) -> bool:
    return can(actor, "comment.moderate")
