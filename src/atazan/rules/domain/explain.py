"""Sentences of the rules context as templates with named fields, rendered by the adapter in the reader's language.

The template is English and is the translation key (a gettext msgid in ``rules/locale``); values are already
formatted and never translated, except a value that is itself a ``Msg`` (a label such as "the Government"), which is
rendered in the same language. ``Msg.render()`` with no argument gives English.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Msg:
    template: str
    params: tuple[tuple[str, str | Msg], ...] = ()

    def render(self, translate: Translate = _same) -> str:
        values = {k: v.render(translate) if isinstance(v, Msg) else v for k, v in self.params}
        return translate(self.template).format_map(values)

    def templates(self) -> Iterator[str]:
        """This message's template and those of the messages inside it."""
        yield self.template
        for _name, value in self.params:
            if isinstance(value, Msg):
                yield from value.templates()

    def __str__(self) -> str:
        return self.render()


def fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def msg(template: str, **params: str | int | Msg) -> Msg:
    """A ``Msg``; the values must name exactly the template's fields."""
    if fields(template) != params.keys():
        raise ValueError(f"message fields {sorted(fields(template))} do not match {sorted(params)}: {template!r}")
    return Msg(template, tuple((k, v if isinstance(v, Msg) else str(v)) for k, v in sorted(params.items())))


def joined(items: list[Msg]) -> Msg:
    """``a``, ``a and b``, ``a, b and c`` as one message."""
    if not items:
        raise ValueError("nothing to join")
    out = items[-1]
    if len(items) >= 2:
        out = msg("{first} and {second}", first=items[-2], second=items[-1])
    for item in reversed(items[:-2]):
        out = msg("{first}, {rest}", first=item, rest=out)
    return out


# Who acts, by the codes used in BILL.json and the parameters. An unknown code is shown as written, quoted.
LABELS: dict[str, str] = {
    "president": "the President",
    "acting_president": "a person who has assumed the President's powers",
    "deputy": "deputies",
    "government": "the Government",
    "peoples_council": "the People's Council",
    "kurultai": "the Kurultai",
    "parliament": "Parliament",
    "majilis": "the Majilis",
    "constitutional_court": "the Constitutional Court",
    "constitutional_council": "the Constitutional Council",
}


def label(code: str) -> Msg | str:
    """A known actor or body as a translatable label; anything else as the input wrote it, in quotes."""
    if code in LABELS:
        return Msg(LABELS[code])
    return f"«{code}»"


def labels(codes: tuple[str, ...]) -> Msg:
    return joined([Msg(LABELS[c]) if c in LABELS else Msg("«{code}»", (("code", c),)) for c in codes])
