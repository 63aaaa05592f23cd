"""Rules every stored text keeps, whatever model it is in: pure Python, no Django (the guard is ``text_guard``).

- NUL (U+0000) is refused: PostgreSQL cannot store it and SQLite would, so the same input must fail the same way on
  both engines; in HTML or CSV it hides what follows from some readers.
- A text longer than its field's ``max_length`` is refused: PostgreSQL enforces ``varchar(n)``, SQLite does not.
- The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed: a "right-to-
  left override" makes a text display in an order other than its stored one (the "Trojan Source" trick), so a
  reader and a reviewer could see different words. Kazakh and Russian never need them; the implicit marks
  U+200E/U+200F, which cannot reorder text, are kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["BIDI_CONTROLS", "TEMPLATES", "TextProblem", "TextRule", "text_neutralise", "text_problem"]

NUL = "\x00"
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_BIDI_REMOVED = {ord(c): None for c in BIDI_CONTROLS}


def _(text: str) -> str:  # a marker for makemessages; the adapter translates
    return text


class TextRule(enum.StrEnum):
    NUL = "text-nul"
    TOO_LONG = "text-too-long"


# English templates (translation keys) with named fields; the model and the field are always named around them.
TEMPLATES = {
    TextRule.NUL: _("NUL bytes (U+0000) are not accepted in text"),
    TextRule.TOO_LONG: _("at most {limit} characters, got {length}"),
}
# A template naming the model, the field and the rule, for every refusal.
T_REFUSED = _("{model}, field {field}: {rule}")


@dataclass(frozen=True, slots=True)
class TextProblem:
    rule: TextRule
    params: tuple[tuple[str, str], ...] = ()

    def render(self, translate: object = None) -> str:
        """The rule in words; ``translate`` (a gettext) gives them in the reader's language."""
        template = TEMPLATES[self.rule]
        shown = translate(template) if callable(translate) else template
        return str(shown).format_map(dict(self.params))


def text_neutralise(value: str) -> str:
    """``value`` without bidirectional embedding, override and isolate controls."""
    if not any(c in value for c in BIDI_CONTROLS):
        return value
    return value.translate(_BIDI_REMOVED)


def text_problem(value: str, *, max_length: int | None) -> TextProblem | None:
    """The first rule ``value`` breaks as stored text (NUL, length), or None. Call after ``text_neutralise``."""
    if NUL in value:
        return TextProblem(TextRule.NUL)
    if max_length is not None and len(value) > max_length:
        return TextProblem(TextRule.TOO_LONG, (("length", str(len(value))), ("limit", str(max_length))))
    return None
