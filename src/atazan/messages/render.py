"""The one adapter of ``atazan.messages.domain``: a ``Msg`` in the reader's language.

The template is looked up first in the catalogue of the context that owns it (``atazan/<domain>/locale/<lang>/
LC_MESSAGES/django.mo``, read directly), so that a short msgid of one context is never answered by another catalogue
(Django merges every app's catalogue and the earlier app wins: "Summary" came back as the admin's «Краткая
статистика»); then in Django's merged catalogue; else the English template stays. A ``context`` is looked up with
``pgettext``. Values are formatted for the language: whole numbers of five digits or more grouped by thousands with a
no-break space in Kazakh and Russian (a comma in English), so that a number never breaks across lines; dates as the
language writes them. A translation whose fields do not fit its template is never shown (English instead, never an
error page); ``tests/web/test_message_catalogues.py`` keeps that from happening.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as gettext_module
from pathlib import Path

from django.utils import formats, translation

from atazan.messages.domain import Msg, fields

__all__ = ["catalogue", "date_text", "language_of", "number_text", "render", "template_text"]

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


def language_of(language: str | None = None) -> str:
    """``language`` or the active one, as its base code ("ru" for "ru-RU"); English when none is active."""
    return (language or translation.get_language() or "en").split("-")[0].lower()


def template_text(message: Msg, language: str, domain: str = "") -> str:
    """The template of ``message`` (not its inner messages) in ``language``: the owning context's catalogue, then
    Django's merged one, then the English template. A translation with other fields than the template is refused."""
    template = message.template
    if language == "en" or not template:
        return template
    own = catalogue(message.domain or domain, language)
    found = own.pgettext(message.context, template) if message.context else own.gettext(template)
    if found == template:
        with translation.override(language):
            found = (
                translation.pgettext(message.context, template) if message.context else translation.gettext(template)
            )
    if found != template and fields(found) != fields(template):
        return template
    return found


def number_text(value: int, language: str) -> str:
    """A whole number as ``language`` writes it: five digits or more grouped by three (no-break space in Kazakh and
    Russian, a comma in English); fewer digits as they are (a year, a line number: "2026", "950")."""
    if abs(value) < 10_000:
        return str(value)
    grouped = f"{value:,}"
    return grouped if language == "en" else grouped.replace(",", NO_BREAK_SPACE)


KAZAKH_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
                 "қараша", "желтоқсан")  # fmt: skip


def date_text(value: dt.date, language: str) -> str:
    """A date as ``language`` writes it in a sentence: ISO 8601 in English, "15 марта 2026 г." in Russian,
    "2026 жылғы 15 наурыз" in Kazakh (Django's Kazakh format puts the month first, as English does)."""
    if language == "en":
        return value.isoformat()
    if language == "kk":
        return f"{value.year} жылғы {value.day} {KAZAKH_MONTHS[value.month - 1]}"
    with translation.override(language):
        return str(formats.date_format(value, "DATE_FORMAT"))


def _value(language: str) -> object:
    def write(value: str | int | dt.date) -> str:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return number_text(value, language)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return date_text(value, language)
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ", timespec="minutes")
        return value

    return write


def render(message: Msg | str, language: str | None = None, *, domain: str = "") -> str:
    """``message`` in ``language`` (the active one if None); text is returned as it is. ``domain`` is the catalogue
    for messages that do not name their own (a ``Msg`` built directly by a context's domain)."""
    if isinstance(message, str):
        return message
    lang = language_of(language)
    write = _value(lang)

    def translate(m: Msg) -> str:
        return template_text(m, lang, domain)

    try:
        return message.fill(translate, write)  # type: ignore[arg-type]
    except (KeyError, IndexError, ValueError):
        try:
            return message.render()
        except (KeyError, IndexError, ValueError):  # values that do not fit the template itself: as written
            return message.template
