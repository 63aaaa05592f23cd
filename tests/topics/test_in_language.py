"""The topics pages in the reader's language (issue 15): the safeguard cases' titles and notes from the case files'
Kazakh and Russian variants, each finding's outcome and reason through the topics catalogue, its provision through the
shared citation templates, and the never-amendable marks' citations and tooltips; the CLI and the API keep English."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from django.test import Client
from django.utils import translation

from atazan.messages.render import render
from atazan.topics.domain.entrenchment import ENTRENCHED
from atazan.topics.worked import CASES_DIR, example_views, worked_examples
from atazan.web.english_share import english_words, page_share, page_words

CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


def _english(text: str) -> list[str]:
    return english_words(page_words(f"<p>{text}</p>"))


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_case_file_gives_its_title_and_note_in_kazakh_and_russian(path: Any) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name in ("title", "note"):
        if name not in raw:
            continue
        value = raw[name]
        assert isinstance(value, dict) and {"en", "kk", "ru"} <= value.keys(), (path.name, name)
        for language in ("kk", "ru"):
            assert not _english(value[language]), (path.name, name, language)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_worked_examples_read_without_english(language: str) -> None:
    topics = sorted({t for w in worked_examples() for t in w.case.topics})
    with translation.override(language):
        views = [v for t in topics for v in example_views(t)]
    assert views
    for v in views:
        text = " ".join([v.title, v.note, *(f"{f.outcome_label} {f.citation}: {f.reason}" for f in v.findings)])
        assert not _english(text), (v.key, _english(text))


def test_findings_cite_and_speak_per_language() -> None:
    with translation.override("en"):
        [violated] = [w for w in example_views("detention-rights") if w.key == "detention-violated-2026"]
        assert violated.findings[0].citation == "Constitution 2026, Art. 18(2)"
        assert violated.findings[0].outcome_label == "violated"
    with translation.override("ru"):
        [view] = [w for w in example_views("detention-rights") if w.key == "detention-violated-2026"]
        first = view.findings[0]
        assert first.citation == "п. 2 ст. 18 Конституции 2026 года"
        assert first.outcome_label == "нарушена"
        assert first.reason.startswith("удерживался 80 ч 00 мин без решения суда")
        assert view.title.startswith("Удерживался 80 часов")
    with translation.override("kk"):
        [view] = [w for w in example_views("detention-rights") if w.key == "detention-violated-2026"]
        assert view.findings[0].citation == "2026 жылғы Конституцияның 18-бабының 2-тармағы"
        burden = [f for w in example_views("presumption-of-innocence") for f in w.findings if "78" in f.citation]
        assert burden and burden[0].citation == "2026 жылғы Конституцияның 78-бабы 3-тармағының 3) тармақшасы"


def test_the_api_and_the_cli_keep_english() -> None:
    example = next(w for w in worked_examples() if w.case.key == "double-jeopardy-2026")
    finding = next(f for f in example.findings if f.guarantee.key == "double-jeopardy")
    assert finding.guarantee.ref == "Constitution 2026, Art. 19(3)"
    assert finding.reason.render() == (
        "criminal proceedings again for an act already the subject of a final administrative decision"
    )
    assert example.case.title == "Fined for an act, then prosecuted for the same act as a crime"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_never_amendable_tooltips_in_language(language: str) -> None:
    with translation.override(language):
        for e in ENTRENCHED:
            assert not _english(render(e.what)), e.what


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("key", ["detention-rights", "double-jeopardy", "unitary-state"])
def test_topic_pages_show_no_english(tagged: None, language: str, key: str) -> None:
    html = _client(language).get(f"/topics/{key}/").content.decode()
    share = page_share(key, html)
    assert share.share <= 0.01, share.sample(20)
    if key == "detention-rights":
        assert 'data-case="detention-violated-2026"' in html
    assert not re.search(r"Constitution \d{4}, Art\.", html)


@pytest.mark.django_db
def test_kazakh_search_finds_the_voiced_forms() -> None:
    """«құқық» finds the paragraphs that say only «құқығы» (қ voiced before the possessive), and «құқығы» those
    that say only «құқық» (texts.domain.stemming.term_forms)."""
    from atazan.topics.selectors import paragraphs_search

    plain = {v.eid: v.text for v in paragraphs_search(query="құқық", topic=None, year=2026, lang="kaz")}
    voiced = {v.eid: v.text for v in paragraphs_search(query="құқығы", topic=None, year=2026, lang="kaz")}
    assert plain.keys() == voiced.keys()
    assert any(re.search(r"\bқұқығ", t, re.I) and not re.search(r"\bқұқық", t, re.I) for t in plain.values())
    assert any(re.search(r"\bқұқық", t, re.I) and not re.search(r"\bқұқығ", t, re.I) for t in voiced.values())


def test_a_tag_reason_reads_in_the_readers_language_and_is_stored_in_english() -> None:
    from atazan.topics.domain.tagging import Suggestion, reason_messages
    from atazan.topics.templatetags.topics_messages import reason_say

    stored = "articles 2026: 18..19; pattern rus: обратн\\w* сил; " + Suggestion(2026, "x", "t", 412).reason
    assert stored.endswith("similar to the paragraphs tagged by rules (0.412)")
    assert all(not isinstance(m, str) for m in reason_messages(stored))
    with translation.override("ru"):
        assert reason_say(stored) == (
            "статьи 2026 года: 18..19; шаблон в русском тексте: обратн\\w* сил; "
            "похоже на абзацы, отмеченные правилами (0.412)"
        )
    with translation.override("kk"):
        assert not _english(reason_say(stored).replace("\\w", ""))
    assert reason_say("an editor's own note") == "an editor's own note"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_review_page_shows_reasons_without_english(tagged: None, editor: Any, language: str) -> None:
    client = _client(language)
    client.force_login(editor, backend="atazan.accounts.backends.ThrottledModelBackend")
    html = client.get("/topics/review/").content.decode()
    assert "similar to the paragraphs" not in html and "articles 20" not in html
    share = page_share("review", html)
    assert share.share <= 0.01, share.sample(20)
