"""Facts about the official texts that a reader can check against the published Constitutions."""

from __future__ import annotations

from datetime import date

import pytest

from atazan.texts.domain.model import Expression, NoteKind
from atazan.texts.domain.parser import (
    WORK_1995,
    WORK_2026,
    ParseError,
    load_official,
    parse_expression,
)


@pytest.fixture(scope="module")
def texts() -> dict[tuple[int, str], Expression]:
    return {(y, lang): load_official(y, lang) for y in (1995, 2026) for lang in ("rus", "kaz")}


def _shape(e: Expression) -> list[object]:
    return [
        (
            s.eid,
            [
                (a.eid, a.repealed, [(p.eid, p.num, [sp.eid for sp in p.subparagraphs]) for p in a.paragraphs])
                for a in s.articles
            ],
        )
        for s in e.sections
    ]


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_2026_has_eleven_sections_and_96_articles(texts: dict[tuple[int, str], Expression], lang: str) -> None:
    e = texts[2026, lang]
    assert [s.num for s in e.sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    assert [a.num for a in e.articles()] == [str(n) for n in range(1, 97)]
    assert e.work_uri == WORK_2026 and e.date == date(2026, 7, 1)
    assert e.expression_uri == f"/akn/kz/act/2026-03-15/constitution/{lang}@2026-07-01"
    assert not any(a.repealed for a in e.articles())


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_1995_articles_run_1_to_99_with_inserted_articles(texts: dict[tuple[int, str], Expression], lang: str) -> None:
    e = texts[1995, lang]
    nums = [a.num for a in e.articles()]
    expected = [str(n) for n in range(1, 100)]
    for inserted, after in (("83-1", "83"), ("94-1", "94"), ("94-2", "94-1")):
        expected.insert(expected.index(after) + 1, inserted)
    assert nums == expected
    assert len(e.sections) == 9
    assert e.work_uri == WORK_1995 and e.date == date(2023, 1, 1)


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_1995_article_84_is_kept_as_repealed(texts: dict[tuple[int, str], Expression], lang: str) -> None:
    e = texts[1995, lang]
    art84 = e.article("84")
    assert art84.repealed and art84.paragraphs == ()
    assert art84.notes[0].kind is NoteKind.FOOTNOTE and "2007" in art84.notes[0].text
    # Art. 84 is the only article repealed whole; others lost single paragraphs ("Исключен …") and stay in force.
    assert [a.num for a in e.articles() if a.repealed] == ["84"]
    assert e.article("83-1").section_num == "VII"


@pytest.mark.parametrize("year", [1995, 2026])
def test_kazakh_and_russian_have_the_same_structure(texts: dict[tuple[int, str], Expression], year: int) -> None:
    assert _shape(texts[year, "rus"]) == _shape(texts[year, "kaz"])


@pytest.mark.parametrize("key", [(1995, "rus"), (1995, "kaz"), (2026, "rus"), (2026, "kaz")])
def test_notes_are_kept_out_of_the_normative_text(
    texts: dict[tuple[int, str], Expression], key: tuple[int, str]
) -> None:
    e = texts[key]
    for a in e.articles():
        text = a.full_text()
        for marker in ("Примечание.", "Сноска.", "Ескертпе.", "Ескерту.", "нормативтік қаулысына сәйкес"):
            assert marker not in text, (a.num, marker)
    assert sum(len(a.notes) for a in e.articles()) > 0


def test_1995_paragraphs_subparagraphs_and_notes() -> None:
    e = load_official(1995, "rus")
    art44 = e.article("44")
    # "Президент Республики Казахстан:" followed by subparagraphs 1)–21) and the inserted 10-1).
    assert len(art44.paragraphs) == 1 and art44.paragraphs[0].num == ""
    assert [s.num for s in art44.paragraphs[0].subparagraphs][9:11] == ["10)", "10-1)"]
    assert art44.paragraphs[0].subparagraphs[10].eid == "art_44__para_1__subpara_10-1"
    art2 = e.article("2")
    assert [p.num for p in art2.paragraphs] == ["1", "2", "3", "3-1", "4"]
    assert art2.paragraphs[3].eid == "art_2__para_3-1"
    # Art. 52(5): two lists, each with its own introduction, then closing sentences.
    p5 = e.article("52").paragraphs[4]
    assert [s.eid for s in p5.subparagraphs][2:4] == ["art_52__para_5__subpara_3", "art_52__para_5__list_2__subpara_1"]
    assert p5.subparagraphs[3].lead_in.startswith("Депутат Мажилиса Парламента лишается своего мандата")
    assert p5.wrap_up.startswith("Полномочия назначенных депутатов Сената")
    # The Court's interpretation of Art. 25(1) is a court note attached to that paragraph, not normative text.
    notes25 = e.article("25").notes
    assert any(n.kind is NoteKind.COURT_NOTE and n.provision == "art_25__para_1" and "41-НП" in n.text for n in notes25)
    # The future wording of Art. 50(2) printed under a note belongs to the note.
    assert any("Десять депутатов Сената" in n.text for n in e.article("50").notes)
    assert "Десять депутатов Сената" not in e.article("50").full_text()


def test_2026_preamble_and_entry_into_force_footnote() -> None:
    e = load_official(2026, "rus")
    assert e.preamble.startswith("Мы, единый народ Казахстана,")
    assert e.preamble.endswith("Основной Закон Республики Казахстан.")
    assert e.notes[0].kind is NoteKind.FOOTNOTE and "01.07.2026" in e.notes[0].text
    assert e.sections[3].heading == "Курултай"
    kaz = load_official(2026, "kaz")
    assert kaz.sections[0].num == "I"  # printed with a Cyrillic "І"
    assert kaz.article("1").paragraphs[0].text.startswith("Қазақстан Республикасы")


def test_1995_preamble_and_split_section_headings() -> None:
    e = load_official(1995, "kaz")
    assert e.preamble.splitlines()[0] == "Бiз, ортақ тарихи тағдыр бiрiктiрген"
    assert e.sections[0].heading == "ЖАЛПЫ ЕРЕЖЕЛЕР"
    rus = load_official(1995, "rus")
    assert [s.heading for s in rus.sections][:2] == ["Общие положения", "Человек и гражданин"]
    # "Части документа" (the repository's index of its parts) is not part of the Constitution.
    assert "Части" not in rus.preamble and "sec001" not in rus.preamble


MINIMAL = """# Конституция

Преамбула.

## Раздел I Основы

**Статья 1**

1. Первый пункт.

2. Второй пункт:

   1) подпункт;

   2) подпункт.
"""


def test_minimal_text_parses() -> None:
    e = parse_expression(MINIMAL, work=WORK_2026, language="rus")
    art = e.article("1")
    assert [p.eid for p in art.paragraphs] == ["art_1__para_1", "art_1__para_2"]
    assert [s.eid for s in art.paragraphs[1].subparagraphs] == ["art_1__para_2__subpara_1", "art_1__para_2__subpara_2"]


@pytest.mark.parametrize(
    ("text", "line", "rule"),
    [
        (MINIMAL.replace("## Раздел I Основы", "## Раздел II Основы"), 5, "section-order"),
        (MINIMAL + "\n**Статья 1**\n\nТекст.\n", 17, "article-duplicate"),
        (MINIMAL + "\n**Статья 3**\n\nТекст.\n\n**Статья 2**\n\nТекст.\n", 21, "article-order"),
        (MINIMAL.replace("**Статья 1**\n", "Висячий текст.\n\n**Статья 1**\n"), 7, "text-outside-article"),
        (MINIMAL.replace("2. Второй", "1. Второй"), 11, "paragraph-duplicate"),
        (MINIMAL + "\n**Статья 2**\n", 17, "article-empty"),
        (MINIMAL + "\n> цитата без пометки\n", 17, "quote-unknown"),
        (MINIMAL + "\n### Глава 1\n", 17, "heading-unknown"),
        ("---\nsource: x\n" + MINIMAL, 1, "front-matter-unclosed"),
        ("Преамбула.\n", 1, "text-before-title"),
        ("# Заголовок\n\nТекст.\n", 3, "sections-missing"),
    ],
)
def test_malformed_input_names_line_and_rule(text: str, line: int, rule: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_expression(text, work=WORK_2026, language="rus")
    assert (err.value.rule, err.value.line) == (rule, line)
    assert f"line {line}" in str(err.value)


def test_unknown_work_or_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown work"):
        parse_expression(MINIMAL, work="/akn/kz/act/2000-01-01/x", language="rus")
    with pytest.raises(ValueError, match="unknown language"):
        load_official(2026, "eng")


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_a_sentence_after_an_item_continues_it_when_the_numbering_goes_on(lang: str) -> None:
    # 2026 Art. 46: item 2) (the Vice President) is followed by the sentence on dissolving the Kurultai, then 3).
    items = load_official(2026, lang).article("46").paragraphs[0].subparagraphs
    assert [s.eid for s in items] == [f"art_46__para_1__subpara_{n}" for n in range(1, 23)]
    assert all(not s.lead_in for s in items)
    for n in (2, 4, 8):
        first, continuation = items[n - 1].text.split("\n")
        assert first and continuation.endswith(";") and "62" in continuation
    # A list that starts again from 1) is still a second list with its own introduction (1995 Art. 52(5)).
    p5 = load_official(1995, lang).article("52").paragraphs[4]
    assert p5.subparagraphs[3].eid == "art_52__para_5__list_2__subpara_1" and p5.subparagraphs[3].lead_in
