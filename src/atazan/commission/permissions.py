"""Who may do what in the Commission: enforced here, in the services, not only in the views.

The secretariat (Role.COMMISSION_SECRETARY) keeps the record: members, sessions, agenda, attendance, minutes,
decisions and drafts. A member (Role.COMMISSION_MEMBER, linked to a Member row) votes, for themself only. Moderators
and the secretariat moderate public comments. Everyone reads.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_has_role

from .domain.errors import CommissionPermissionError


def actor_label(actor: User | AnonymousUser) -> str:
    return f"user:{actor.username}" if actor.is_authenticated else "anonymous"


def require_role(actor: User | AnonymousUser, *roles: Role, action: str) -> None:
    """Raise CommissionPermissionError unless the actor holds one of the roles."""
    if not any(user_has_role(actor, role) for role in roles):  # type: ignore[arg-type]
        needed = " or ".join(r.value for r in roles)
        raise CommissionPermissionError(record=f"{action} by {actor_label(actor)}", rule=f"requires the role {needed}")


def can_edit(actor: User | AnonymousUser) -> bool:
    return user_has_role(actor, Role.COMMISSION_SECRETARY)  # type: ignore[arg-type]


def can_moderate(actor: User | AnonymousUser) -> bool:
    return any(user_has_role(actor, r) for r in (Role.COMMISSION_SECRETARY, Role.MODERATOR))  # type: ignore[arg-type]
