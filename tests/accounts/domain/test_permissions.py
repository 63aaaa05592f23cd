from __future__ import annotations

import pytest

from atazan.accounts.domain import permissions
from atazan.accounts.domain.permissions import ACTIONS, ActionRefused, allowed, matrix, require
from atazan.accounts.domain.roles import Role


def test_every_action_names_at_least_one_role_and_nobody_holds_everything() -> None:
    assert all(spec.roles for spec in ACTIONS.values())
    for role in Role:
        assert not all(allowed([role], action) for action in ACTIONS), role


def test_separation_of_duties() -> None:
    # The administrator runs the platform but casts no vote, accepts no protocol and answers no citizen.
    for action in (
        "commission.vote.cast",
        "referendum.protocol.accept",
        "consultation.proposal.answer",
        "elections.mandate.vacate",
        "legislature.bill.transition",
    ):
        assert not allowed([Role.ADMINISTRATOR], action)
    # Those who answer or decide do not also submit as citizens under the same role.
    assert not allowed([Role.WORKING_GROUP_SECRETARY], "consultation.proposal.submit")
    assert not allowed([Role.ELECTION_OPERATOR], "consultation.proposal.submit")


def test_refusal_names_role_and_action() -> None:
    with pytest.raises(ActionRefused) as caught:
        require([Role.CITIZEN], "referendum.protocol.accept", who="user 'ali'")
    message = str(caught.value)
    assert "citizen" in message and "referendum.protocol.accept" in message and "election_operator" in message


def test_unknown_action_is_refused_to_every_role() -> None:
    with pytest.raises(ActionRefused, match="not in the permission matrix"):
        require(list(Role), "referendum.protocol.delete")


def test_no_role_at_all_is_refused() -> None:
    with pytest.raises(ActionRefused, match="no role"):
        require([], "consultation.proposal.submit")


def test_matrix_lists_every_action_once() -> None:
    rows = matrix()
    assert [row[0] for row in rows] == list(permissions.ACTIONS)
