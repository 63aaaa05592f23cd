"""A ``Msg`` in a given language without Django: what a console command prints (issue 15).

A command that reads a file and prints what the law makes of it (``atazan referendum tally``) never sets Django up, so
it cannot use ``atazan.messages.render``. This module is the part of that adapter that needs no Django, and the one
implementation both use: the owning context's compiled catalogue read with the ``gettext`` module, and values written
as the language writes them (whole numbers of five digits or more grouped with a no-break space in Kazakh and Russian,
a comma in English; a decimal comma in Kazakh and Russian; dates in words). ``render`` adds Django's merged catalogue
as a second place to look; here the context's own catalogue is the only one, then the English template.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as gettext_module
from decimal import Decimal
from pathlib import Path

from atazan.messages.domain import Msg, fields

__all__ = [
    "KAZAKH_MONTHS",
    "NO_BREAK_SPACE",
    "RUSSIAN_MONTHS",
    "catalogue",
    "date_text",
    "decimal_text",
    "number_text",
    "percent_text",
    "plain_render",
    "value_text",
]

PACKAGE_DIR = Path(__file__).resolve().parents[1]
NO_BREAK_SPACE = "\u00a0"


@functools.lru_cache(maxsize=64)
def catalogue(domain: str, language: str) -> gettext_module.NullTranslations:
    """The compiled catalogue of context ``domain`` in ``language`` (a null one where there is none)."""
    if not domain:
        return gettext_module.NullTranslations()
    mo = PACKAGE_DIR / domain / "locale" / language / "LC_MESSAGES" / "django.mo"
    if not mo.is_file():
        return gettext_module.NullTranslations()
    with mo.open("rb") as handle:
        return gettext_module.GNUTranslations(handle)


def number_text(value: int, language: str) -> str:
    """A whole number as ``language`` writes it: five digits or more grouped by three (no-break space in Kazakh and
    Russian, a comma in English); fewer digits as they are (a year, a line number: "2026", "950")."""
    if abs(value) < 10_000:
        return str(value)
    grouped = f"{value:,}"
    return grouped if language == "en" else grouped.replace(",", NO_BREAK_SPACE)


def decimal_text(value: Decimal, language: str) -> str:
    """A decimal figure as written ("61.23"), with a decimal comma in Kazakh and Russian ("61,23")."""
    text = str(value)
    return text if language == "en" else text.replace(".", ",")


def percent_text(share: float, language: str, digits: int = 2) -> str:
    """A share (0.6123) as a percentage: "61.23%" in English, "61,23 %" (no-break space) in Kazakh and Russian."""
    figure = decimal_text(Decimal(f"{share * 100:.{digits}f}"), language)
    return f"{figure}%" if language == "en" else f"{figure}{NO_BREAK_SPACE}%"


KAZAKH_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
                 "қараша", "желтоқсан")  # fmt: skip
RUSSIAN_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)  # fmt: skip  (the genitive: "15 марта")


def date_text(value: dt.date, language: str) -> str:
    """A date as ``language`` writes it in a sentence: ISO 8601 in English, "15 марта 2026 г." in Russian,
    "2026 жылғы 15 наурыз" in Kazakh."""
    if language == "kk":
        return f"{value.year} жылғы {value.day} {KAZAKH_MONTHS[value.month - 1]}"
    if language == "ru":
        return f"{value.day} {RUSSIAN_MONTHS[value.month - 1]} {value.year} г."
    return value.isoformat()


def value_text(value: object, language: str) -> object:
    """A field's value as ``language`` writes it (text as it is)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number_text(value, language)
    if isinstance(value, Decimal):
        return decimal_text(value, language)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return date_text(value, language)
    return value


def own_text(message: Msg, language: str, domain: str = "") -> str:
    """The template of ``message`` from its context's own catalogue, or the English template (also where the
    translation's fields differ from the template's)."""
    template = message.template
    if language == "en" or not template:
        return template
    own = catalogue(message.domain or domain, language)
    found = own.pgettext(message.context, template) if message.context else own.gettext(template)
    return found if fields(found) == fields(template) else template


def plain_render(message: Msg | str, language: str, *, domain: str = "") -> str:
    """``message`` in ``language`` ("kk", "ru" or "en") from the owning context's catalogue alone; text as it is."""
    if isinstance(message, str):
        return message
    try:
        return message.fill(lambda m: own_text(m, language, domain), lambda v: value_text(v, language))  # type: ignore[arg-type,return-value]
    except (KeyError, IndexError, ValueError):
        try:
            return message.render()
        except (KeyError, IndexError, ValueError):
            return message.template
