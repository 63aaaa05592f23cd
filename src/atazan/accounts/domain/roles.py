"""Who may do what in atazan. Each role is a Django group of the same name in the adapter."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from atazan.messages.domain import declare

from .messages import VOICE, Msg


class Role(StrEnum):
    CITIZEN = "citizen"  # a verified citizen: proposes, supports, comments
    MODERATOR = "moderator"
    WORKING_GROUP_SECRETARY = "working_group_secretary"
    COMMISSION_MEMBER = "commission_member"
    COMMISSION_SECRETARY = "commission_secretary"
    ELECTION_OPERATOR = "election_operator"  # a member of an election or referendum commission
    KURULTAI_CLERK = "kurultai_clerk"
    ADMINISTRATOR = "administrator"


# A role as a page names it (the group keeps the code).
ROLE_LABELS: dict[str, str] = declare("accounts", {
    Role.CITIZEN.value: "verified citizen",
    Role.MODERATOR.value: "moderator",
    Role.WORKING_GROUP_SECRETARY.value: "secretary of the working group",
    Role.COMMISSION_MEMBER.value: "member of the Constitutional Commission",
    Role.COMMISSION_SECRETARY.value: "secretary of the Constitutional Commission",
    Role.ELECTION_OPERATOR.value: "operator of an election commission",
    Role.KURULTAI_CLERK.value: "clerk of the Kurultai",
    Role.ADMINISTRATOR.value: "administrator",
}, context="role")  # fmt: skip


def role_label(code: str) -> Msg:
    """The role's name for a reader; a group that is no role keeps its own name."""
    return VOICE.label(ROLE_LABELS.get(code, code), context="role" if code in ROLE_LABELS else "")


def roles_named(codes: Iterable[str]) -> Msg:
    """Roles as a phrase ("moderator or secretary of the Constitutional Commission"); "no role" for none."""
    labels = [role_label(code) for code in sorted(codes)]
    if not labels:
        return VOICE.label("no role", context="role")
    named = labels[-1]
    for label in reversed(labels[:-1]):
        named = VOICE.msg("{first} or {rest}", first=label, rest=named)
    return named
