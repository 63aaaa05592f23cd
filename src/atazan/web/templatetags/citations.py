"""Law citations in the reader's language, as ``domain/GLOSSARY.md`` writes them (issue 15).

Never "Art." glued to a number in a template: Kazakh puts the number first ("53-бап", "92-баптың 2-тармағы",
"2026 жылғы Конституцияның 92-бабының 2-тармағы"), Russian names the paragraph before the article ("п. 2 ст. 92
Конституции 2026 года"). Each form is one translatable template with named fields.

    {% load citations %}
    {% cite 92 2 year=2026 %}          → Constitution 2026, Art. 92(2) / п. 2 ст. 92 Конституции 2026 года / …
    {% cite article %}                 → Art. 53 / ст. 53 / 53-бап
    {{ "Constitution 2026, Art. 92(2)"|citation }}   reads an English citation and renders it
"""

from __future__ import annotations

import re

from django import template
from django.utils.translation import pgettext

register = template.Library()

__all__ = ["citation", "citation_render", "cite"]


def _p(text: str) -> str:  # a marker for makemessages (context "law citation")
    return text


# (has year, has paragraph, has sub-paragraph) → English template (msgid, context "law citation").
TEMPLATES: dict[tuple[bool, bool, bool], str] = {
    (False, False, False): _p("Art. {article}"),
    (False, True, False): _p("Art. {article}({para})"),
    (False, False, True): _p("Art. {article}, sub-para. {sub})"),
    (False, True, True): _p("Art. {article}({para}), sub-para. {sub})"),
    (True, False, False): _p("Constitution {year}, Art. {article}"),
    (True, True, False): _p("Constitution {year}, Art. {article}({para})"),
    (True, False, True): _p("Constitution {year}, Art. {article}, sub-para. {sub})"),
    (True, True, True): _p("Constitution {year}, Art. {article}({para}), sub-para. {sub})"),
}
CONTEXT = "law citation"

_ENGLISH = re.compile(
    r"^\s*(?:Constitution\s+(?P<year>\d{4}),?\s*)?Art(?:icle)?\.?\s*(?P<article>\d+(?:-\d+)?)"
    r"(?:\((?P<para>\d+(?:-\d+)?)\))?(?:,?\s*sub-para(?:graph)?\.?\s*(?P<sub>\d+)\)?)?\s*$"
)


def citation_render(article: object, para: object = None, sub: object = None, year: object = None) -> str:
    """One citation in the active language; empty parts are left out."""
    fields = {"article": article, "para": para, "sub": sub, "year": year}
    key = (year not in (None, ""), para not in (None, ""), sub not in (None, ""))
    return pgettext(CONTEXT, TEMPLATES[key]).format(**{k: v for k, v in fields.items() if v not in (None, "")})


@register.simple_tag
def cite(article: object, para: object = None, sub: object = None, year: object = None) -> str:
    return citation_render(article, para, sub, year)


@register.filter
def citation(value: object, year: object = None) -> str:
    """An English citation ("Constitution 2026, Art. 92(2)", "Art. 53", "Preamble") in the reader's language, of the
    Constitution of ``year`` when given; anything else is returned as it is."""
    text = str(value)
    if text.strip() == "Preamble":
        preamble = pgettext(CONTEXT, "Preamble")
        return pgettext(CONTEXT, "Constitution {year}, {part}").format(year=year, part=preamble) if year else preamble
    match = _ENGLISH.match(text)
    if match is None:
        return text
    return citation_render(match["article"], match["para"], match["sub"], match["year"] or year)
