"""The referendum's sentences about the register and a result's completeness, as templates with stable codes.

The domain returns a `Msg`: a stable `code` (for programs and tests), an English `template` with named fields (the
translation key, a gettext msgid in `referendum/locale/{kk,ru}`) and the values that fill it. Values are figures and
precinct numbers, already text, and are never translated. `Msg.render(translate)` gives the sentence; the adapter
(`atazan.referendum.translation`) passes Django's `gettext`. Every template is listed in `TEMPLATES`, and a test
fails when one lacks a Kazakh or Russian translation with the same fields.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


# code -> English template (the translation key)
TEMPLATES: dict[str, str] = {
    "unregistered_precinct": "precinct {precinct} is not on the precinct register; a protocol never creates a precinct",
    "exceeds_register": "the protocol states {registered} citizens entitled to take part; the register lists "
    "{listed} for precinct {precinct}",
    "register_unit": "precinct {precinct} is on the register in {listed}, not in {claimed}",
    "electorate_bound": "the protocols list {registered} citizens entitled to take part, more than {bound}, the "
    "most the Republic can have ({electorate} were entitled in 2026): not a plausible count",
    "register_duplicate": "line {line}: precinct {precinct} is listed twice on the register",
    "precinct_number": "the precinct number {precinct} is not a precinct number: at most {limit} letters, digits, "
    "'-', '_' or '.', starting with a letter or digit",
    "cells": "line {line}: {cells} cells, header has {width}",
    "control_character": "line {line}: a control or direction character in a cell (invisible, it would change how "
    "the record reads)",
    "empty_precinct": "line {line}: the precinct number is empty",
    "not_integer": "line {line}: {field} = {value} is not a whole number",
    "figure_out_of_range": "line {line}: {field} is {value}, above {limit}",
    "counted": "{reported} of {registered} precincts counted",
    "counted_no_register": "{reported} precincts counted (no register given)",
    "in_review": "{count} protocols wait in review",
    "provisional": "Provisional: the result is incomplete and may change",
    "complete": "Complete: every precinct of the register is counted and nothing waits in review",
}


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence: `code`, its English `template` and the values of the template's fields."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def template(self) -> str:
        return TEMPLATES[self.code]

    def render(self, translate: Translate = _same) -> str:
        return translate(self.template).format_map(dict(self.params))

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "params": dict(self.params)}

    def __str__(self) -> str:
        return self.render()


def template_fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def msg(code: str, **params: str | int) -> Msg:
    """A `Msg` for `code`; whole numbers become text as they are (no grouping), the same in every language."""
    fields = template_fields(TEMPLATES[code])
    if fields != params.keys():
        raise ValueError(f"message {code!r} has fields {sorted(fields)}, not {sorted(params)}")
    return Msg(code, tuple((k, str(v)) for k, v in sorted(params.items())))
