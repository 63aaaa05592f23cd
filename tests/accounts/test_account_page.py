"""The account page names the reader's roles and how the account was verified in the reader's language (issue 15):
no group code (working_group_secretary) and no stored value (demo (synthetic IIN)) reaches a Kazakh or Russian page."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console

from atazan.accounts import demo as accounts_demo
from atazan.accounts.domain.roles import Role
from atazan.web.english_share import page_share

pytestmark = pytest.mark.django_db
SAID = {
    "kk": {"secretary": "жұмыс тобының хатшысы", "citizen": "демо есептік жазба (ойдан құрастырылған ЖСН)"},
    "ru": {"secretary": "секретарь рабочей группы", "citizen": "демо-учётная запись (синтетический ИИН)"},
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_account_page_speaks_the_reader_s_language_for_every_role(client: Any, language: str) -> None:
    from django.contrib.auth.models import User

    accounts_demo.build(console=Console(quiet=True))
    client.cookies["atazan_language"] = language
    for username, _name, roles in accounts_demo.DEMO_USERS:
        client.force_login(User.objects.get(username=username))
        page = client.get("/accounts/").content.decode()
        share = page_share("/accounts/", page)
        assert share.english == (), (username, share.sample(8))
        assert not any(role.value in page for role in roles if role is not Role.MODERATOR), username
        if username in SAID[language]:
            assert SAID[language][username] in page
