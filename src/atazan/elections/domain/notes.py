"""What the elections context records in words: the notes of mandate events, why a candidate is not eligible, the
record and the rule of a refused row (issue 15: one way to speak, ``atazan.messages``).

The records keep the English sentence, as they always did (a mandate event's ``note``, a rejected row's ``error``,
``record`` and ``rule``): it is what the audit log and the exports hold. Every such sentence is written from one of
the templates below (``note(code, **values)``), so a page can read it back as the ``Msg`` it was made from
(``understood``) and show it in the reader's language; a sentence written before a template existed, or by hand,
stays as it is.

``understood`` matches the whole text against every template (fields match any text, shortest first), and reads
each value again: a value that is itself a template (a ground's label, a reason, a citation) becomes that message,
anything else (a name, a date, a figure) stays text. Sentences joined by ``; ``, `` | `` or a space are read one by
one (``{first}; {rest}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from atazan.messages.domain import Msg, declare, takes_template

from .errors import ART_97_1
from .message import VOICE

__all__ = ["CITATIONS", "NOTES", "note", "understood"]

NOTES: dict[str, str] = {
    # mandate events (services.mandates_assign, services.mandate_terminate; domain.mandates.vacancy_fill)
    "mandate_ended": "{name}: {ground}.",
    "order_party": "Order set by the party's governing body (Art. 97-1(5), first paragraph).",
    "order_cec": "CEC order: Kazakh alphabetical order of the registered list (Art. 97-1(5), second paragraph).",
    "elected": "{order} 30% rule: {represented} of {seats} (needs {required}).",
    "order_shorter": "The party's order was shorter than its mandates; the rest follow the alphabetical order.",
    "quota_not_met": "30% rule not met: {represented} of {seats} mandates held by women, young people or people "
    "with disabilities; {required} needed ({ref}).",
    "unfilled": "{unfilled} mandates cannot be filled: the list has no more candidates ({ref}).",
    "list_short": "The list has fewer candidates than seats won.",
    "transferred": "{name}. {reason} 30% rule: {represented} of {mandates}.",
    "passed_over": "Passed over: {who}",
    "reason_nominee": "The party's governing body named the successor.",
    "reason_next": "The next candidate on the party's list who keeps the 30% rule.",
    "reason_next_short": "The next candidate on the party's list; no remaining candidate can keep the 30% rule.",
    "no_candidate_left": "No candidate is left on the party's list; the seat stays vacant until the next election.",
    "seat_not_passing": "The seat does not pass on: {ground}.",
    "named_reasons": "{name}: {reasons}",
    # eligibility (domain.candidates.candidate_eligibility, Constitution 2026, Art. 54(3))
    "not_citizen": "not a citizen of the Republic of Kazakhstan (Constitution 2026, Art. 54(3))",
    "too_young": "{age} years old on election day {day}; a deputy must be at least {minimum} (Constitution 2026, "
    "Art. 54(3))",
    "not_resident": "permanently resident in Kazakhstan since {since}; needs the last {years} years, i.e. since "
    "{needed} or earlier (Constitution 2026, Art. 54(3))",
    "not_resident_unknown": "permanently resident in Kazakhstan since unknown; needs the last {years} years, i.e. "
    "since {needed} or earlier (Constitution 2026, Art. 54(3))",
    # a refused row's record, and why it was refused (services: imports of lists, results and candidates)
    "row_record": "row {number} ({name})",
    "record_file": "file",
    "not_json": "not valid JSON (line {line}, column {column})",
    "not_rows": "expected an array of rows",
    "not_csv": "not readable as CSV",
    "no_column": "the header has no column {columns}",
    "no_rows": "the file has no rows",
    "whole_number": "{key} must be a whole number, got {value}",
    "at_least_one": "{key} must be 1 or more, got {value}",
    "party_missing": "party is missing",
    "party_twice": "the party appears twice in this file",
    "order_other": "registered with order {existing}, not {order}",
    "order_taken": "registration order {order} is taken",
    "color_format": "color must be #rrggbb, got {value}",
    "votes": "{votes} votes",
    "votes_took_part": "{votes} votes, {took_part} took part",
    "unknown_region": "unknown region {region}",
    "regions_above_national": "the regions would give {votes} votes, the national result is {national}",
    "key_name_required": "key and full_name are required",
    "dates_format": "dates must be YYYY-MM-DD",
    "gender_value": "gender must be female or male, got {value}",
    # sentences in a row
    "joined_semicolon": "{first}; {rest}",
    "joined_bar": "{first} | {rest}",
    "joined_space": "{first} {rest}",
}

# The citations a record holds as its rule or reference (the grounds' own are in domain.mandates).
CITATIONS: dict[str, str] = {
    "art_54_3": "Constitution 2026, Art. 54(3)",
    "art_97_1": ART_97_1,
    "art_97_1_5": f"{ART_97_1}(5)",
    "art_97_1_5_first": f"{ART_97_1}(5), first paragraph",
    "art_97_1_5_third": f"{ART_97_1}(5), third paragraph",
    "art_97_1_6": f"{ART_97_1}(6)",
    "art_97_1_6_second": f"{ART_97_1}(6), second paragraph",
}

_JOINERS = (("; ", "joined_semicolon"), (" | ", "joined_bar"), (" ", "joined_space"))
# Fields that hold a whole number; the others match any text.
_NUMBERS = frozenset(
    {"represented", "seats", "required", "mandates", "unfilled", "age", "minimum", "years", "number", "line", "column"}
)
_LONGEST = 2000  # a longer text is not read back (as it is)


def note(code: str, /, **values: str | int | Msg) -> Msg:
    """The note ``code`` of ``NOTES`` with its values; ``.render()`` is the English a record keeps."""
    return VOICE.coded(code, NOTES[code], **values)


takes_template(note, None)
declare("elections", NOTES)
declare("elections", CITATIONS)


def _labels() -> Iterable[str]:
    from .mandates import _LABELS, _REFS

    yield from _LABELS.values()
    yield from _REFS.values()
    yield from CITATIONS.values()


@cache
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    for code, template in NOTES.items():
        if code.startswith("joined_"):
            continue
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(
            re.escape(p) if i % 2 == 0 else f"(?P<{p}>\\d+)" if p in _NUMBERS else f"(?P<{p}>.+?)"
            for i, p in enumerate(parts)
        )
        out.append((code, template, re.compile(regex, re.DOTALL)))
    # the most specific first: the template with the most words of its own ("{name}: {ground}." matches nearly
    # anything, so it is tried last)
    return tuple(sorted(out, key=lambda found: -len(re.sub(r"\{\w+\}", "", found[1]))))


_WEAK = 3  # a template with at most this many characters of its own is tried after sentences in a row


def _match(text: str, *, weak: bool) -> Msg | None:
    for code, template, pattern in _patterns():
        own = len(re.sub(r"\{\w+\}", "", template))
        if "{" not in template or (own <= _WEAK) != weak:
            continue
        match = pattern.fullmatch(text)
        if match is not None:
            return VOICE.coded(code, template, **{k: _value(v) for k, v in match.groupdict().items()})
    return None


@cache
def _fixed() -> dict[str, str]:
    """Templates without fields: the text is the template."""
    return {t: t for t in _labels()} | {t: t for t in NOTES.values() if "{" not in t}


def _value(text: str) -> str | Msg:
    found = understood(text)
    return found if found is not None else text


@lru_cache(maxsize=4096)
def understood(text: str) -> Msg | None:
    """The message ``text`` was written from, or None when it is not one of the templates."""
    if not text or len(text) > _LONGEST:
        return None
    fixed = _fixed()
    if text in fixed:
        return VOICE.label(text)
    found = _match(text, weak=False)
    if found is not None:
        return found
    for joiner, code in _JOINERS:
        pieces = text.split(joiner)
        for cut in range(1, len(pieces)):
            if joiner == " " and not pieces[cut - 1].endswith("."):
                continue  # sentences, not words
            first = understood(joiner.join(pieces[:cut]))
            if first is None:
                continue
            rest = understood(joiner.join(pieces[cut:]))
            if rest is not None:
                return VOICE.coded(code, NOTES[code], first=first, rest=rest)
    return _match(text, weak=True)
