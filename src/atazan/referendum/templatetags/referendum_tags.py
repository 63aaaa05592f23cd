from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext

from atazan.referendum.countries import country_name
from atazan.standards import names

register = template.Library()


@register.filter
def num(value: Any) -> str:
    """An integer with thin-space thousands separators (12 482 613), the same in every interface language."""
    if value is None or value == "":
        return "—"
    try:
        return f"{int(value):,}".replace(",", "\u2009")
    except (TypeError, ValueError):
        return str(value)


@register.filter
def pair(first: Any, second: Any) -> list[Any]:
    return [first, second]


@register.filter
def rule_label(code: Any) -> str:
    """A protocol rule's name in the reader's language (the code itself stays in a data attribute)."""
    from atazan.referendum.domain.messages import rule_label as label
    from atazan.referendum.translation import msg_render

    found = label(str(code))
    return found if isinstance(found, str) else msg_render(found)


# Names the demo's model writes in English into the data (domain.synthetic: the protocols are signed as they are),
# shown in the reader's language (issue 15): "Model district 03 of East Kazakhstan Region", "Precinct 0042 (model)".
_MODEL_DISTRICT = re.compile(r"^Model district (?P<number>\d+) of (?P<unit>.+)$")
_MODEL_PRECINCT = re.compile(r"^Precinct (?P<number>\d+) \(model\)$")
_MODEL_MISSION = re.compile(r"^Mission in (?P<country>.+)$")
_MODEL_ADDRESS = " (model address)"


@register.filter
def district_name(value: Any) -> str:
    """A district's name in the reader's language: a model district is numbered within its region, whose name comes
    from the one multilingual source (standards.names); "Abroad" is the place; any other name as recorded."""
    name = str(value or "")
    language = get_language()
    if name == "Abroad":
        return names.region_name("abroad", language)
    found = _MODEL_DISTRICT.match(name)
    if found is None:
        return name
    region = names.region_name(found["unit"], language)
    return pgettext("referendum", "{region}, model district {number}").format(
        region=region, number=int(found["number"])
    )


@register.filter
def precinct_label(value: Any) -> str:
    """A precinct's label in the reader's language ("Precinct 0042 (model)" and "Mission in Germany" are the demo
    model's); others as recorded."""
    label = str(value or "")
    mission = _MODEL_MISSION.match(label)
    if mission is not None:
        # "Mission in Germany" (a precinct abroad): the country's name from the ISO 3166-1 catalogues (countries.py)
        from atazan.referendum.domain.messages import VOICE
        from atazan.referendum.translation import msg_render

        return msg_render(VOICE.msg("Mission in {country}", country=country_name(mission["country"], get_language())))
    found = _MODEL_PRECINCT.match(label)
    if found is None:
        return label
    return pgettext("referendum", "Precinct {number} (model)").format(number=found["number"])


@register.filter
def country(value: Any) -> str:
    """A country (recorded in English, or as an ISO code) in the reader's language (countries.py)."""
    return country_name(str(value or ""), get_language())


@register.filter
def protocol_author(value: Any) -> str:
    """Who entered a protocol version: the demo's loader ("demo") in the reader's language; a user name as it is
    (marked ``translate="no"``: a name, not a word)."""
    author = str(value or "")
    if author == "demo":
        return pgettext("referendum protocol author", "demo data")
    return format_html('<span translate="no">{}</span>', author)


@register.filter
def address_shown(value: Any) -> str:
    """A polling station's address without the model's English marker (the page shows a "model address" badge)."""
    address = str(value or "")
    return address.removesuffix(_MODEL_ADDRESS) if address != _MODEL_ADDRESS.strip() else ""


@register.filter
def signature_label(code: Any) -> str:
    """A protocol version's signature status (valid, invalid, unsigned) as a label in the reader's language."""
    from atazan.referendum.models import ProtocolVersion

    return str(dict(ProtocolVersion.Signature.choices).get(str(code), code))


_REASON_VS_MEDIAN = re.compile(r"^(?P<what>turnout|yes) (?P<value>[\d.]+%) vs unit median (?P<median>[\d.]+%)$")


@register.filter
def anomaly_reason(value: Any) -> str:
    """One reason forensics flags a precinct (domain.forensics.anomalous_precincts) in the reader's language."""
    reason = str(value or "")
    found = _REASON_VS_MEDIAN.match(reason)
    if found is not None:
        template_ = (
            pgettext("referendum forensics", "turnout {value} against the unit's median {median}")
            if found["what"] == "turnout"
            else pgettext("referendum forensics", "yes {value} against the unit's median {median}")
        )
        return template_.format(value=found["value"], median=found["median"])
    fixed = {
        "turnout 100%": pgettext("referendum forensics", "turnout 100%"),
        "yes 100%": pgettext("referendum forensics", "yes 100%"),
        "turnout and yes both integer percentages": pgettext(
            "referendum forensics", "turnout and yes both integer percentages"
        ),
    }
    return fixed.get(reason, reason)


@register.filter
def forensics_measure(value: Any) -> str:
    """A forensics measure ("turnout", "yes": domain.forensics) as the reader's language names it."""
    measure = str(value or "")
    names_ = {
        "turnout": pgettext("referendum forensics measure", "turnout"),
        "yes": pgettext("referendum forensics measure", "yes share"),
    }
    return names_.get(measure, measure)


@register.filter
def list_source(value: Any) -> str:
    """The source of a published voter list; the demo model's own (domain.synthetic) in the reader's language."""
    from atazan.referendum.domain.synthetic import MODEL_LIST_SOURCE

    source = str(value or "")
    if source == MODEL_LIST_SOURCE:
        return pgettext("referendum", "model (synthetic): list sizes derived from the model protocols")
    return source


_LAW_CITATION = re.compile(
    r"^(?P<law>Referendum Law|Constitutional Law on Elections), Art\. (?P<article>\d+)(?:\((?P<para>\d+)\))?"
    r"(?:, para\. (?P<part>\d+))?$"
)


def _law_name(law: str) -> str:
    if law == "Referendum Law":
        return pgettext("law name", "Constitutional Law on the Republican Referendum")
    return pgettext("law name", "Constitutional Law on Elections")


@register.filter
def legal_sources(value: Any) -> str:
    """Legal sources as the referendum's rules write them ("Constitution 2026, Art. 92(2); Referendum Law, Art.
    31(3), para. 2") in the reader's language: each citation through the shared citation templates (issue 15); a
    part it does not read stays as written."""
    from atazan.web.templatetags.citations import citation, citation_render

    out = []
    for part in str(value or "").split("; "):
        found = _LAW_CITATION.match(part)
        if found is None:
            out.append(citation(part))
            continue
        text = pgettext("law citation", "{law}, {article}").format(
            law=_law_name(found["law"]), article=citation_render(found["article"], found["para"])
        )
        if found["part"]:
            text = pgettext("law citation", "{citation}, part {part}").format(citation=text, part=found["part"])
        out.append(text)
    return "; ".join(out)
