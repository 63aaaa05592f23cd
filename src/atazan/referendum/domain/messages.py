"""The referendum's sentences about the register and a result's completeness, as templates with stable codes.

The domain returns the shared `Msg` (`atazan.messages.domain`): a stable `code` (for programs and tests), an English
`template` with named fields (the translation key, a gettext msgid in `referendum/locale/{kk,ru}`) and the values that
fill it. Values are figures and precinct numbers and are never translated (figures are written as the reader's
language writes them). `Msg.render()` gives English; the adapter (`atazan.referendum.translation`) renders with
`atazan.messages.render`. Every template is listed in `TEMPLATES` (declared to the shared registry), and
`tests/web/test_message_catalogues.py` fails when one lacks a Kazakh or Russian translation with the same fields.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Translate, Voice, declare, fields, takes_template

__all__ = ["TEMPLATES", "VOICE", "Msg", "Translate", "msg", "template_fields"]

VOICE = Voice("referendum")

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


def template_fields(template: str) -> frozenset[str]:
    return fields(template)


def msg(code: str, /, **params: str | int) -> Msg:
    """A `Msg` for `code`; the values must name exactly the fields of its template."""
    return VOICE.coded(code, TEMPLATES[code], **params)


takes_template(msg, None)  # takes a code of TEMPLATES
declare("referendum", TEMPLATES)
