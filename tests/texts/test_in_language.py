"""The texts pages in the reader's language (issue 15): the comparison's note on the official figure and its source
through the texts catalogue (the JSON and the CLI keep English); an English proposal quoted on an article page is
marked as English, and a Commission decision's summary is shown in the reader's language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from atazan.messages.render import render
from atazan.texts.comparison import comparison_get
from atazan.texts.domain.stats import OFFICIAL_DESCRIBED, OFFICIAL_FIGURE
from atazan.web.english_share import page_share


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_compare_page_shows_no_english(language: str) -> None:
    html = _client(language).get("/texts/compare/1995/2026/rus/").content.decode()
    share = page_share("compare", html)
    assert share.share <= 0.01, share.sample(20)
    assert "consolidated draft" not in html


def test_why_the_figures_differ_per_language_and_english_in_the_json() -> None:
    stats = comparison_get(1995, 2026, "rus").stats
    why = stats.why_figures_differ_msg()
    with translation.override("ru"):
        text = render(why)
        assert text.startswith("Официальная цифра «77 статей, около 84%»")
        assert f"77 из {stats.old_in_force} действующих статей" in text
        share = f"{round(77 * 100 / stats.old_in_force, 1)}"
        assert f"{share.replace('.', ',')}%" in text and f"{share}%" not in text  # a decimal comma in Russian
        assert render(OFFICIAL_DESCRIBED).startswith("сводный проект от 28 января 2026 года")
    with translation.override("kk"):
        assert f"қолданыстағы {stats.old_in_force} баптың 77-сі" in render(why)
    assert stats.as_json()["why_figures_differ"].startswith('The official "77 articles, about 84%"')
    assert f"{share}%" in stats.as_json()["why_figures_differ"]  # the JSON keeps the point
    assert str(OFFICIAL_FIGURE["described"]).startswith("the consolidated draft of 28 January 2026")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_english_proposal_on_an_article_page_is_marked_english(language: str) -> None:
    from atazan.consultation.models import Proposal
    from atazan.texts.services import official_text_import
    from tests.consultation.helpers import submit

    official_text_import(year=2026, language="rus")
    p = submit("Статья 53 должна гарантировать свободу собраний.", serial=1)
    Proposal.objects.filter(pk=p.pk).update(
        text="Article 53 should guarantee the freedom of assembly for everyone, without any permission.",
        language="en",
    )
    html = _client(language).get("/texts/2026/rus/art/53/").content.decode()
    assert '<span lang="en">Article 53 should guarantee' in html
    share = page_share("article", html)
    assert share.share <= 0.01 and "http" not in share.english  # the permanent link is marked translate="no"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_docx_download_speaks_the_readers_language(language: str) -> None:
    import io
    import re

    from docx import Document

    from atazan.web.english_share import english_words

    doc = Document(io.BytesIO(_client(language).get("/texts/compare/1995/2026/kaz/table.docx").content))
    header = [c.text for c in doc.tables[0].rows[0].cells]
    relations = {row.cells[0].text.split("\n", 1)[1] for row in doc.tables[0].rows[1:]}
    summary = re.sub(r"atazan texts compare", "", doc.paragraphs[1].text)
    words = " ".join([*header, *relations, summary]).split()
    assert not english_words(words), english_words(words)
    assert header[1] == ("1995 жылғы редакция" if language == "kk" else "Редакция 1995 года")
