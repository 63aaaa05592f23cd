"""A sentence in no language yet: the shared kernel every context's domain speaks with (no Django here).

The domain never returns a sentence a person reads. It returns a ``Msg``:

- ``template``: English, with ``{named}`` fields; it is the translation key (a gettext msgid in the owning context's
  ``locale/{kk,ru}``);
- ``params``: the values of the fields. A value is text (a registration number, a party's name: never translated),
  a whole number, a decimal figure (a percentage, ``Decimal("61.23")``) or a date (formatted for the reader's
  language by the adapter) or itself a ``Msg`` (a label, a citation), rendered in the same language;
- ``code``: stable, for programs, tests, the API and review queues (``""`` for a phrase that is part of a larger
  message: the refusal that carries it has the code);
- ``domain``: the context whose catalogue translates the template ("rules"); set by that context's ``Voice``;
- ``context``: a ``pgettext`` context for a short, ambiguous template ("Record" the noun, not the verb).

``Msg.render(translate)`` with no argument gives English; the adapter ``atazan.messages.render`` gives the active
language. ``tests/web/test_message_catalogues.py`` finds every template the sources can build (the callables listed in
``TEMPLATE_TAKERS`` and the tables given to ``declare``) and fails when one lacks a Kazakh or Russian translation with
the same fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

__all__ = [
    "TEMPLATE_TAKERS",
    "Msg",
    "Param",
    "Translate",
    "Voice",
    "_",
    "declare",
    "declared",
    "declared_context",
    "fields",
    "same",
    "shown",
    "takes_template",
]

Translate = Callable[[str], str]
Param = "str | int | Decimal | dt.date | Msg"


def same(text: str) -> str:
    """The English template as it is (no translation)."""
    return text


def plain(value: str | int | Decimal | dt.date) -> str:
    """A value as English shows it: whole numbers as they are, dates in ISO 8601."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence: an English ``template`` (the translation key), the values of its fields, a stable ``code``."""

    template: str
    params: tuple[tuple[str, str | int | Decimal | dt.date | Msg], ...] = ()
    code: str = ""
    domain: str = field(default="", compare=False)
    context: str = ""

    def fill(
        self, translate: Callable[[Msg], str], value: Callable[[str | int | Decimal | dt.date], str] = plain
    ) -> str:
        """The sentence with ``translate`` giving each template (this one and those of inner messages) and ``value``
        writing each other value."""
        values = {k: v.fill(translate, value) if isinstance(v, Msg) else value(v) for k, v in self.params}
        return translate(self).format_map(values)

    def render(self, translate: Translate = same) -> str:
        """The sentence with ``translate`` looking up each template; English with no argument."""
        return self.fill(lambda m: translate(m.template))

    def templates(self) -> Iterator[str]:
        """This message's template and those of the messages inside it."""
        yield self.template
        for _name, v in self.params:
            if isinstance(v, Msg):
                yield from v.templates()

    def messages(self) -> Iterator[Msg]:
        """This message and the messages inside it."""
        yield self
        for _name, v in self.params:
            if isinstance(v, Msg):
                yield from v.messages()

    def as_dict(self) -> dict[str, object]:
        """The stable form for JSON: the code and the values as text (inner messages in English)."""
        return {
            "code": self.code,
            "params": {k: v.render() if isinstance(v, Msg) else plain(v) for k, v in self.params},
        }

    def __str__(self) -> str:
        return self.render()


@functools.lru_cache(maxsize=1024)
def fields(template: str) -> frozenset[str]:
    """The named fields of a template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _value(v: str | int | Decimal | dt.date | Msg) -> str | int | Decimal | dt.date | Msg:
    if isinstance(v, bool):  # a flag is no figure
        return str(v)
    return v


def build(
    template: str,
    params: Mapping[str, str | int | Decimal | dt.date | Msg],
    *,
    code: str = "",
    domain: str = "",
    context: str = "",
) -> Msg:
    """A ``Msg``; the values must name exactly the template's fields."""
    if fields(template) != params.keys():
        raise ValueError(f"message fields {sorted(fields(template))} do not match {sorted(params)}: {template!r}")
    return Msg(template, tuple((k, _value(v)) for k, v in sorted(params.items())), code, domain, context)


class Voice:
    """How one context speaks: its messages carry its name, so that its own catalogue translates them.

    ``voice = Voice("rules")``; ``voice.msg(template, **values)`` for a phrase, ``voice.coded(code, template,
    **values)`` for a refusal with a stable code, ``voice.label(template, context=…)`` for a label without fields.
    """

    __slots__ = ("domain",)

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def msg(self, template: str, /, **params: str | int | Decimal | dt.date | Msg) -> Msg:
        return build(template, params, domain=self.domain)

    def coded(self, code: str, template: str, /, **params: str | int | Decimal | dt.date | Msg) -> Msg:
        return build(template, params, code=code, domain=self.domain)

    def label(self, template: str, /, *, context: str = "") -> Msg:
        return build(template, {}, domain=self.domain, context=context)


def _(text: str) -> str:
    """Marks a template for the catalogue (xgettext's default keyword); returns it unchanged."""
    return text


# The callables that take a template, and the position of the template among their positional arguments (None:
# the callable takes a code of a table given to ``declare``). The catalogue test reads the sources' calls to these.
TEMPLATE_TAKERS: dict[object, int | None] = {}


def takes_template(function: object, position: int | None) -> None:
    """Lists ``function`` (a context's own alias of ``msg``, say) as one that takes a template at ``position``."""
    TEMPLATE_TAKERS[function] = position


takes_template(_, 0)
takes_template(Msg, 0)
takes_template(Voice.msg, 0)
takes_template(Voice.coded, 1)
takes_template(Voice.label, 0)

TableT = TypeVar("TableT", bound=Mapping[str, str])
_DECLARED: dict[str, dict[str, str]] = {}
_CONTEXTS: dict[tuple[str, str], str] = {}


def declare(domain: str, table: TableT, *, context: str = "") -> TableT:
    """Registers ``table`` (code or key → English template) as templates of ``domain``, looked up with ``context``
    (a pgettext context, "" for none); returns it unchanged."""
    _DECLARED.setdefault(domain, {}).update(table)
    for key in table:
        _CONTEXTS[(domain, key)] = context
    return table


def declared() -> dict[str, dict[str, str]]:
    """Every table given to ``declare``, by domain (the modules that declare must have been imported)."""
    return {domain: dict(table) for domain, table in _DECLARED.items()}


def declared_context(domain: str, key: str) -> str:
    """The pgettext context ``key`` of ``domain``'s declared tables is looked up with ("" for none)."""
    return _CONTEXTS.get((domain, key), "")


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
