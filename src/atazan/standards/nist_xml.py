"""NIST SP 1500-100 v2 as XML: the JSON form of a report (`atazan.standards.nist`) written as the XSD lays it out.

The XSD decides the order of elements: it is read once (lxml) into, per complex type, its attributes, its child
elements in sequence order (a base type's first, as `xsd:extension` requires) and whether it has simple content.
Mapping from the JSON form (the two official schemas describe one model):
- `@type` "ElectionResults.X": where X is not the element's declared type (a `GpUnit` that is a `ReportingUnit`, a
  `Contest` that is a `BallotMeasureContest`), `xsi:type="X"`;
- `@id` is the `ObjectId` attribute; other attributes (`Label`, `Language`, `Annotation`) by their name;
- `Content` is the text of a simple-content type (`LanguageString`, `AnnotatedString`, `AnnotatedUri`);
- an array is the element repeated, except an `xsd:IDREFS`, which is one element with the ids space-separated;
- booleans are `true`/`false`, numbers as written.
A property the type does not have is refused (`ValueError`), so nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree

from .nist import PREFIX, XSD

NS = "http://itl.nist.gov/ns/voting/1500-100/v2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XS = "{http://www.w3.org/2001/XMLSchema}"


@dataclass(frozen=True, slots=True)
class _Child:
    name: str
    type: str  # a complex type's name, or "xsd:…"/a simple type's name
    repeated: bool


@dataclass(frozen=True, slots=True)
class _Type:
    attributes: tuple[str, ...]
    children: tuple[_Child, ...]
    simple_content: bool


@cache
def _types() -> dict[str, _Type]:
    root = etree.parse(str(XSD)).getroot()
    raw: dict[str, tuple[str | None, list[str], list[_Child], bool]] = {}
    for ct in root.iter(f"{_XS}complexType"):
        name = ct.get("name")
        if name is None:
            continue
        ext = ct.find(f"{_XS}complexContent/{_XS}extension")
        simple = ct.find(f"{_XS}simpleContent") is not None
        base = ext.get("base") if ext is not None else None
        attrs = [a.get("name", "") for a in ct.iter(f"{_XS}attribute")]
        children = [
            _Child(e.get("name", ""), e.get("type", ""), e.get("maxOccurs", "1") != "1")
            for e in ct.iter(f"{_XS}element")
        ]
        raw[name] = (base, attrs, children, simple)

    def resolve(name: str) -> _Type:
        base, attrs, children, simple = raw[name]
        if base is None:
            return _Type(tuple(attrs), tuple(children), simple)
        parent = resolve(base)
        return _Type(parent.attributes + tuple(attrs), parent.children + tuple(children), simple)

    return {name: resolve(name) for name in raw}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(parent: etree._Element | None, tag: str, data: dict[str, Any], declared: str) -> etree._Element:
    types = _types()
    actual = str(data.get("@type", PREFIX + declared)).removeprefix(PREFIX)
    spec = types.get(actual)
    if spec is None:
        raise ValueError(f"{tag}: unknown NIST class {actual!r}")
    qname = f"{{{NS}}}{tag}"
    el = etree.Element(qname, nsmap={None: NS, "xsi": XSI}) if parent is None else etree.SubElement(parent, qname)
    if actual != declared:
        el.set(f"{{{XSI}}}type", actual)
    known = {"@type", "@id", *spec.attributes, *(c.name for c in spec.children)}
    if spec.simple_content:
        known.add("Content")
        el.text = _text(data.get("Content", ""))
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"{tag} ({actual}) has no {', '.join(unknown)} in NIST SP 1500-100 v2")
    for attr in spec.attributes:
        key = "@id" if attr == "ObjectId" else attr
        if key in data:
            el.set(attr, _text(data[key]))
    for child in spec.children:
        value = data.get(child.name)
        if value is None:
            continue
        if child.type == "xsd:IDREFS":
            etree.SubElement(el, f"{{{NS}}}{child.name}").text = " ".join(value)
            continue
        for item in value if child.repeated else [value]:
            if child.type in types:
                _element(el, child.name, item, child.type)
            else:
                etree.SubElement(el, f"{{{NS}}}{child.name}").text = _text(item)
    return el


def report_xml(report: dict[str, Any]) -> bytes:
    """The ElectionReport (JSON form) as an XML document (UTF-8, with declaration)."""
    root = _element(None, "ElectionReport", report, "ElectionReport")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
