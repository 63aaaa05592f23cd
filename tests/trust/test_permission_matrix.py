"""Every role × every action of the matrix, through the service-level check (`permission_require`) on real users."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from atazan.accounts.domain.permissions import ACTIONS
from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused, actor_authorize, permission_require, role_grant, user_create

PAIRS = list(itertools.product(list(Role), list(ACTIONS)))


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action"), PAIRS, ids=[f"{r.value}-{a}" for r, a in PAIRS])
def test_role_action(role: Role, action: str, user_with) -> None:  # type: ignore[no-untyped-def]
    user = user_with(role)
    if role in ACTIONS[action].roles:
        permission_require(user, action)
        assert actor_authorize(user, action) == user.username
    else:
        with pytest.raises(PermissionRefused) as refused:
            permission_require(user, action)
        message = str(refused.value)
        assert role.value in message and action in message


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ACTIONS))
def test_anonymous_and_roleless_users_are_refused_everything(action: str, user_with) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionRefused, match="anonymous visitor"):
        permission_require(AnonymousUser(), action)
    with pytest.raises(PermissionRefused, match="no role"):
        permission_require(user_with(), action)


@pytest.mark.django_db
def test_superuser_flag_grants_no_official_action() -> None:
    admin = user_create(username="root", password="pw-for-tests-1", roles=[Role.ADMINISTRATOR])
    assert admin.is_superuser
    with pytest.raises(PermissionRefused, match="commission.vote.cast"):
        permission_require(admin, "commission.vote.cast")


@pytest.mark.django_db
def test_only_an_administrator_grants_roles_and_the_grant_is_audited(user_with) -> None:  # type: ignore[no-untyped-def]
    from atazan.audit.models import AuditEntry

    moderator = user_with(Role.MODERATOR)
    target = user_with(username="newcomer")
    with pytest.raises(PermissionRefused):
        role_grant(actor=moderator, user=target, role=Role.ELECTION_OPERATOR)
    assert not target.groups.exists()
    role_grant(actor=user_with(Role.ADMINISTRATOR), user=target, role=Role.ELECTION_OPERATOR)
    assert list(target.groups.values_list("name", flat=True)) == ["election_operator"]
    entry = AuditEntry.objects.get(action="accounts.role.grant")
    assert entry.target == f"user:{target.pk}" and entry.payload == {"role": "election_operator"}
