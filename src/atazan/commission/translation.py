"""The Commission's one adapter for its domain's messages: a ``Msg`` (or a refusal) in the reader's language."""

from __future__ import annotations

from atazan.messages.render import render

from .domain.errors import CommissionError
from .domain.messages import Msg

__all__ = ["refusal_text", "said"]


def said(value: Msg | str | None, language: str | None = None) -> str:
    """A message in ``language`` (the active one if None); text as it is ("" for None)."""
    if value is None:
        return ""
    return render(value, language, domain="commission")


def refusal_text(error: Exception, language: str | None = None) -> str:
    """A refused action as the reader reads it: a ``CommissionError`` in their language, any other refusal (the
    accounts context's PermissionRefused) as it speaks."""
    if isinstance(error, CommissionError):
        return said(error.msg, language)
    return str(error)
