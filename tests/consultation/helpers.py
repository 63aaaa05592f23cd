from __future__ import annotations

import datetime as dt

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.consultation import services
from atazan.consultation.domain.iin import Sex, iin_make

PASSWORD = "a-long-test-password-1"


def valid_iin(serial: int = 1) -> str:
    iin = None
    while iin is None:
        iin = iin_make(dt.date(1985, 4, 12), Sex.MALE, serial)
        serial += 1
    return iin


def citizen(username: str = "aidos"):
    return user_create(username=username, password=PASSWORD, roles=[Role.CITIZEN], full_name="Aidos Serikov")


def secretary(username: str = "sec"):
    return user_create(
        username=username, password=PASSWORD, roles=[Role.WORKING_GROUP_SECRETARY], full_name="Gulnara Secretary"
    )


def submit(text: str, *, author=None, serial: int = 1, region: str = "Astana", language: str = "ru"):
    return services.proposal_submit(
        author=author,
        applicant=services.Applicant(surname="Серiков", name="Айдос", iin=valid_iin(serial)),
        region=region,
        language=language,
        text=text,
    )
