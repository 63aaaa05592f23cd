"""Demo accounts, one per role, so every workflow can be tried. Passwords are for the local demo only.

The demo citizen is verified with a synthetic IIN (the check digit is right; the number is made up) and holds the
same synthetic IIN at the local identity provider, so "Sign in with the local identity provider" finds the account.
"""

from __future__ import annotations

import datetime as dt
import os

from django.conf import settings
from rich.console import Console

from atazan.accounts.domain.iin import iin_complete, iin_parse
from atazan.accounts.domain.roles import Role
from atazan.accounts.models import LocalIdentity
from atazan.accounts.services import citizen_verify, roles_ensure, user_create

DEMO_PASSWORD = "atazan-demo"  # noqa: S105 - the demo runs on 127.0.0.1 only; printed for the person running it

# Display names in Cyrillic Kazakh, as a person in Kazakhstan would be named (made up; "демо" reads the same in
# Kazakh and Russian), so that a Kazakh or Russian page names its signed-in reader without English (issue 15).
DEMO_USERS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("citizen", "Айгерім Сейітова (демо)", (Role.CITIZEN,)),
    ("moderator", "Ержан Мұқанов (демо)", (Role.MODERATOR,)),
    ("secretary", "Динара Әлиева (демо)", (Role.WORKING_GROUP_SECRETARY,)),
    ("commissioner", "Нұрлан Беков (демо)", (Role.COMMISSION_MEMBER,)),
    ("commission-secretary", "Сәуле Қасымова (демо)", (Role.COMMISSION_SECRETARY,)),
    ("operator", "Марат Оспанов (демо)", (Role.ELECTION_OPERATOR,)),
    ("clerk", "Гүлнар Тоқтарова (демо)", (Role.KURULTAI_CLERK,)),
    ("admin", "Асқар Ахметов (демо)", (Role.ADMINISTRATOR,)),
)


# Where each demo account's work starts: its role's desk pages, by URL name. The language and phone checks
# (tests/web/crawl.py) start each account's crawl there as well as at the home page, so that every page a role can
# reach is measured, staff desks included. A name that needs an argument (a question's slug, a bill's or session's
# number) takes it from the links of its section's index page.
DEMO_DESKS: dict[str, tuple[str, ...]] = {
    "citizen": ("accounts:index", "consultation:activity", "consultation:submit"),
    "moderator": ("consultation:review", "commission:moderation", "topics:review", "accounts:index"),
    "secretary": ("consultation:review", "consultation:overdue", "consultation:activity", "accounts:index"),
    "commissioner": ("commission:session", "commission:drafts", "accounts:index"),
    "commission-secretary": ("commission:secretariat", "commission:moderation", "accounts:index"),
    "operator": ("referendum:operator", "referendum:review", "elections:operator", "accounts:index"),
    "clerk": ("legislature:bill_new", "legislature:bill_step", "accounts:index"),
    "admin": ("topics:review", "audit:index", "accounts:index"),
}


def synthetic_iin(birth: dt.date, *, female: bool = False, serial: int = 9900) -> str:
    """A made-up IIN with a correct check digit for a person born on ``birth`` (first serial from ``serial`` on
    that has a check digit). For demo data and tests only."""
    century_digit = {1800: 1, 1900: 3, 2000: 5}[birth.year // 100 * 100] + (1 if female else 0)
    for number in range(serial, serial + 100):
        iin = iin_complete(f"{birth:%y%m%d}{century_digit}{number:04d}")
        if iin is not None:
            return iin
    raise ValueError("no check digit in a hundred serials")  # cannot happen: at most a few serials lack one


def build(*, console: Console) -> None:
    roles_ensure()
    for username, name, roles in DEMO_USERS:
        # example.org is reserved for examples (RFC 2606): the demo's mail only ever lands in var/mail/.
        user_create(
            username=username,
            password=DEMO_PASSWORD,
            roles=list(roles),
            full_name=name,
            email=f"{username}@example.org",
        )
    from django.contrib.auth.models import User

    citizen = User.objects.get(username="citizen")
    iin = synthetic_iin(dt.date(1990, 3, 21))
    citizen_verify(user=citizen, iin=iin, birth_date=iin_parse(iin).birth_date, via="demo (synthetic IIN)")
    LocalIdentity.objects.update_or_create(user=citizen, defaults={"iin": iin, "birth_date": iin_parse(iin).birth_date})
    console.print(f"  demo accounts: {', '.join(u for u, _, _ in DEMO_USERS)} (password: {DEMO_PASSWORD})")
    if settings.ATAZAN_LOCAL_IDP:
        from atazan.accounts.local_idp import local_client_ensure

        base = os.environ.get("ATAZAN_LOCAL_IDP_URL", "http://127.0.0.1:8000").rstrip("/")
        local_client_ensure(redirect_uri=f"{base}/accounts/oidc/callback/")
        console.print("  local OpenID Connect provider: /accounts/local-idp/ (demo citizen holds a synthetic IIN)")
