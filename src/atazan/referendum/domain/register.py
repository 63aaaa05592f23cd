"""The precinct register: the source of truth for which precincts exist, where they count and how many citizens
each lists. A protocol is counted only for a precinct on the register, and never creates one.

Matching. A precinct number is matched exactly after one documented normalisation, `precinct_key`: Unicode NFKC,
surrounding white space trimmed, lower case (`str.casefold`). So "ABAI-0003" and " abai-0003" are the register's
"abai-0003", while "abai-003" (a zero missing) is no precinct at all and is refused; nothing is ever guessed.
A number on the register is letters and digits with '-', '_' or '.' between them, at most 40 characters
(`precinct_number_valid`): markup such as `<img src=x onerror=…>` can never be a precinct.

What a protocol must agree with (each refusal names its rule, `ProtocolRule`):
- `unregistered_precinct`: its number is on the register;
- `register_unit`: it counts in the unit the register puts the precinct in (Constitution 2026, Art. 92(3));
- `exceeds_register`: it states no more citizens entitled to take part than the register lists for the precinct
  (Referendum Law, Art. 30(1)(1)). Voters added on voting day, where the law allows it, are added to the register
  first; the per-question `day_additions_limit_bp` compares the lists published before voting (`electorate`), not
  the register.

Plausibility. Neither a register nor a count may list more citizens than `ELECTORATE_BOUND`: the 12,482,613
citizens entitled on 15 March 2026 (CEC final protocol, shared/domain/FACTS.md) plus a fifth for growth and
additions, rounded down. A file summing to 606 million entitled voters is not a count.

CSV (`atazan referendum register`, `tally --register`): header `precinct,unit,district,registered`, `address`
optional, other columns ignored; `unit` as in protocol files (a name in any language, the code, or "Abroad").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .messages import CodedFileError, msg
from .protocol import (
    MAX_FIGURE,
    Protocol,
    ProtocolRule,
    Rejection,
    precinct_key,
    precinct_number_msg,
    precinct_number_valid,
)
from .protocol_io import control_characters, text_lines, unknown_unit
from .units import DEFAULT_REGISTRY, UnitRegistry, UnknownUnitError

ELECTORATE_2026 = 12_482_613  # CEC final protocol of 15 March 2026 (shared/domain/FACTS.md)
ELECTORATE_BOUND = ELECTORATE_2026 * 6 // 5  # 14,979,135: the 2026 electorate plus a fifth
REGISTER_COLUMNS = ("precinct", "unit", "district", "registered")
ADDRESS_MAX = 300


class RegisterFileError(CodedFileError):
    """The register file as a whole cannot be read (empty, wrong header, not CSV)."""


@dataclass(frozen=True, slots=True)
class RegisteredPrecinct:
    """One precinct of the register. `number` is in normal form; `unit` is a unit code."""

    number: str
    unit: str
    district: str
    registered: int
    address: str = ""
    abroad: bool = False


@dataclass(slots=True)
class ParsedRegister:
    precincts: list[RegisteredPrecinct] = field(default_factory=list)
    problems: list[Rejection] = field(default_factory=list)


class PrecinctRegister:
    """The register as a lookup by normalised number."""

    __slots__ = ("_by_number", "registered")

    def __init__(self, precincts: Iterable[RegisteredPrecinct]) -> None:
        self._by_number = {p.number: p for p in precincts}
        self.registered = sum(p.registered for p in self._by_number.values())

    def __len__(self) -> int:
        return len(self._by_number)

    def __iter__(self) -> Iterator[RegisteredPrecinct]:
        return iter(self._by_number.values())

    def get(self, number: str) -> RegisteredPrecinct | None:
        return self._by_number.get(precinct_key(number))


def register_check(p: Protocol, register: PrecinctRegister, line: int | None = None) -> Protocol | list[Rejection]:
    """The protocol in the register's terms (its number, district and abroad flag from the register), or every
    rule of the register it breaks."""
    entry = register.get(p.precinct)
    if entry is None:
        return [
            Rejection.of(
                p.precinct, ProtocolRule.UNREGISTERED_PRECINCT, msg("unregistered_precinct", precinct=p.precinct), line
            )
        ]
    problems: list[Rejection] = []
    if entry.unit != p.unit:
        problems.append(
            Rejection.of(
                entry.number,
                ProtocolRule.REGISTER_UNIT,
                msg("register_unit", precinct=entry.number, listed=entry.unit, claimed=p.unit),
                line,
            )
        )
    if p.registered > entry.registered:
        problems.append(
            Rejection.of(
                entry.number,
                ProtocolRule.EXCEEDS_REGISTER,
                msg("exceeds_register", precinct=entry.number, registered=p.registered, listed=entry.registered),
                line,
            )
        )
    if problems:
        return problems
    return replace(p, precinct=entry.number, district=entry.district, abroad=entry.abroad)


def electorate_bound_problem(registered: int, bound: int = ELECTORATE_BOUND) -> Rejection | None:
    """A nation-level problem when `registered` citizens entitled is more than the Republic can have."""
    if registered <= bound:
        return None
    message = msg("electorate_bound", registered=registered, bound=bound, electorate=ELECTORATE_2026)
    return Rejection.of("", ProtocolRule.ELECTORATE_BOUND, message)


def read_register_csv(lines: Iterable[str], *, registry: UnitRegistry = DEFAULT_REGISTRY) -> ParsedRegister:
    """Read a register. A bad row is reported with its line and rule and left out; a number listed twice is
    reported at its second line. Raises `RegisterFileError` if the file as a whole cannot be read."""
    reader = csv.reader(text_lines(lines, RegisterFileError))
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except StopIteration:
        raise RegisterFileError(msg("file_empty", header=",".join(REGISTER_COLUMNS))) from None
    except csv.Error:
        raise RegisterFileError(msg("file_not_csv", line=reader.line_num)) from None
    missing = [c for c in REGISTER_COLUMNS if c not in header]
    if missing:
        raise RegisterFileError(msg("file_header", columns=", ".join(missing), header=",".join(REGISTER_COLUMNS)))
    out = ParsedRegister()
    seen: set[str] = set()
    try:
        for cells in reader:
            line = reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue
            entry = _register_row(header, cells, line, registry, seen, out.problems)
            if entry is not None:
                seen.add(entry.number)
                out.precincts.append(entry)
    except csv.Error:
        raise RegisterFileError(msg("file_not_csv", line=reader.line_num)) from None
    return out


def _register_row(
    header: list[str],
    cells: list[str],
    line: int,
    registry: UnitRegistry,
    seen: set[str],
    problems: list[Rejection],
) -> RegisteredPrecinct | None:
    if len(cells) != len(header):
        precinct = cells[0].strip()[:40] if cells else ""
        message = msg("cells", line=line, cells=len(cells), width=len(header))
        problems.append(Rejection.of(precinct, ProtocolRule.MALFORMED_ROW, message, line))
        return None
    if control_characters(cells):
        message = msg("control_character", line=line)
        problems.append(Rejection.of(cells[0].strip()[:40], ProtocolRule.MALFORMED_ROW, message, line))
        return None
    row = {k: v.strip() for k, v in zip(header, cells, strict=True)}
    number = precinct_key(row["precinct"])
    if not number:
        problems.append(Rejection.of("", ProtocolRule.EMPTY_PRECINCT, msg("empty_precinct", line=line), line))
        return None
    if not precinct_number_valid(number):
        problems.append(Rejection.of(number[:40], ProtocolRule.PRECINCT_NUMBER, precinct_number_msg(number), line))
        return None
    found: list[Rejection] = []
    try:
        unit, abroad = registry.resolve(row["unit"])
    except UnknownUnitError as exc:
        found.append(Rejection.of(number, ProtocolRule.UNKNOWN_UNIT, unknown_unit(exc.name, line), line))
    text = row["registered"]
    shown = repr(text if len(text) <= 40 else text[:40] + "…")
    if not (text.isascii() and text.isdigit()):
        message = msg("not_integer", line=line, field="registered", value=shown)
        found.append(Rejection.of(number, ProtocolRule.NOT_INTEGER, message, line))
    elif len(text.lstrip("0")) > len(str(MAX_FIGURE)) or int(text) > MAX_FIGURE:  # no int() of 5,000 digits
        message = msg("figure_out_of_range", line=line, field="registered", value=shown, limit=MAX_FIGURE)
        found.append(Rejection.of(number, ProtocolRule.FIGURE_OUT_OF_RANGE, message, line))
    if number in seen:
        found.append(
            Rejection.of(
                number, ProtocolRule.REGISTER_DUPLICATE, msg("register_duplicate", line=line, precinct=number), line
            )
        )
    if found:
        problems.extend(found)
        return None
    district = row.get("district", "")[:120] or ("Abroad" if abroad else "")
    return RegisteredPrecinct(number, unit.code, district, int(text), row.get("address", "")[:ADDRESS_MAX], abroad)


def read_register_text(text: str, *, registry: UnitRegistry = DEFAULT_REGISTRY) -> ParsedRegister:
    return read_register_csv(io.StringIO(text), registry=registry)


def register_from_protocols(protocols: Iterable[Protocol], *, address: str = "") -> list[RegisteredPrecinct]:
    """A register listing exactly the precincts and entitled voters of `protocols` (demo data and tests)."""
    return [
        RegisteredPrecinct(precinct_key(p.precinct), p.unit, p.district, p.registered, address, p.abroad)
        for p in protocols
    ]
