"""Reading protocols from CSV and JSON: every row becomes a `Protocol` or a `Rejection` naming the rule it broke.

CSV header (the `atazan referendum tally` contract):
`precinct,unit,district,registered,took_part,yes,no,invalid,not_counted` — `district` optional; the ballot
accounting columns `ballots_received`, `ballots_issued`, `ballots_unused` are read when present; any other column
is ignored. `unit` may be the canonical English, Kazakh or Russian name, the unit code, or "Abroad".
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .messages import CodedFileError, Msg, figure, msg
from .protocol import BALLOT_FIELDS, MAX_FIGURE, Protocol, ProtocolRule, Rejection
from .units import DEFAULT_REGISTRY, UnitRegistry, UnknownUnitError

REQUIRED_COLUMNS = ("precinct", "unit", "registered", "took_part", "yes", "no", "invalid", "not_counted")
CSV_HEADER = ("precinct", "unit", "district", "registered", "took_part", "yes", "no", "invalid", "not_counted")


class ProtocolFileError(CodedFileError):
    """The file as a whole cannot be read (wrong header, not CSV, not JSON): ``msg`` says why, with a stable code
    (domain.messages.TEMPLATES), in the reader's language where it is shown; ``str()`` is the English."""


@dataclass(slots=True)
class ParsedProtocols:
    protocols: list[Protocol] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source line of each protocol


_MAX_DIGITS = len(str(MAX_FIGURE))
_FIGURE_COLUMNS = REQUIRED_COLUMNS[2:]  # registered … not_counted, in `Protocol`'s order


def _int_cell(raw: str | None, name: str, precinct: str, line: int) -> int | Rejection:
    if raw is not None and len(raw) <= _MAX_DIGITS and raw.isascii() and raw.isdigit():
        return int(raw)  # the usual cell, plain digits: what the checks below would return, without them
    text = (raw or "").strip()
    if text == "":
        return Rejection.of(
            precinct, ProtocolRule.MISSING_FIELD, msg("field_empty", line=line, field=figure(name)), line
        )
    sign = text[1:] if text[0] in "+-" else text
    if not sign.isascii() or not sign.isdigit():
        shown = text if len(text) <= 40 else text[:40] + "…"
        not_integer = msg("field_not_integer", line=line, field=figure(name), value=repr(shown))
        return Rejection.of(precinct, ProtocolRule.NOT_INTEGER, not_integer, line)
    if len(sign.lstrip("0")) > len(str(MAX_FIGURE)):  # also keeps int() away from its 4,300-digit limit
        digits = msg("figure_digits", line=line, field=figure(name), digits=len(sign))
        return Rejection.of(precinct, ProtocolRule.FIGURE_OUT_OF_RANGE, digits, line)
    value = int(text)
    if value < 0:
        negative = msg("field_negative", line=line, field=figure(name), value=value)
        return Rejection.of(precinct, ProtocolRule.NEGATIVE, negative, line)
    return value


def unknown_unit(name: str, line: int | None = None) -> Msg:
    """Why a unit's name is refused: not one of the 20 regions and cities (with its line where there is one)."""
    shown = repr(name if len(name) <= 40 else name[:40] + "…")
    return msg("unknown_unit", unit=shown) if line is None else msg("unknown_unit_line", line=line, unit=shown)


def protocol_from_fields(row: dict[str, str | None], line: int, registry: UnitRegistry) -> Protocol | list[Rejection]:
    precinct = (row.get("precinct") or "").strip()
    if not precinct:
        return [Rejection.of("", ProtocolRule.EMPTY_PRECINCT, msg("empty_precinct", line=line), line)]
    problems: list[Rejection] = []
    unit_name = (row.get("unit") or "").strip()
    unit_code = ""
    abroad = False
    try:
        unit, abroad = registry.resolve(unit_name)
        unit_code = unit.code
    except UnknownUnitError as exc:
        problems.append(Rejection.of(precinct, ProtocolRule.UNKNOWN_UNIT, unknown_unit(exc.name, line), line))
    get = row.get
    figures = [get(name) for name in _FIGURE_COLUMNS]
    ballots = [get(name) for name in BALLOT_FIELDS]
    present = list(filter(None, figures))
    cells = present + list(filter(None, ballots))
    digits = "".join(cells)
    if (
        len(present) == len(figures)
        and not problems
        and digits.isascii()
        and digits.isdigit()
        and max(map(len, cells)) <= _MAX_DIGITS
    ):
        # The usual row, every figure plain digits, a ballot cell digits or empty: what the checks below make of it,
        # without them (issue 18: a national file is 10,459 rows).
        registered, took_part, yes, no, invalid, not_counted = map(int, present)
        received, issued, unused = (int(raw) if raw else None for raw in ballots)
        district = (get("district") or "").strip()
        return Protocol(
            precinct,
            unit_code,
            "Abroad" if abroad and not district else district,
            registered,
            took_part,
            yes,
            no,
            invalid,
            not_counted,
            received,
            issued,
            unused,
            abroad,
        )
    values: dict[str, int] = {}
    for name in _FIGURE_COLUMNS:
        v = _int_cell(row.get(name), name, precinct, line)
        if isinstance(v, Rejection):
            problems.append(v)
        else:
            values[name] = v
    optional: dict[str, int | None] = {}
    for name in BALLOT_FIELDS:
        raw = row.get(name)
        if raw is None or raw.strip() == "":
            optional[name] = None
            continue
        v = _int_cell(raw, name, precinct, line)
        if isinstance(v, Rejection):
            problems.append(v)
        else:
            optional[name] = v
    if problems:
        return problems
    district = (row.get("district") or "").strip()
    if abroad and not district:
        district = "Abroad"
    return Protocol(
        precinct=precinct,
        unit=unit_code,
        district=district,
        abroad=abroad,
        registered=values["registered"],
        took_part=values["took_part"],
        yes=values["yes"],
        no=values["no"],
        invalid=values["invalid"],
        not_counted=values["not_counted"],
        ballots_received=optional["ballots_received"],
        ballots_issued=optional["ballots_issued"],
        ballots_unused=optional["ballots_unused"],
    )


def read_csv(text: str, *, registry: UnitRegistry = DEFAULT_REGISTRY) -> ParsedProtocols:
    """Parse CSV text. Raises `ProtocolFileError` if a required column is missing from the header."""
    return read_csv_rows(io.StringIO(text), registry=registry)


def text_lines(stream: Iterable[str], error: type[ValueError]) -> Iterator[str]:
    """The lines of a text file; `error` at the first NUL byte (a binary file, or a text file that is not UTF-8
    text), which the csv module would otherwise read as part of a cell."""
    for number, line in enumerate(stream, start=1):
        if "\x00" in line:
            raise error(msg("file_nul", line=number))
        yield line


def control_characters(cells: Iterable[str]) -> bool:
    """True if a cell holds a control or format character (C0/C1 controls, bidi overrides, zero-width marks)."""
    cells = tuple(cells)
    if "".join(cells).isprintable():  # printable excludes every Cc and Cf character: none here
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf") for cell in cells for ch in cell)


def read_csv_rows(stream: Iterable[str], *, registry: UnitRegistry = DEFAULT_REGISTRY) -> ParsedProtocols:
    """Parse CSV lines. Raises `ProtocolFileError` if the file as a whole cannot be read (empty, a required column
    missing, not CSV: a NUL byte, a cell past the csv module's size limit)."""
    reader = csv.reader(text_lines(stream, ProtocolFileError))
    try:
        return _read_rows(reader, registry)
    except csv.Error:
        raise ProtocolFileError(msg("file_not_csv", line=reader.line_num)) from None


def _read_rows(reader: Any, registry: UnitRegistry) -> ParsedProtocols:
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except StopIteration:
        raise ProtocolFileError(msg("file_empty", header=",".join(CSV_HEADER))) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ProtocolFileError(msg("file_header", columns=", ".join(missing), header=",".join(CSV_HEADER)))
    out = ParsedProtocols()
    width = len(header)
    for cells in reader:
        line = reader.line_num
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != width:
            precinct = cells[header.index("precinct")].strip() if len(cells) > header.index("precinct") else ""
            message = msg("cells", line=line, cells=len(cells), width=width)
            out.rejected.append(Rejection.of(precinct[:40], ProtocolRule.MALFORMED_ROW, message, line))
            continue
        if control_characters(cells):
            precinct = cells[header.index("precinct")].strip()
            message = msg("control_character", line=line)
            out.rejected.append(Rejection.of(precinct[:40], ProtocolRule.MALFORMED_ROW, message, line))
            continue
        row: dict[str, str | None] = dict(zip(header, cells, strict=True))
        result = protocol_from_fields(row, line, registry)
        if isinstance(result, Protocol):
            out.protocols.append(result)
            out.lines.append(line)
        else:
            out.rejected.extend(result)
    return out


def read_json(text: str, *, registry: UnitRegistry = DEFAULT_REGISTRY) -> ParsedProtocols:
    """Parse a JSON array of protocol objects (or `{"protocols": [...]}`) with the CSV's field names."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ProtocolFileError(msg("file_json_deep")) from None
    except json.JSONDecodeError as exc:
        raise ProtocolFileError(msg("file_not_json", line=exc.lineno, column=exc.colno)) from None
    except ValueError:  # a number past int()'s digit limit
        raise ProtocolFileError(msg("file_json_number")) from None
    if isinstance(data, dict):
        data = data.get("protocols")
    if not isinstance(data, list):
        raise ProtocolFileError(msg("file_json_shape"))
    out = ParsedProtocols()
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            not_object = msg("item_not_object", item=index)
            out.rejected.append(Rejection.of("", ProtocolRule.MALFORMED_ROW, not_object, index))
            continue
        row = {k: (None if v is None else str(v)) for k, v in item.items()}
        result = protocol_from_fields(row, index, registry)
        if isinstance(result, Protocol):
            out.protocols.append(result)
            out.lines.append(index)
        else:
            out.rejected.extend(result)
    return out


def write_csv(
    protocols: Iterable[Protocol], *, registry: UnitRegistry = DEFAULT_REGISTRY, ballots: bool = True
) -> Iterator[str]:
    """Yield CSV lines (with header) that `read_csv` reads back into the same protocols."""
    columns = CSV_HEADER + (BALLOT_FIELDS if ballots else ())
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    yield buf.getvalue()
    for p in protocols:
        buf.seek(0)
        buf.truncate()
        unit = "Abroad" if p.abroad and p.unit == registry.abroad_unit.code else registry.by_code[p.unit].name_en
        row: list[object] = [
            p.precinct,
            unit,
            p.district,
            p.registered,
            p.took_part,
            p.yes,
            p.no,
            p.invalid,
            p.not_counted,
        ]
        if ballots:
            row += ["" if v is None else v for v in (p.ballots_received, p.ballots_issued, p.ballots_unused)]
        writer.writerow(row)
        yield buf.getvalue()
