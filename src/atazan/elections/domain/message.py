"""A sentence the domain says without speaking a language: an English template with named fields and its values.

The template is the translation key (a gettext msgid); ``Msg.render`` takes a ``translate`` function (identity for
English; the adapter passes Django's ``gettext``). Values are already formatted and are never translated, so a
party's name stays as registered. Kept apart from ``explain`` so that ``errors`` can speak the same way.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["Msg", "Translate", "msg", "same"]

Translate = Callable[[str], str]


def same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence: ``template`` (English, ``{name}`` fields; the translation key) and the values of its fields.

    A value may itself be a ``Msg`` (rendered in the same language), e.g. a method's name inside "not the law: …".
    """

    template: str
    params: tuple[tuple[str, str | Msg], ...] = ()

    def render(self, translate: Translate = same) -> str:
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


def msg(template: str, **params: str | int | Msg) -> Msg:
    """A ``Msg``; whole numbers become text as they are (no grouping), so every language shows the same figure."""
    fields = _fields(template)
    if fields != params.keys():
        raise ValueError(f"message fields {sorted(fields)} do not match the values {sorted(params)}: {template!r}")
    return Msg(template, tuple((k, v if isinstance(v, Msg) else str(v)) for k, v in sorted(params.items())))
