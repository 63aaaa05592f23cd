"""The one adapter of ``atazan.messages.domain``: a ``Msg`` in the reader's language.

The template is looked up first in the catalogue of the context that owns it (``atazan/<domain>/locale/<lang>/
LC_MESSAGES/django.mo``, read directly), so that a short msgid of one context is never answered by another catalogue
(Django merges every app's catalogue and the earlier app wins: "Summary" came back as the admin's «Краткая
статистика»); then in Django's merged catalogue; else the English template stays. A ``context`` is looked up with
``pgettext``. Values are formatted for the language: whole numbers of five digits or more grouped by thousands with a
no-break space in Kazakh and Russian (a comma in English), so that a number never breaks across lines; dates as the
language writes them (``atazan.messages.plain``, the part of this adapter that needs no Django, shared with the
console commands). A translation whose fields do not fit its template is never shown (English instead, never an
error page); ``tests/web/test_message_catalogues.py`` keeps that from happening.
"""

from __future__ import annotations

from django.utils import translation

from atazan.messages.domain import Msg, fields
from atazan.messages.plain import KAZAKH_MONTHS, NO_BREAK_SPACE, catalogue, date_text, number_text, value_text

__all__ = ["KAZAKH_MONTHS", "NO_BREAK_SPACE", "catalogue", "date_text", "language_of", "number_text", "render",
           "template_text"]  # fmt: skip


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


def _value(language: str) -> object:
    def write(value: object) -> object:
        return value_text(value, language)

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
