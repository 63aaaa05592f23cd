"""`atazan referendum tally`: its options, its help and what it does, without Typer (issue 18).

The tally of a national file must start about as fast as a plain CSV sum of it, and Typer with the pydantic it
converts values with takes longer to import than the tally takes to run. So the command lives here, in a module that
imports neither: `atazan/referendum/cli.py` declares the Typer command from `TALLY_OPTIONS` below (its help, `atazan
referendum tally --help`, and every usage error go through Typer), and `atazan/cli.py` runs a well-formed tally
command line straight through `fast_main`, which reads the same options with argparse. A command line argparse does
not take whole (a misspelt option, a missing value, --help) goes to Typer, so usage errors read and exit (2) the same.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.messages import msg
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv_rows
from atazan.referendum.domain.register import (
    PrecinctRegister,
    RegisterFileError,
    electorate_bound_problem,
    read_register_csv,
)
from atazan.referendum.domain.tally import TallyResult, Totals, tally
from atazan.referendum.domain.units import UnitRegistry, UnknownUnitError

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a command: its flag, its help and its default (the parameter's name is the dict key)."""

    flag: str
    help: str
    default: Any = None
    is_flag: bool = False


TALLY_HELP = """Check every protocol, sum precinct → unit → nation and apply the adoption rule (no database needed).

    Exit status: 0 every protocol accepted; 1 a protocol refused or the totals implausible (the result is printed,
    incomplete, without them); 2 a file cannot be read at all, or holds no protocols (a header alone is not a
    count). `"complete": false` also when a register is given and not every precinct on it reported."""
TALLY_PROTOCOLS_HELP = "CSV: precinct,unit,district,registered,took_part,yes,no,…"
TALLY_OPTIONS: dict[str, Option] = {
    "kind": Option("--kind", "constitution (Art. 92(3) two-thirds rule) or ordinary"),
    "register": Option(
        "--register", "The precinct register, CSV precinct,unit,district,registered: count only its precincts."
    ),
    "as_json": Option("--json", "Print the result as JSON on stdout.", default=False, is_flag=True),
    "abroad_unit": Option(
        "--abroad-unit",
        "Unit code that precincts abroad count in (Elections Law, Art. 23(3): the MFA's seat).",
        default="astana",
    ),
}


class CommandExit(Exception):  # noqa: N818 - an exit status, like typer.Exit
    """The command ends with this exit status (what it had to say is printed already)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@functools.cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def stdout() -> Console:
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else Console(width=160)


def print_result(result: TallyResult, out: Console) -> None:
    from rich.table import Table

    table = Table(title="Result by unit")
    for col in ("Unit", "Entitled", "Took part", "Yes", "No", "Invalid", "Not counted", "Turnout", "Yes %", "Majority"):
        table.add_column(col, justify="left" if col == "Unit" else "right")
    for code, t in result.units.items():
        table.add_row(result.registry.by_code[code].name_en, *_figures_row(t))
    table.add_row("[bold]Nation", *_figures_row(result.totals))
    out.print(table)
    complete = result.complete
    for message in result.completeness_msgs():
        out.print(message.render() if complete else f"[yellow]{message.render()}[/yellow]", markup=not complete)
    for line in result.outcome.explanation(provisional=not complete):
        out.print(line, markup=False)
    refused = result.refused
    if refused:
        out.print(f"[red]{len(refused)} protocol(s) rejected and left out of the totals:[/red]")
        for r in refused:
            where = f" (line {r.line})" if r.line is not None else ""
            rules = "; ".join(f"{x.rule.value} — {x.message} ({x.rule.source})" for x in r.rejections)
            out.print(f"  precinct {r.precinct or '?'}{where}: {rules}", markup=False, highlight=False)


def _figures_row(t: Totals) -> list[str]:
    return [
        f"{t.registered:,}",
        f"{t.took_part:,}",
        f"{t.yes:,}",
        f"{t.no:,}",
        f"{t.invalid:,}",
        f"{t.not_counted:,}",
        f"{float(t.turnout):.2%}",
        f"{float(t.yes_share):.2%}",
        "yes" if t.yes_majority else "no",
    ]


def unreadable(path: Path, exc: BaseException) -> CommandExit:
    """Exit status 2: the file as a whole cannot be read (missing, a directory, not UTF-8, not CSV, no header)."""
    reason = f"not UTF-8 text ({exc}); save it as UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
    err().print(f"[red]{path}: {reason}[/red]", markup=True, highlight=False)
    return CommandExit(2)


def register_read(path: Path, registry: UnitRegistry) -> PrecinctRegister:
    """The register given to `tally --register`; anything short of a whole, plausible register exits 2."""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            parsed = read_register_csv(stream, registry=registry)
    except (OSError, UnicodeDecodeError, RegisterFileError) as exc:
        raise unreadable(path, exc) from None
    for problem in parsed.problems:
        err().print(f"[red]{path}: {problem.rule.value}: {problem.message}[/red]", highlight=False)
    if parsed.problems:
        err().print(f"[red]{path}: {len(parsed.problems)} bad row(s): the register must be whole to bind a tally[/red]")
        raise CommandExit(2)
    if not parsed.precincts:
        raise unreadable(path, RegisterFileError("the register lists no precincts"))
    register = PrecinctRegister(parsed.precincts)
    too_many = electorate_bound_problem(register.registered)
    if too_many is not None:
        raise unreadable(path, RegisterFileError(too_many.message))
    return register


def tally_run(
    protocols: Path,
    kind: QuestionKind,
    register: Path | None = None,
    as_json: bool = False,
    abroad_unit: str = "astana",
) -> int:
    """The tally command: prints the result (or why there is none) and returns the exit status."""
    try:
        try:
            registry = UnitRegistry(abroad_unit=abroad_unit)
        except UnknownUnitError as exc:
            err().print(f"[red]--abroad-unit: {exc}[/red]")
            return 2
        try:
            with protocols.open(encoding="utf-8", newline="") as stream:
                parsed = read_csv_rows(stream, registry=registry)
        except (OSError, UnicodeDecodeError, ProtocolFileError) as exc:
            raise unreadable(protocols, exc) from None
        if not parsed.protocols and not parsed.rejected:
            raise unreadable(protocols, ProtocolFileError(msg("file_no_protocols")))
        bound = register_read(register, registry) if register is not None else None
    except CommandExit as exc:
        return exc.code
    result = tally(
        parsed.protocols,
        kind=kind,
        prior_rejections=parsed.rejected,
        registry=registry,
        register=bound,
        lines=parsed.lines,
    )
    if as_json:
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    else:
        print_result(result, stdout())
    return 1 if result.rejected or result.problems else 0


class _NotOurs(Exception):  # noqa: N818 - a signal to hand the command line to Typer
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotOurs(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="atazan referendum tally", add_help=False, allow_abbrev=False)
    parser.add_argument("protocols", type=Path)
    for dest, option in TALLY_OPTIONS.items():
        if option.is_flag:
            parser.add_argument(option.flag, dest=dest, action="store_true", default=option.default)
        elif dest == "kind":
            parser.add_argument(option.flag, dest=dest, required=True, choices=[k.value for k in QuestionKind])
        else:
            parser.add_argument(
                option.flag, dest=dest, default=option.default, type=Path if dest == "register" else str
            )
    return parser


def fast_main(argv: Sequence[str]) -> int | None:
    """The exit status of `atazan referendum tally ARGV…` run here, or None where Typer must take the command line
    (help, shell completion, anything argparse would not take whole, so the usage error is Typer's own)."""
    if any(arg == "--help" or arg.startswith("--help=") for arg in argv):
        return None
    try:
        args = _parser().parse_args(list(argv))
    except _NotOurs:
        return None
    return tally_run(
        args.protocols,
        QuestionKind(args.kind),
        register=args.register,
        as_json=args.as_json,
        abroad_unit=args.abroad_unit,
    )
