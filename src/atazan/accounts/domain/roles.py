"""Who may do what in atazan. Each role is a Django group of the same name in the adapter."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CITIZEN = "citizen"  # a verified citizen: proposes, supports, comments
    MODERATOR = "moderator"
    WORKING_GROUP_SECRETARY = "working_group_secretary"
    COMMISSION_MEMBER = "commission_member"
    COMMISSION_SECRETARY = "commission_secretary"
    ELECTION_OPERATOR = "election_operator"  # a member of an election or referendum commission
    KURULTAI_CLERK = "kurultai_clerk"
    ADMINISTRATOR = "administrator"
