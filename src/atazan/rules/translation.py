"""Violations in the reader's language, each with the official sentence it rests on.

The domain (``domain/checks.py``) returns ``Violation`` with an English template and its fields (``text``, the shared
``atazan.messages`` kernel's ``Msg``); here the one adapter, ``atazan.messages.render``, looks the template up in the
context's catalogue (``locale/{kk,ru}/LC_MESSAGES/django.po``) for the language asked
for, and the quote is read from the official text (``quotes.py``). ``tests/rules/test_translation.py`` checks that
every template the checks can produce has a Kazakh and a Russian translation with the same fields.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from atazan.messages.render import render
from atazan.rules.domain.checks import Violation
from atazan.rules.domain.explain import Msg
from atazan.rules.domain.procedures.messages import Finding
from atazan.rules.quotes import provision_quote

DOMAIN = "rules"


def msg_render(message: Msg, language: str | None = None) -> str:
    """``message`` in ``language`` (the active one if None); English if a translation's fields do not fit."""
    return render(message, language, domain=DOMAIN)


def violation_render(violation: Violation, *, language: str | None = None, stored: bool = True) -> dict[str, Any]:
    """The JSON of a violation for a reader: ``rule``, ``article``, ``message`` (in ``language``; English for "en"),
    ``constitution``, and, where the official text has it, ``quote`` (the sentence), ``quote_language`` ("rus" or
    "kaz"), ``quote_provision`` and ``url`` (the article's page)."""
    language = language or translation.get_language() or "en"
    out: dict[str, Any] = {
        "rule": violation.rule,
        "article": violation.article,
        "message": violation.message if violation.text is None else msg_render(violation.text, language),
        "constitution": violation.constitution,
    }
    if violation.act:
        out["act"] = violation.act
        return out
    quote = provision_quote(
        constitution=violation.constitution,
        provision=violation.quote,
        reader_language=language,
        sentence=violation.quote_sentence,
        stored=stored,
    )
    if quote is not None:
        out.update(quote.as_dict())
    return out


def finding_render(finding: Finding, *, language: str | None = None, stored: bool = True) -> dict[str, Any]:
    """What a procedure refuses (``procedures.messages.Finding``) in the shape of a rendered violation: ``rule`` (its
    stable code), ``article``, ``constitution``, ``message`` ("Constitution 2026, Art. 62(3): …" in ``language``)
    and, for an article of a Constitution, the quoted provision and ``url``."""
    language = language or translation.get_language() or "en"
    citation = finding.citation
    full = Msg("{cite}: {text}", (("cite", citation.describe()), ("text", finding.message)))
    out: dict[str, Any] = {
        "rule": finding.code,
        "article": citation.article,
        "message": msg_render(full, language),
        "constitution": citation.constitution,
    }
    if citation.law:
        out["act"] = citation.law
        return out
    quote = provision_quote(
        constitution=citation.constitution, provision=citation.article, reader_language=language, stored=stored
    )
    if quote is not None:
        out.update(quote.as_dict())
    return out
