"""Every page of the demo on a 375 px phone screen (issue 15): the page never scrolls sideways (wide tables scroll in
their own container), numbers in tables are never broken over lines, and chart text (SVG or HTML) is at least 11 px;
and axe-core finds no serious or critical accessibility violation on any of them (kk, and ru signed out).

Pages are those a signed-out reader reaches from the home page by links, then those each demo account (one per role)
reaches (tests/web/crawl.py, with the test client); each is then opened in Chromium at 375 × 740.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.crawl import (
    MAX_PAGES,
    MAX_PAGES_SIGNED_IN,
    client_for,
    crawl,
    demo_build,
    desk_paths,
    identities,
)

pytestmark = [pytest.mark.e2e, pytest.mark.demo_crawl]

WIDTH = 375

MEASURE = """() => {
  const root = document.documentElement;
  const small = [...document.querySelectorAll('svg text')]
    .filter(t => t.getBoundingClientRect().height > 0)
    .filter(t => {  // the drawing's scale (rotated text included) times the font size
      const m = t.getScreenCTM() || {a: 1, b: 0};
      return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) < 10.5;
    }).length
    + [...document.querySelectorAll('.bar-chart *, .chart-scroll *, [class*="chart"] *, [class*="map"] *')]
    .filter(e => !(e instanceof SVGElement) && !e.closest('.visually-hidden') && e.getClientRects().length)
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .filter(e => parseFloat(getComputedStyle(e).fontSize) < 10.5).length;
  const wide = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => !e.closest('.table-scroll, .visually-hidden, .skip-link'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '').split(' ')[0]);
  const lines = (c) => {
    const range = document.createRange();
    range.selectNodeContents(c);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size;
  };
  const broken = [...document.querySelectorAll('td.num, th.num')]
    .filter(c => /^[\\s\\d.,%\u00a0\u202f−+-]+$/.test(c.textContent) && /\\d/.test(c.textContent) && lines(c) > 1)
    .length;
  return {scroll: root.scrollWidth, client: root.clientWidth, small, wide, broken};
}"""


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[list[str]]:
    """The demo built once; yields the pages to open (signed out first, then the ones each role adds, its desk
    pages first: tests/web/crawl.desk_paths)."""
    from django.conf import settings
    from django.core.management import call_command

    with django_db_blocker.unblock():
        demo_build()
        allowed = settings.ALLOWED_HOSTS
        settings.ALLOWED_HOSTS = ["*"]
        pages: dict[str, str | None] = {}
        for username in identities():
            limit = MAX_PAGES if username is None else MAX_PAGES_SIGNED_IN
            client = client_for("kk", username)
            for path, status, _html in crawl(client, max_pages=limit, desks=desk_paths(client, username)):
                if status == 200 and path not in pages:
                    pages[path] = username
        settings.ALLOWED_HOSTS = allowed
        yield [f"{who or '-'} {path}" for path, who in pages.items()]
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=False)
def test_no_page_scrolls_sideways_at_375_px(demo: list[str], browser: Any, live_server: Any) -> None:
    from django.contrib.auth.models import User

    from atazan.accounts.demo import DEMO_PASSWORD

    failures = []
    contexts: dict[str, Any] = {}
    for entry in demo:
        who, path = entry.split(" ", 1)
        if who not in contexts:
            context = browser.new_context(
                base_url=live_server.url, viewport={"width": WIDTH, "height": 740}, locale="kk-KZ", is_mobile=True
            )
            context.set_default_timeout(15_000)
            if who != "-":
                assert User.objects.filter(username=who).exists()
                login = context.new_page()
                login.goto("/accounts/login/")
                login.fill("input[name=username]", who)
                login.fill("input[name=password]", DEMO_PASSWORD)
                login.locator("form:has(input[name=password]) [type=submit]").first.click()
                login.wait_for_load_state()
                login.close()
            contexts[who] = context.new_page()
        page = contexts[who]
        page.goto(path)
        found = page.evaluate(MEASURE)
        problems = []
        if found["scroll"] > WIDTH:
            problems.append(f"scrollWidth {found['scroll']} > {WIDTH} ({', '.join(found['wide'])})")
        if found["small"]:
            problems.append(f"{found['small']} chart texts under 11 px")
        if found["broken"]:
            problems.append(f"{found['broken']} numbers broken over lines")
        if problems:
            failures.append(f"{who} {path}: {'; '.join(problems)}")
    for page in contexts.values():
        page.context.close()
    print(f"{len(demo)} pages opened at {WIDTH} px, {len(failures)} failing")
    assert not failures, f"{len(failures)} of {len(demo)} pages fail at {WIDTH} px:\n" + "\n".join(failures)


def _contexts(browser: Any, live_server: Any, language: str) -> Any:
    """(get, made): get(identity) gives a page of that identity's own browser context in ``language``, signed in on
    first use ("-" is signed out); made holds the pages to close."""
    from atazan.accounts.demo import DEMO_PASSWORD

    made: dict[str, Any] = {}

    def get(who: str) -> Any:
        if who not in made:
            context = browser.new_context(base_url=live_server.url, locale=language)
            context.add_cookies([{"name": "atazan_language", "value": language, "url": live_server.url}])
            context.set_default_timeout(30_000)
            page = context.new_page()
            if who != "-":
                page.goto("/accounts/login/")
                page.fill("input[name=username]", who)
                page.fill("input[name=password]", DEMO_PASSWORD)
                page.locator("form:has(input[name=password]) [type=submit]").first.click()
                page.wait_for_load_state()
            made[who] = page
        return made[who]

    return get, made


@pytest.mark.django_db(transaction=True, serialized_rollback=False)
def test_no_page_has_a_serious_accessibility_violation(demo: list[str], browser: Any, live_server: Any) -> None:
    """axe-core over every page: in Kazakh as each identity reaches it, and the signed-out pages in Russian."""
    from axe_playwright_python.sync_playwright import Axe
    from tests.e2e.test_accessibility import axe_problems

    axe = Axe()
    failures = []
    opened = 0
    for language in ("kk", "ru"):
        get, made = _contexts(browser, live_server, language)
        for entry in demo:
            who, path = entry.split(" ", 1)
            if language == "ru" and who != "-":
                continue
            page = get(who)
            page.goto(path)
            opened += 1
            failures += [f"{language} {who} {path}: {p}" for p in axe_problems(page, axe)]
        for page in made.values():
            page.context.close()
    print(f"axe: {opened} pages, {len(failures)} serious or critical violations")
    assert not failures, f"{len(failures)} violations on {opened} pages:\n" + "\n".join(failures)
