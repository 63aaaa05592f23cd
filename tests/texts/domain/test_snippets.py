"""Search snippets (texts.domain.snippets): a short passage around the first match, word forms marked."""

from __future__ import annotations

from atazan.texts.domain.snippets import ELLIPSIS, SNIPPET_WORDS, mark, snippet
from atazan.texts.domain.stemming import term_stem

LONG = " ".join(f"слово{n}" for n in range(60))


def test_a_long_paragraph_gives_about_thirty_words_around_the_first_match() -> None:
    text = LONG.replace("слово25", "Курултая", 1)
    parts = snippet(text, [term_stem("Курултай", "rus")])
    joined = "".join(p.text for p in parts)
    assert len(joined.split()) <= SNIPPET_WORDS + 2  # two ellipses
    assert joined.startswith(ELLIPSIS) and joined.endswith(ELLIPSIS)
    assert [p.text for p in parts if p.hit] == ["Курултая"]
    # a third of the passage comes before the match
    assert joined.split().index("Курултая") == 1 + SNIPPET_WORDS // 3


def test_a_match_at_the_start_or_end_has_one_ellipsis() -> None:
    start = snippet("Құрылтайда " + LONG, [term_stem("Құрылтай", "kaz")])
    assert start[0].hit and start[0].text == "Құрылтайда" and start[-1].text.endswith(ELLIPSIS)
    end = snippet(LONG + " Курултаю.", [term_stem("Курултай", "rus")])
    assert end[0].text.startswith(ELLIPSIS) and end[-1].text == "."
    assert [p.text for p in end if p.hit] == ["Курултаю"]


def test_a_short_paragraph_is_kept_whole_and_every_form_is_marked() -> None:
    text = "Курултай принимает законы; Курултаю подотчётно, решения Курултая."
    parts = snippet(text, [term_stem("Курултая", "rus")])
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if p.hit] == ["Курултай", "Курултаю", "Курултая"]


def test_no_match_gives_the_beginning() -> None:
    parts = snippet(LONG, ["нет"])
    assert not any(p.hit for p in parts)
    assert "".join(p.text for p in parts).startswith("слово0 ") and parts[-1].text == " " + ELLIPSIS


def test_mark_keeps_the_text_and_marks_only_word_starts() -> None:
    text = "President and presidential; vice-president; RESIDENT"
    parts = mark(text, ["president"])
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if p.hit] == ["President", "presidential", "president"]
