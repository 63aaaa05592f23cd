"""Spreadsheet-safe CSV cells, for every CSV export of the platform.

A cell that begins with = + - @ (or a tab or carriage return) is read as a formula by spreadsheet programs, so a
citizen's text such as ``=HYPERLINK("http://evil", "click")`` would run when an official opens the export
("CSV injection", OWASP). Such a cell is written with a leading apostrophe, which spreadsheets hide and which keeps
the text as text. Plain numbers ("-5", "+3.25") are left alone: they are numbers, not formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def csv_cell(value: object) -> str:
    """``value`` as a CSV cell that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_row(values: Iterable[object]) -> list[str]:
    return [csv_cell(v) for v in values]
