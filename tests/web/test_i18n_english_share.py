"""No English on Kazakh or Russian pages (issue 15): the whole demo, crawled from the home page by links, signed out
and as each demo account (one per role), in kk and ru; no page may show more than 1% English words.

What counts as an English word (names, acronyms, formats and quotations marked ``lang="en"`` do not) is
``atazan.web.english_share``; the crawl is ``tests/web/crawl.py``. The demo is built once for this module (a few
minutes: every context's demo data) and removed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.crawl import demo_build, english_report, summary

from atazan.web.english_share import english_words, page_share, page_words

LIMIT = 0.01


def test_filter_counts_english_words_and_spares_names_codes_and_quotations() -> None:
    html = (
        '<p>Конституция 2026, Art. 92(2) — <span lang="en">quoted English</span> NIST CSV /api/docs atazan '
        "peoples_council first_reading</p><script>var english = 1;</script><code>not read</code>"
    )
    assert english_words(page_words(html)) == ["Art.", "peoples_council", "first_reading"]
    assert page_share("/", html).words == 8


def test_filter_reads_a_russian_page_as_russian() -> None:
    share = page_share("/", "<html lang='ru'><p>Курултай принимает законы; ст. 92 п. 2 Конституции 2026.</p></html>")
    assert share.english == ()
    assert share.words == 6


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    from django.core.management import call_command

    with django_db_blocker.unblock():
        demo_build()
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.demo_crawl
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_page_of_the_demo_shows_english(demo: None, language: str, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["*"]
    rows = english_report((language,))
    assert len({row[2].url for row in rows}) >= 30, "the crawl reached too few pages"
    over = [row for row in rows if row[2].share > LIMIT]
    assert not over, f"{len(over)} page views above {LIMIT:.0%} English:\n" + summary(rows, LIMIT)
