"""Demo accounts, one per role, so every workflow can be tried. Passwords are for the local demo only."""

from __future__ import annotations

from rich.console import Console

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import roles_ensure, user_create

DEMO_PASSWORD = "atazan-demo"  # noqa: S105 - the demo runs on 127.0.0.1 only; printed for the person running it

DEMO_USERS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("citizen", "Demo Citizen", (Role.CITIZEN,)),
    ("moderator", "Demo Moderator", (Role.MODERATOR,)),
    ("secretary", "Demo Working-Group Secretary", (Role.WORKING_GROUP_SECRETARY,)),
    ("commissioner", "Demo Commission Member", (Role.COMMISSION_MEMBER,)),
    ("commission-secretary", "Demo Commission Secretary", (Role.COMMISSION_SECRETARY,)),
    ("operator", "Demo Election Operator", (Role.ELECTION_OPERATOR,)),
    ("clerk", "Demo Kurultai Clerk", (Role.KURULTAI_CLERK,)),
    ("admin", "Demo Administrator", (Role.ADMINISTRATOR,)),
)


def build(*, console: Console) -> None:
    roles_ensure()
    for username, name, roles in DEMO_USERS:
        user_create(username=username, password=DEMO_PASSWORD, roles=list(roles), full_name=name)
    console.print(f"  demo accounts: {', '.join(u for u, _, _ in DEMO_USERS)} (password: {DEMO_PASSWORD})")
