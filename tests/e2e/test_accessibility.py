"""axe-core, the outside accessibility checker, run in Chromium over the main pages (issue 15): no serious or critical
violation, signed out in Kazakh and Russian and, in Kazakh, each role's desk pages.

The data is small on purpose: the elections demo (two elections with results), a referendum question with a protocol
from each of the 20 units, the 2026 Constitution in Kazakh and Russian, and the demo accounts. Every section's index
and a detail page of each kind are opened in Kazakh (those whose words differ most also in Russian) in one browser
page, then axe (the script shipped by the axe-playwright-python package) runs its WCAG 2.x A/AA and best-practice
rules on each. The every-page version over the whole demo is in test_phone_375.py (demo_crawl).
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}
SEVERE = ("serious", "critical")


def axe_problems(page: Any, axe: Any) -> list[str]:
    """The serious and critical violations axe finds on the open page, one line each (rule, count, first targets)."""
    found = axe.run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): "
        + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
        for v in found
        if v["impact"] in SEVERE
    ]


@pytest.fixture
def small_site() -> dict[str, str]:
    from rich.console import Console
    from tests.referendum import factories

    from atazan.accounts import demo as accounts_demo
    from atazan.elections import demo as elections_demo
    from atazan.referendum.domain.units import UNITS
    from atazan.texts.services import official_text_import

    quiet = Console(quiet=True)
    accounts_demo.build(console=quiet)
    elections_demo.build(console=quiet)
    official_text_import(year=2026, language="kaz")
    official_text_import(year=2026, language="rus")
    q = factories.question()
    factories.load(
        q, [factories.protocol(f"{u.code}-1", u.code, yes=500 if i < 14 else 300, no=100) for i, u in enumerate(UNITS)]
    )
    return {"referendum": q.slug}


def test_main_pages_have_no_serious_accessibility_violation(browser: Any, live_server: Any, small_site: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from tests.web.crawl import client_for, desk_paths

    from atazan.accounts.demo import DEMO_DESKS, DEMO_PASSWORD
    from atazan.elections.models import Election

    ref = small_site["referendum"]
    elections = list(Election.objects.order_by("slug").values_list("slug", flat=True))
    assert elections
    public = [
        "/",
        "/about/",
        "/texts/",
        "/texts/2026/kaz/",
        "/texts/2026/rus/art/50/",
        "/texts/search/?q=Курултая",
        "/topics/",
        "/topics/search/?q=Құрылтай",
        "/rules/",
        "/consultation/",
        "/consultation/dashboard/",
        "/commission/",
        "/legislature/",
        "/audit/",
        "/elections/",
        *(f"/elections/{slug}/" for slug in elections),
        f"/elections/{elections[0]}/regions/",
        f"/elections/{elections[0]}/lists/1/",
        f"/referendum/{ref}/",
        f"/referendum/{ref}/units/astana/",
        f"/referendum/{ref}/precincts/astana-1/",
        f"/referendum/{ref}/forensics/",
        f"/referendum/{ref}/stations/",
    ]
    # In Russian the pages whose words differ most (the same templates otherwise): keeps the test's time modest.
    public_ru = ["/", "/texts/search/?q=Курултая", "/consultation/dashboard/", f"/elections/{elections[-1]}/"]
    public_ru += [f"/referendum/{ref}/", f"/referendum/{ref}/units/astana/", "/rules/", "/audit/"]
    staff = [f"/referendum/{ref}/operator/", *(f"/elections/{slug}/operator/" for slug in elections)]
    # every role's desk pages (accounts.demo.DEMO_DESKS: the moderation queues, the secretariat, the clerk's forms…)
    rounds: list[tuple[str, str | None, list[str]]] = [("kk", None, public), ("ru", None, public_ru)]
    for who in DEMO_DESKS:
        desks = list(desk_paths(client_for("kk", who), who))
        rounds.append(("kk", who, [*(staff if who == "operator" else []), *(p for p in desks if p not in staff)]))
    axe = Axe()
    failures = []
    opened = 0
    for language, who, paths in rounds:
        context = browser.new_context(base_url=live_server.url, locale=language)
        context.add_cookies([{"name": "atazan_language", "value": language, "url": live_server.url}])
        context.set_default_timeout(30_000)
        page = context.new_page()
        if who:
            page.goto("/accounts/login/")
            page.fill("input[name=username]", who)
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.locator("form:has(input[name=password]) [type=submit]").first.click()
            page.wait_for_load_state()
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, f"{path}: {response and response.status}"
            opened += 1
            failures += [f"{language} {who or '-'} {path}: {p}" for p in axe_problems(page, axe)]
        context.close()
    print(f"axe: {opened} pages, {len(failures)} serious or critical violations")
    assert not failures, "\n".join(failures)
