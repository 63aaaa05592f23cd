from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

from atazan.accounts.domain.roles import Role


def roles_ensure() -> None:
    """Create one group per role; safe to run again."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)


@transaction.atomic
def user_create(*, username: str, password: str, roles: list[Role], full_name: str = "") -> User:
    """Create a user (or reset an existing one's password) holding exactly the given roles."""
    roles_ensure()
    first, _, last = full_name.partition(" ")
    user, _created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
    user.set_password(password)
    user.is_staff = Role.ADMINISTRATOR in roles
    user.is_superuser = Role.ADMINISTRATOR in roles
    user.save()
    user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return user


def user_has_role(user: User, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=role.value).exists()
