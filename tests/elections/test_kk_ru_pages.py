"""The elections pages speak Kazakh and Russian (issue 15): mandate-event notes, why a candidate's row was refused
and the citations are read back as the messages they were written from (domain.notes); the timeline has a data
table."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.utils import translation
from rich.console import Console

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.elections import demo
from atazan.elections.domain import candidates as dcand
from atazan.elections.domain.mandates import EndGround, vacancy_fill
from atazan.elections.domain.message import VOICE
from atazan.elections.domain.notes import note, understood
from atazan.elections.translation import said_render
from atazan.web.english_share import english_words, page_share

LATIN = re.compile(r"[A-Za-z]{2,}")


def _candidate(key: str, born: date, *, since: date | None = date(2000, 1, 1)) -> dcand.Candidate:
    return dcand.Candidate(key, f"Кандидат {key}", born, dcand.Gender.MALE, resident_since=since)


def _recorded() -> list[str]:
    """English texts the elections context records: eligibility reasons, vacancy reasons, notes, citations."""
    day = date(2026, 8, 30)
    young = dcand.candidate_eligibility(_candidate("a", date(2003, 1, 1), since=date(2021, 1, 1)), day)
    unknown = dcand.candidate_eligibility(_candidate("b", date(1980, 1, 1), since=None), day)
    outcome = vacancy_fill(
        ground=EndGround.RESIGNATION,
        sitting=[],
        remaining=[_candidate("c", date(2003, 1, 1)), _candidate("d", date(1970, 1, 1))],
        party_mandates=3,
        on_day=day,
    )
    vacant = vacancy_fill(ground=EndGround.DEATH, sitting=[], remaining=[], party_mandates=3, on_day=day)
    transferred = note("transferred", name="Кандидат d", reason=outcome.reason, represented="1", mandates="3")
    passed = note("passed_over", who=" | ".join(outcome.passed_over))
    return [
        "; ".join(young.reasons),
        *unknown.reasons,
        f"{transferred.render()} {passed.render()}",
        vacant.reason,
        note("mandate_ended", name="Кандидат e", ground=VOICE.label(EndGround.LEFT_PARTY.label)).render(),
        note("elected", order=note("order_cec"), represented="6", seats="18", required="6").render(),
        "row 182 (Жас Үміткер)",
        note("party_twice").render(),  # a refused row of an import
        note("votes_took_part", votes="5", took_part="3").render(),
        note("order_taken", order="4").render(),
        outcome.ref,
        vacant.ref,
        EndGround.LEFT_PARTY.ref,
    ]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_recorded_text_reads_back_in_the_readers_language(language: str) -> None:
    for text in _recorded():
        found = understood(text)
        assert found is not None and found.render() == text, text  # the English record is what it was
        with translation.override(language):
            shown = said_render(text)
        assert not english_words(LATIN.findall(shown)), (text, shown)


def test_a_text_of_no_template_stays_as_it_is() -> None:
    assert understood("typed by an operator") is None
    assert said_render("typed by an operator") == "typed by an operator"


@pytest.fixture
def demo_data() -> None:
    demo.build(console=Console(quiet=True))


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


@pytest.mark.django_db
def test_the_simulated_election_page_and_its_operator_page_have_no_english(demo_data: None) -> None:
    user = user_create(username="operator", password="atazan-demo-long", roles=[Role.ELECTION_OPERATOR])
    for language in ("kk", "ru"):  # one demo for both languages
        _pages_in(language, user)


def _pages_in(language: str, user: object) -> None:
    path = "/elections/majilis-2023/"
    html = _client(language).get(path).content.decode()
    assert "<code>atazan elections seats majilis-2023</code>" in html  # a command in its source note, not words
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)

    path = "/elections/kurultai-2026-simulated/"
    html = _client(language).get(path).content.decode()
    assert 'data-testid="timeline-table"' in html and "resignation" not in html
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)

    operator = _client(language)
    operator.force_login(user)
    path = "/elections/kurultai-2026-simulated/operator/"
    html = operator.get(path).content.decode()
    assert 'data-testid="rejected-rows"' in html and "years old on election day" not in html
    share = page_share(path, html)
    assert share.share <= 0.01, share.sample(10)
