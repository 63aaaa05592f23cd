"""The signed-in crawl (tests/web/crawl.py) starts each demo role at its own desk pages as well as at the home page
(issue 15): the staff desks (moderation queues, the secretariat, the operator's desk, the clerk's forms) are measured
for English and opened at 375 px, not left beyond the crawl's page limit."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console
from tests.web.crawl import client_for, crawl, desk_paths

from atazan.accounts import demo as accounts_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["*"]
    accounts_demo.build(console=Console(quiet=True))


def test_every_demo_account_has_desks() -> None:
    assert {username for username, _, _ in accounts_demo.DEMO_USERS} == set(accounts_demo.DEMO_DESKS)


def test_each_role_starts_at_its_own_desk_and_may_open_it(accounts: None) -> None:
    from tests.referendum import factories

    question = factories.question()
    expected = {
        "citizen": ["/consultation/submit/", "/consultation/me/"],
        "moderator": ["/consultation/review/", "/commission/comments/moderate/", "/topics/review/"],
        "secretary": ["/consultation/review/", "/consultation/overdue/"],
        "commission-secretary": ["/commission/secretariat/", "/commission/comments/moderate/"],
        "operator": [f"/referendum/{question.slug}/operator/", f"/referendum/{question.slug}/review/"],
        "clerk": ["/legislature/staff/bills/new/"],
        "admin": ["/topics/review/", "/audit/"],
    }
    for username, pages in expected.items():
        client = client_for("kk", username)
        desks = desk_paths(client, username)
        assert set(pages) <= set(desks), (username, desks)
        for path in desks:
            assert client.get(path).status_code == 200, (username, path)
    assert desk_paths(client_for("kk", None), None) == ()


def test_the_crawl_reads_the_desks_before_the_home_page(accounts: None) -> None:
    client = client_for("ru", "commission-secretary")
    desks = desk_paths(client, "commission-secretary")
    read = [path for path, _status, _html in crawl(client, max_pages=len(desks) + 1, desks=desks)]
    assert read == [*desks, "/"]
