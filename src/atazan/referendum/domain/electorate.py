"""The electorate as published before voting, and how a protocol's "entitled" figure compares with it.

Each precinct's list of citizens entitled to take part is drawn up and published before voting day; the precinct
protocol then states the number of citizens entitled at the end of voting (Referendum Law, Art. 30(1)(1)). The two
may differ: our sources say only that a protocol's "took part <= entitled" holds "(+ those added on the day, if the
law allows)" (shared/domain/FACTS.md, "Referendum rules"). The rule on adding voters on voting day is not in
shared/data/laws/excerpts.md, so how far the protocol may exceed the published list is a per-question SETTING
(`day_additions_limit_bp`, basis points of the list), not a rule of law; without it differences are shown, not judged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .messages import CodedFileError, msg

ADDITIONS_NOTE = (
    "Voters may be added to the list on voting day where the law allows (FACTS.md, referendum rules); the rule is not "
    "in our legal sources, so the allowed excess is a configurable setting, not a legal limit."
)
ELECTORATE_COLUMNS = ("precinct", "unit", "voters", "published_on", "source")


class ElectorateFileError(CodedFileError):
    """The electorate file as a whole cannot be read."""


@dataclass(frozen=True, slots=True)
class ElectorateEntry:
    """One precinct's published list size. `unit` is a unit name or code as in protocol files."""

    precinct: str
    unit: str
    district: str
    voters: int
    published_on: date
    source: str


@dataclass(frozen=True, slots=True)
class ElectorateProblem:
    line: int
    precinct: str
    message: str


@dataclass(slots=True)
class ParsedElectorate:
    entries: list[ElectorateEntry] = field(default_factory=list)
    problems: list[ElectorateProblem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ListComparison:
    """The protocol's entitled voters against the published list: `difference` = protocol - list (exact ints)."""

    published: int
    registered: int
    difference: int
    beyond_limit: bool  # True only when a limit is configured and the excess passes it

    @property
    def added(self) -> int:
        return max(self.difference, 0)


def list_compare(*, published: int, registered: int, limit_bp: int | None) -> ListComparison:
    """Compare exactly: the excess is beyond the limit when excess * 10000 > list * limit_bp (no floats)."""
    if published < 0 or registered < 0:
        raise ValueError(f"negative list size or entitled figure ({published}, {registered})")
    difference = registered - published
    beyond = limit_bp is not None and difference > 0 and difference * 10_000 > published * limit_bp
    return ListComparison(published, registered, difference, beyond)


def read_electorate_csv(lines: Iterable[str]) -> ParsedElectorate:
    """CSV `precinct,unit,voters,published_on,source` (+ optional `district`); one row per precinct.
    A bad row is reported with its line and left out; a precinct listed twice is reported at its second line."""
    from .protocol_io import text_lines

    reader = csv.reader(text_lines(lines, ElectorateFileError))
    try:
        return _read_electorate(reader)
    except csv.Error:
        raise ElectorateFileError(msg("file_not_csv", line=reader.line_num)) from None


def _read_electorate(reader: Any) -> ParsedElectorate:
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except StopIteration:
        raise ElectorateFileError(msg("file_empty", header=",".join(ELECTORATE_COLUMNS))) from None
    missing = [c for c in ELECTORATE_COLUMNS if c not in header]
    if missing:
        raise ElectorateFileError(msg("file_header", columns=", ".join(missing), header=",".join(ELECTORATE_COLUMNS)))
    out = ParsedElectorate()
    seen: set[str] = set()
    for cells in reader:
        line = reader.line_num
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            out.problems.append(
                ElectorateProblem(line, "", f"line {line}: {len(cells)} cells, header has {len(header)}")
            )
            continue
        row = {k: v.strip() for k, v in zip(header, cells, strict=True)}
        precinct = row["precinct"]
        if not precinct:
            out.problems.append(ElectorateProblem(line, "", f"line {line}: the precinct number is empty"))
            continue
        voters_text = row["voters"]
        if not (voters_text.isascii() and voters_text.isdigit()):
            out.problems.append(
                ElectorateProblem(line, precinct, f"line {line}: voters = {voters_text!r} is not a whole number")
            )
            continue
        try:
            published_on = date.fromisoformat(row["published_on"])
        except ValueError:
            out.problems.append(
                ElectorateProblem(line, precinct, f"line {line}: published_on = {row['published_on']!r} is not a date")
            )
            continue
        if not row["source"]:
            out.problems.append(ElectorateProblem(line, precinct, f"line {line}: the source is empty"))
            continue
        if precinct in seen:
            out.problems.append(ElectorateProblem(line, precinct, f"line {line}: precinct {precinct} listed twice"))
            continue
        seen.add(precinct)
        out.entries.append(
            ElectorateEntry(
                precinct, row["unit"], row.get("district", ""), int(voters_text), published_on, row["source"]
            )
        )
    return out


def read_electorate_text(text: str) -> ParsedElectorate:
    return read_electorate_csv(io.StringIO(text))
