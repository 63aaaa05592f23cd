"""A parameter's value and the citation that opens its reference, in the reader's language (issue 15).

``domain.parameters.format_value`` writes a value in English words for the CLI and the API, which keep it stable;
the pages use ``value_render``: a majority through translatable templates (the share and the base each in the form
the language needs: Russian puts the share in the genitive after «не менее»/«более», Kazakh puts the base first), the
codes of offices and bodies through labels, yes/no through the catalogue. ``reference_render`` renders the citation a
reference starts with ("Constitution 2026, Art. 62(2)") with the shared citation templates.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from importlib.resources import files

import yaml
from django.utils.translation import get_language, pgettext

from atazan.messages.render import render
from atazan.rules.domain.majority import Majority, MajorityBase
from atazan.rules.domain.parameters import ParameterValueType, Protections, format_value
from atazan.rules.domain.procedures.steps_legislation import MATTER_LABELS
from atazan.web.templatetags.citations import citation

__all__ = ["code_label", "description_render", "majority_render", "reference_render", "value_render"]


def _shares_at_least() -> dict[Fraction, str]:
    return {
        Fraction(1, 2): pgettext("majority share, at least", "half"),
        Fraction(2, 3): pgettext("majority share, at least", "two thirds"),
        Fraction(3, 4): pgettext("majority share, at least", "three quarters"),
        Fraction(1, 5): pgettext("majority share, at least", "one fifth"),
        Fraction(1, 3): pgettext("majority share, at least", "one third"),
        Fraction(4, 5): pgettext("majority share, at least", "four fifths"),
    }


def _shares_more_than() -> dict[Fraction, str]:
    return {
        Fraction(1, 2): pgettext("majority share, more than", "half"),
        Fraction(2, 3): pgettext("majority share, more than", "two thirds"),
        Fraction(3, 4): pgettext("majority share, more than", "three quarters"),
        Fraction(1, 5): pgettext("majority share, more than", "one fifth"),
        Fraction(1, 3): pgettext("majority share, more than", "one third"),
        Fraction(4, 5): pgettext("majority share, more than", "four fifths"),
    }


def _bases() -> dict[tuple[MajorityBase, str], str]:
    return {
        (MajorityBase.ALL, "members"): pgettext("majority base", "of all members"),
        (MajorityBase.PRESENT, "members"): pgettext("majority base", "of those present"),
        (MajorityBase.ALL, "deputies"): pgettext("majority base", "of all deputies"),
        (MajorityBase.PRESENT, "deputies"): pgettext("majority base", "of the deputies present"),
        (MajorityBase.ALL, "voters"): pgettext("majority base", "of the citizens entitled to vote"),
        (MajorityBase.PRESENT, "voters"): pgettext("majority base", "of the citizens who took part in the vote"),
        (MajorityBase.ALL, "regions"): pgettext(
            "majority base", "of the oblasts, cities of republican significance and the capital"
        ),
        (MajorityBase.PRESENT, "regions"): pgettext("majority base", "of the regions that voted"),
    }


def majority_render(value: Majority, unit: str = "") -> str:
    """ "at least two thirds of all deputies" in the active language (Majority.describe's English otherwise)."""
    shares = _shares_more_than() if value.strict else _shares_at_least()
    bases = _bases()
    base = bases.get((value.of, unit), bases[value.of, "members"])
    if value.share not in shares:
        return value.describe(unit)
    template = (
        pgettext("majority", "more than {share} {base}")
        if value.strict
        else pgettext("majority", "at least {share} {base}")
    )
    return template.format(share=shares[value.share], base=base)


def _code_labels() -> dict[str, str]:
    return {
        "acting_president": pgettext("office", "acting President"),
        "audit_chamber_member": pgettext("office", "member of the Supreme Audit Chamber"),
        "constitutional_court_judge": pgettext("office", "judge of the Constitutional Court"),
        "deputies": pgettext("initiator", "deputies"),
        "deputy": pgettext("initiator", "a deputy"),
        "election_commission_member": pgettext("office", "member of the Central Election Commission"),
        "ethno_cultural": pgettext("initiator", "ethno-cultural associations"),
        "government": pgettext("body", "the Government"),
        "kurultai": pgettext("body", "the Kurultai"),
        "kurultai_chair": pgettext("office", "Chair of the Kurultai"),
        "majilis_chair": pgettext("office", "Chair of the Mazhilis"),
        "maslikhat_public_council": pgettext("body", "public councils of the maslikhats"),
        "ngo": pgettext("initiator", "non-governmental organisations"),
        "parliament": pgettext("body", "Parliament"),
        "peoples_council": pgettext("body", "the People's Council of Kazakhstan"),
        "president": pgettext("office", "the President"),
        "prime_minister": pgettext("office", "Prime Minister"),
        "senate_chair": pgettext("office", "Chair of the Senate"),
        "vice_president": pgettext("office", "Vice President"),
        "majilis": pgettext("body", "the Majilis"),
        "constitutional_court": pgettext("body", "the Constitutional Court"),
        "constitutional_council": pgettext("body", "the Constitutional Council"),
        # the values of text parameters: what each reading or form is called
        "bicameral": pgettext("parameter value", "two Chambers (the Senate and the Majilis)"),
        "unicameral": pgettext("parameter value", "one chamber (the Kurultai)"),
        "calendar": pgettext("parameter value", "the calendar year"),
        "rolling": pgettext("parameter value", "the twelve months before the question"),
        "designation": pgettext("parameter value", "from the day the priority is determined"),
        "election_day": pgettext("parameter value", "on election day"),
    }


def code_label(code: str) -> str:
    """An office's, body's or initiator's code as a label in the active language; an unknown code as given."""
    return _code_labels().get(code, code)


def value_render(value: ParameterValueType, unit: str = "") -> str:
    """A parameter's value in words in the active language (``format_value``'s English for what has no label)."""
    if isinstance(value, Majority):
        return majority_render(value, unit)
    if isinstance(value, bool):
        return pgettext("parameter value", "yes") if value else pgettext("parameter value", "no")
    if isinstance(value, Protections):
        return "; ".join(
            f"{citation('Art. ' + item.provision)} ({citation('Art. ' + item.clause)}: {_subject(item.subject)})"
            for item in value
        )
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return ", ".join(_item_render(str(item)) for item in value)
    if isinstance(value, str):
        return code_label(value)
    return format_value(value, unit)


def _item_render(item: str) -> str:
    """A list item: a code by its label; a constitutional law's matter ``code|article`` as its label and article."""
    code, _, article = item.partition("|")
    if article and code in MATTER_LABELS:
        return f"{render(MATTER_LABELS[code], domain='rules')} ({citation('Art. ' + article)})"
    return code_label(item)


def reference_render(text: str, *, name: str = "", start: object = None) -> str:
    """A parameter's reference in the active language: parameter ``name``'s value from ``start`` as
    ``data/parameter_references.yaml`` translates it, where ``{head}`` stands for the opening citation rendered with
    the shared citation templates; otherwise (English, or no translation) the reference whose opening citation
    ("Constitution 2026, Art. 62(2)", up to a colon) is rendered in the active language and the rest as written."""
    translated = _localized(_references().get(f"{name}@{start}", {}))
    if translated is not None:
        found = _REFERENCE_HEAD.match(text)
        return translated.replace("{head}", citation(found["head"])) if found else translated
    found = _REFERENCE_HEAD.match(text)
    if found is None:
        return text
    head = found["head"]
    shown = citation(head)
    return f"{shown}{text[len(head) :]}" if shown != head else text


# The citation a reference opens with, up to a colon, a parenthesis, a semicolon or " with"/" and".
_REFERENCE_HEAD = re.compile(r"^(?P<head>[^:;(]*?\bArt\.\s*\d+(?:\(\d+\))?)(?=$|[:;]| \(| with | and |, )")


@cache
def _descriptions() -> dict[str, dict[str, str]]:
    raw = yaml.safe_load(files("atazan.rules").joinpath("data/parameter_descriptions.yaml").read_text("utf-8"))
    return {str(k): {str(lang): str(text) for lang, text in v.items()} for k, v in raw.items()}


def _active() -> str:
    return (get_language() or "").split("-")[0]


def _localized(variants: dict[str, str]) -> str | None:
    """The active language's variant of a data entry ({en, kk, ru}); None for English or none given."""
    language = _active()
    return None if language in ("", "en") else variants.get(language)


@cache
def _reference_data() -> dict[str, dict[str, dict[str, str]]]:
    raw = yaml.safe_load(files("atazan.rules").joinpath("data/parameter_references.yaml").read_text("utf-8"))
    return {
        section: {
            str(k): {str(lang): str(text) for lang, text in v.items()} for k, v in (raw.get(section) or {}).items()
        }
        for section in ("references", "subjects")
    }


def _references() -> dict[str, dict[str, str]]:
    """``name@start`` → {kk, ru}: each dated value's reference."""
    return _reference_data()["references"]


def _subject(english: str) -> str:
    """What a never-amendable clause protects, in the active language (``subjects`` of the references file)."""
    return _localized(_reference_data()["subjects"].get(english, {})) or english


def description_render(name: str, english: str) -> str:
    """What parameter ``name`` is, in the active language (``data/parameter_descriptions.yaml``); ``english`` (the
    parameter's own description) for English or a parameter without a translation."""
    language = (get_language() or "").split("-")[0]
    return _descriptions().get(name, {}).get(language, english)
