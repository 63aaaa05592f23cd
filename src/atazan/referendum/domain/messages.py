"""The referendum's sentences about the register and a result's completeness, as templates with stable codes.

The domain returns the shared `Msg` (`atazan.messages.domain`): a stable `code` (for programs and tests), an English
`template` with named fields (the translation key, a gettext msgid in `referendum/locale/{kk,ru}`) and the values that
fill it. Values are figures and precinct numbers and are never translated (figures are written as the reader's
language writes them). `Msg.render()` gives English; the adapter (`atazan.referendum.translation`) renders with
`atazan.messages.render`. Every template is listed in `TEMPLATES` (declared to the shared registry), and
`tests/web/test_message_catalogues.py` fails when one lacks a Kazakh or Russian translation with the same fields.
"""

from __future__ import annotations

from decimal import Decimal

from atazan.messages.domain import Msg, Translate, Voice, declare, fields, takes_template

__all__ = [
    "CodedFileError",
    "FIGURES",
    "RULE_LABELS",
    "TEMPLATES",
    "VOICE",
    "Msg",
    "Translate",
    "figure",
    "msg",
    "rule_label",
    "template_fields",
]

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
    # A protocol's control relations (domain.protocol.protocol_violations): what is wrong and what to do next.
    "balance": "citizens who took part ({took_part}) must equal the votes for ({yes}), the votes against ({no}), the "
    "invalid ballots ({invalid}) and the valid ballots not counted ({not_counted}), which add up to {counted}. Check "
    "these five figures against the signed protocol and correct the one entered wrongly.",
    "took_part_exceeds_registered": "citizens who took part ({took_part}) are more than the citizens entitled to take "
    "part ({registered}). Check both figures against the signed protocol.",
    "took_part_exceeds_issued": "citizens who took part ({took_part}) are more than the ballots issued ({issued}): "
    "every voter receives a ballot. Check both figures against the signed protocol.",
    "issued_exceeds_received": "ballots issued ({issued}) are more than the ballots the commission received "
    "({received}). Check both figures against the signed protocol.",
    "ballot_account": "ballots received ({received}) must equal the ballots issued ({issued}) and the ballots unused "
    "or spoiled ({unused}), which add up to {total}. Check these three figures against the signed protocol.",
    "negative": "{field} is negative ({value}): a protocol counts citizens and ballots. Enter the figure the signed "
    "protocol states.",
    "figure_too_large": "{field} is {value}, more than {limit}, more than there are people in the Republic: a typing "
    "or export error. Enter the figure the signed protocol states.",
    "precinct_missing": "the precinct number is empty: enter the number of the precinct commission that signed the "
    "protocol.",
    "field_empty": "line {line}: {field} is empty; fill it in from the signed protocol",
    "field_not_integer": "line {line}: {field} = {value} is not a whole number; write the figure in digits only",
    "field_negative": "line {line}: {field} is negative ({value}); write the figure the signed protocol states",
    # A row or a file refused while reading or importing protocols (domain.protocol_io, domain.tally, services).
    "unknown_unit_line": "line {line}: unknown unit {unit}: not one of the 20 regions and cities (Constitution "
    "2026, Art. 92(3))",
    "unknown_unit": "unknown unit {unit}: not one of the 20 regions and cities (Constitution 2026, Art. 92(3))",
    "unit_moved": "precinct {precinct} is counted in another region or city than {unit}",
    "item_not_object": "item {item} is not an object with a protocol's fields",
    "figure_digits": "line {line}: {field} has {digits} digits, more than any count of citizens or ballots",
    "duplicate_in_file": "the same file holds a different protocol for this precinct",
    "differs_from_accepted": "differs from the accepted protocol; file a correction with a reason instead",
    "duplicate_accepted": "a different protocol for this precinct was already accepted; a correction must be filed "
    "as a new version with a reason",
    "signature_not_commission": "the signature is not that of commission {commission} over this protocol",
    "file_nul": "line {line}: a NUL byte, so not a text file",
    "file_not_csv": "line {line}: not a CSV file (a quote or a line the CSV format does not allow)",
    "file_empty": "the file is empty: expected a header {header}",
    "file_header": "header lacks column(s) {columns}; expected {header}",
    "file_json_deep": "not a protocols file: JSON nested too deeply",
    "file_json_number": "not a protocols file: a number in the JSON has too many digits",
    "file_not_json": "not JSON: line {line}, column {column} cannot be read",
    "file_json_shape": "expected a JSON array of protocols or an object with a 'protocols' array",
    "file_too_large": "the file is larger than {limit} MiB",
    "file_no_protocols": "the file holds no protocols, only a header: nothing to import or count",
    "counted": "{reported} of {registered} precincts counted",
    "counted_no_register": "{reported} precincts counted (no register given)",
    "in_review": "{count} protocols wait in review",
    "provisional": "Provisional: the result is incomplete and may change",
    "complete": "Complete: every precinct of the register is counted and nothing waits in review",
    # The adoption rule applied (domain.adoption.AdoptionOutcome.explanation_msgs); {source} is the rule's citation.
    "turnout_valid": "Turnout {turnout}% — more than half of those entitled took part: the referendum is valid "
    "({source}).",
    "turnout_not_valid": "Turnout {turnout}% — not more than half of those entitled took part: the referendum is not "
    "valid ({source}).",
    "turnout_valid_provisional": "Turnout {turnout}% — more than half of those entitled took part: the referendum is "
    "valid on the protocols counted so far (provisional) ({source}).",
    "turnout_not_valid_provisional": "Turnout {turnout}% — not more than half of those entitled took part: the "
    "referendum is not valid on the protocols counted so far (provisional) ({source}).",
    "yes_majority": "Yes {yes_share}% of those who took part — more than half ({source}).",
    "no_yes_majority": "Yes {yes_share}% of those who took part — not more than half ({source}).",
    "units_majority": "More than half said yes in {with_majority} of {units} units; {required} required ({source}).",
    "adopted": "Adopted.",
    "not_adopted": "Not adopted.",
    "adopted_provisional": "PROVISIONAL: adopted on the protocols counted so far; the result is incomplete.",
    "not_adopted_provisional": "PROVISIONAL: not adopted on the protocols counted so far; the result is incomplete.",
}


# The figures of a protocol, as a sentence names them (the fields of domain.protocol.Protocol).
FIGURES: dict[str, str] = {
    "registered": "citizens entitled to take part",
    "took_part": "citizens who took part",
    "yes": "votes for",
    "no": "votes against",
    "invalid": "invalid ballots",
    "not_counted": "valid ballots not counted",
    "ballots_received": "ballots received",
    "ballots_issued": "ballots issued",
    "ballots_unused": "ballots unused or spoiled",
}


# Every rule of domain.protocol.ProtocolRule as a page names it (the code stays a machine attribute).
RULE_LABELS: dict[str, str] = {
    "malformed_row": "row not readable",
    "empty_precinct": "no precinct number",
    "missing_field": "figure missing",
    "not_integer": "not a whole number",
    "negative": "negative figure",
    "unknown_unit": "unknown region or city",
    "balance": "votes do not add up",
    "took_part_exceeds_registered": "more took part than were entitled",
    "took_part_exceeds_issued": "more took part than ballots were issued",
    "issued_exceeds_received": "more ballots issued than received",
    "ballot_account": "ballots do not add up",
    "conflicting_duplicate": "two different protocols for one precinct",
    "bad_signature": "signature not valid",
    "precinct_number": "precinct number not valid",
    "figure_out_of_range": "figure too large",
    "unregistered_precinct": "precinct not on the register",
    "exceeds_register": "more entitled than the register lists",
    "register_unit": "precinct in another unit on the register",
    "register_duplicate": "precinct listed twice on the register",
    "electorate_bound": "implausible number of entitled citizens",
}


def rule_label(code: str) -> Msg | str:
    """A rule's name as a label in the reader's language; an unknown code as given."""
    return VOICE.label(RULE_LABELS[code]) if code in RULE_LABELS else code


def figure(name: str) -> Msg | str:
    """A protocol figure's name as a label in the reader's language; an unknown name as given."""
    return VOICE.label(FIGURES[name]) if name in FIGURES else name


class CodedFileError(ValueError):
    """A file that cannot be read as a whole: ``msg`` says why, with a stable ``code`` (``TEMPLATES``), shown in the
    reader's language; ``str()`` is the English (the CLI's)."""

    def __init__(self, message: Msg | str) -> None:
        super().__init__(str(message))
        self.msg: Msg | None = message if isinstance(message, Msg) else None

    @property
    def code(self) -> str:
        return self.msg.code if self.msg is not None else ""


def template_fields(template: str) -> frozenset[str]:
    return fields(template)


def msg(code: str, /, **params: str | int | Decimal | Msg) -> Msg:
    """A `Msg` for `code`; the values must name exactly the fields of its template."""
    return VOICE.coded(code, TEMPLATES[code], **params)


takes_template(msg, None)  # takes a code of TEMPLATES
declare("referendum", TEMPLATES)
declare("referendum", {f"figure:{k}": v for k, v in FIGURES.items()})
declare("referendum", {f"rule:{k}": v for k, v in RULE_LABELS.items()})
