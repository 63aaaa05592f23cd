"""Point-in-time expressions of the 1995 Constitution: one per date, the amended wording in the body from its day."""

from __future__ import annotations

from datetime import date

import pytest

from atazan.texts.domain.model import NoteKind
from atazan.texts.domain.parser import WORK_1995, ParseError, load_official, parse_expression
from atazan.texts.domain.timeline import ExpressionDateError, expression_at, expression_dates

REVISION = date(2023, 1, 1)  # Adilet's revision held in data/constitution/1995
MAJILIS_8 = date(2023, 3, 19)  # elections of the Majilis of the eighth convocation (FACTS.md)


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_the_1995_text_yields_an_expression_for_the_revision_and_one_for_the_2022_wordings(lang: str) -> None:
    expr = load_official(1995, lang)
    assert expression_dates(expr) == (REVISION, MAJILIS_8)
    amended = [(n.provision, n.applies_from) for a in expr.articles() for n in a.notes if n.kind is NoteKind.AMENDMENT]
    assert amended == [("art_50__para_2", MAJILIS_8), ("art_50__para_3", MAJILIS_8), ("art_51__para_1", MAJILIS_8)]
    assert expression_dates(load_official(2026, lang)) == (date(2026, 7, 1),)


def test_the_body_has_the_wording_in_force_on_the_day_asked() -> None:
    expr = load_official(1995, "rus")
    on_revision = expression_at(expr, date(2023, 3, 18))
    assert on_revision.date == REVISION
    assert on_revision.article("50").paragraphs[2].text.startswith("Мажилис состоит из ста семи депутатов")
    later = expression_at(expr, date(2024, 1, 1))
    assert later.date == MAJILIS_8
    assert later.expression_uri == "/akn/kz/act/1995-08-30/constitution/rus@2023-03-19"
    assert (
        later.article("50").paragraphs[1].text.endswith("пять из которых – по предложению Ассамблеи народа Казахстана.")
    )
    assert later.article("50").paragraphs[2].text.startswith("Мажилис состоит из девяноста восьми депутатов")
    assert later.article("51").paragraphs[0].text.startswith("Избрание депутатов Мажилиса осуществляется")
    assert "Девять депутатов Мажилиса избираются Ассамблеей" not in later.article("51").full_text()
    # Nothing else changes.
    changed = [a.num for a, b in zip(expr.articles(), later.articles(), strict=True) if a != b]
    assert changed == ["50", "51"]


def test_a_day_before_the_text_held_is_refused() -> None:
    with pytest.raises(ExpressionDateError, match="no expression on or before 2022-12-31.*2023-01-01, 2023-03-19"):
        expression_at(load_official(1995, "kaz"), date(2022, 12, 31))


NOTE = "   > *Примечание. В соответствии с Законом Республики Казахстан от 08.06.2022 г., {when}, положения пункта 2 применяются в следующей редакции:*\n"  # noqa: E501
TEXT = """# Конституция

## Раздел I.

## Общие положения

### Статья 1

1. Первый пункт.

2. Второй пункт.

{note}
{wording}
"""
KNOWN = "начиная с выборов депутатов Мажилиса Парламента восьмого созыва"


def test_a_wording_announced_for_a_known_event_replaces_its_paragraph() -> None:
    text = TEXT.format(note=NOTE.format(when=KNOWN), wording="   2. Новый второй пункт.\n")
    expr = parse_expression(text, work=WORK_1995, language="rus")
    assert expr.article("1").paragraphs[1].text == "Второй пункт."
    assert expression_at(expr, MAJILIS_8).article("1").paragraphs[1].text == "Новый второй пункт."


@pytest.mark.parametrize(
    ("when", "wording", "rule", "line"),
    [
        ("начиная с выборов Президента", "   2. Новый второй пункт.\n", "amendment-date-unknown", 13),
        (KNOWN, "", "amendment-wording-missing", 7),
        (KNOWN, "   1. Новый первый пункт.\n", "amendment-wording-misplaced", 7),
    ],
)
def test_a_wording_that_cannot_be_dated_or_placed_is_refused(when: str, wording: str, rule: str, line: int) -> None:
    text = TEXT.format(note=NOTE.format(when=when), wording=wording)
    with pytest.raises(ParseError) as err:
        parse_expression(text, work=WORK_1995, language="rus")
    assert (err.value.rule, err.value.line) == (rule, line)
