from __future__ import annotations

import datetime as dt

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.consultation import services
from atazan.consultation.domain.synthetic import synthetic_iin

PASSWORD = "a-long-test-password-1"


def valid_iin(serial: int = 1) -> str:
    return synthetic_iin(dt.date(1985, 4, 12), female=False, serial=serial)


def citizen(username: str = "aidos"):
    return user_create(username=username, password=PASSWORD, roles=[Role.CITIZEN], full_name="Aidos Serikov")


def secretary(username: str = "sec"):
    return user_create(
        username=username, password=PASSWORD, roles=[Role.WORKING_GROUP_SECRETARY], full_name="Gulnara Secretary"
    )


def moderator(username: str = "mod"):
    return user_create(username=username, password=PASSWORD, roles=[Role.MODERATOR], full_name="Marat Moderator")


def submit(text: str, *, author=None, serial: int = 1, region: str = "Astana", language: str = "ru"):
    return services.proposal_submit(
        author=author,
        applicant=services.Applicant(surname="Серiков", name="Айдос", iin=valid_iin(serial)),
        region=region,
        language=language,
        text=text,
    )
