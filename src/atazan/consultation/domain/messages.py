"""Sentences the consultation's domain says, in no language yet: a stable code and an English template.

The domain never returns a sentence a person reads (STYLE.md, "One way to speak"). A refusal carries a ``Msg``: a
stable ``code`` (for tests, the API and the review queue), an English ``template`` with ``{named}`` fields — the
template is the gettext msgid in ``consultation/locale/{kk,ru}`` — and the values that fill it. The adapter
(``atazan.consultation.translation``) renders it in the reader's language. A value may itself be a ``Msg`` (a field's
name, say), rendered in the same language; other values (a row number, a registration number) are never translated.
"""

from __future__ import annotations

import functools
import string
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["Msg", "msg", "shown"]

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Msg:
    code: str
    template: str
    params: tuple[tuple[str, str | Msg], ...] = ()

    def render(self, translate: Translate = _same) -> str:
        values = {k: v.render(translate) if isinstance(v, Msg) else v for k, v in self.params}
        return translate(self.template).format_map(values)

    def templates(self) -> Iterator[str]:
        """This message's template and those of the messages inside it."""
        yield self.template
        for _name, v in self.params:
            if isinstance(v, Msg):
                yield from v.templates()

    def __str__(self) -> str:
        return self.render()


@functools.lru_cache(maxsize=256)
def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def msg(code: str, template: str, **params: str | int | Msg) -> Msg:
    """A ``Msg``; whole numbers become text as they are, so every language shows the same figure."""
    if _fields(template) != params.keys():
        raise ValueError(f"message fields {sorted(_fields(template))} do not match {sorted(params)}: {template!r}")
    return Msg(code, template, tuple((k, v if isinstance(v, Msg) else str(v)) for k, v in sorted(params.items())))


SHOWN_MAX = 40


def shown(value: str, limit: int = SHOWN_MAX) -> str:
    """A value as it may be quoted in a message: control and format characters written as ``U+XXXX``, cut to
    ``limit`` characters with an ellipsis. A refusal never repeats 100,000 characters or an invisible character."""
    out = []
    for ch in value[: limit + 1]:
        out.append(f"U+{ord(ch):04X}" if _invisible(ch) else ch)
    text = "".join(out)
    return text if len(value) <= limit else text[:limit] + "…"


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
