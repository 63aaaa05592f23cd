"""Upper bounds that follow from the country, checked before any arithmetic or storage.

A file that asks for 10⁹ seats or counts 10⁴⁰ votes is not an election of Kazakhstan: it is a typo, a unit error or an
attack, and no result computed from it may look like one. The bounds are generous enough never to refuse a real
election and tight enough that every stored figure fits a database integer on both engines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import JsonTooDeepError, PlaceAboveBoundError, SeatsAboveKurultaiError, VotersAboveElectorateError
from .i18n import _
from .message import msg
from .parameters import KURULTAI_SEATS

if TYPE_CHECKING:
    from .allocation import AllocationInput

__all__ = [
    "ELECTORATE_2026",
    "MAX_JSON_DEPTH",
    "MAX_LIST_PLACE",
    "MAX_SEATS",
    "MAX_VOTERS",
    "allocation_input_bounds_check",
    "json_nesting_check",
    "list_place_bounds_check",
    "nesting_depth_check",
    "seats_bounds_check",
    "voters_bounds_check",
]

# Constitution 2026, Art. 53(1): the Kurultai has 145 deputies, all elected from party lists in one nationwide
# constituency. Earlier Majilis elections allocated fewer (69 list seats in 2023), so no real allocation needs more.
MAX_SEATS = KURULTAI_SEATS
# Citizens entitled to vote in the referendum of 15 March 2026 (CEC final protocol, FACTS.md).
ELECTORATE_2026 = 12_482_613
# Twice the 2026 electorate, rounded: room for decades of growth, and still refuses a count no Kazakh election can
# have. It also keeps every figure far inside a 64-bit database integer. Votes of a list are bounded by it too.
MAX_VOTERS = 25_000_000
# The allocation input and an import file need three levels (object → array → object); sixteen leave room for
# wrappers while a parser never recurses into thousands of levels (Python's json gives up with RecursionError).
MAX_JSON_DEPTH = 16
# A registration number of a list or a candidate's place on it. A list for 145 seats never names ten thousand people,
# and a number this size fits a database integer on both engines (a larger one was a server error on PostgreSQL).
MAX_LIST_PLACE = 10_000

T_SEATS_ABOVE = _("{seats} seats; at most {limit} can be allocated")
T_VOTERS_ABOVE = _("{figure} is more than {limit}")
T_JSON_TOO_DEEP = _("the JSON nests more than {limit} levels deep")
T_PLACE_ABOVE = _("{figure} is more than {limit}")

# A JSON string (escapes included) and the brackets that open or close a level; brackets inside strings do not count.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_nesting_check(text: str, *, record: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Raise ``JsonTooDeepError`` when the JSON ``text`` opens more than ``limit`` levels; read before parsing.

    Linear in the length of the text and never recursive, so it is safe on any input; malformed JSON is left to the
    parser to report.
    """
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            if depth > limit:
                raise JsonTooDeepError(msg(T_JSON_TOO_DEEP, limit=limit), record=record)
        else:
            depth -= 1


def nesting_depth_check(value: object, *, record: str, limit: int = MAX_JSON_DEPTH) -> None:
    """The same rule for JSON already parsed (an API body): no array or object deeper than ``limit``. Iterative."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise JsonTooDeepError(msg(T_JSON_TOO_DEEP, limit=limit), record=record)
        stack.extend((child, depth + 1) for child in children)


def seats_bounds_check(seats: int, *, record: str = "seats") -> None:
    """Raise ``SeatsAboveKurultaiError`` for more seats than the Kurultai has (Constitution 2026, Art. 53(1))."""
    if seats > MAX_SEATS:
        raise SeatsAboveKurultaiError(msg(T_SEATS_ABOVE, seats=seats, limit=MAX_SEATS), record=record)


def voters_bounds_check(figure: int, *, record: str) -> None:
    """Raise ``VotersAboveElectorateError`` for a count of voters or votes beyond ``MAX_VOTERS``."""
    if figure > MAX_VOTERS:
        raise VotersAboveElectorateError(msg(T_VOTERS_ABOVE, figure=figure, limit=MAX_VOTERS), record=record)


def list_place_bounds_check(figure: int, *, record: str) -> None:
    """Raise ``PlaceAboveBoundError`` for a registration number or place on a list beyond ``MAX_LIST_PLACE``."""
    if figure > MAX_LIST_PLACE:
        raise PlaceAboveBoundError(msg(T_PLACE_ABOVE, figure=figure, limit=MAX_LIST_PLACE), record=record)


def allocation_input_bounds_check(inp: AllocationInput) -> None:
    """Every bound an allocation's input must keep: seats, those who took part, each list's votes.

    Kept apart from ``allocation_input_check`` (the law's own rules) so that the arithmetic stays general: property
    tests and benchmarks explore larger numbers; every door from the outside (CLI, API, pages, imports) calls this.
    """
    seats_bounds_check(inp.seats)
    voters_bounds_check(inp.took_part, record="took_part")
    for pl in inp.lists:
        voters_bounds_check(pl.votes, record=f"list {pl.party!r}")
