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
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from atazan.messages.cli import cli_language
from atazan.messages.domain import Msg, declare
from atazan.messages.plain import number_text, percent_text, plain_render
from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.messages import VOICE, CodedFileError, msg, rule_label
from atazan.referendum.domain.protocol import Rejection
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
    "lang": Option(
        "--lang",
        "Language of the printed result and messages: kk, ru or en; default: the locale's (LANG). --json keeps its "
        "codes and English messages in every language.",
    ),
}


class Lang(StrEnum):
    """The languages ``--lang`` takes."""

    KK = "kk"
    RU = "ru"
    EN = "en"


# What the human-readable result says around its figures (the table's title, heads and words), translated in the
# referendum's catalogue with the context "tally table" (short words: "Yes" is a column head here).
TABLE_CONTEXT = "tally table"
TABLE_WORDS: dict[str, str] = declare(
    "referendum",
    {
        "title": "Result by unit",
        "unit": "Unit",
        "registered": "Entitled",
        "took_part": "Took part",
        "yes": "Yes",
        "no": "No",
        "invalid": "Invalid",
        "not_counted": "Not counted",
        "turnout": "Turnout",
        "yes_share": "Yes %",
        "majority": "Majority",
        "nation": "Nation",
        "majority_yes": "yes",
        "majority_no": "no",
    },
    context=TABLE_CONTEXT,
)


def word(key: str, language: str) -> str:
    """One of ``TABLE_WORDS`` in ``language``."""
    return plain_render(Msg(TABLE_WORDS[key], domain="referendum", context=TABLE_CONTEXT), language)


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


def print_result(result: TallyResult, out: Console, language: str = "en") -> None:
    """The result as a table and sentences in ``language`` (unit names, figures and messages as it writes them)."""
    from rich.table import Table

    table = Table(title=word("title", language))
    heads = ("unit", "registered", "took_part", "yes", "no", "invalid", "not_counted", "turnout", "yes_share")
    for key in (*heads, "majority"):
        table.add_column(word(key, language), justify="left" if key == "unit" else "right")
    for code, t in result.units.items():
        table.add_row(result.registry.by_code[code].name(language), *_figures_row(t, language))
    table.add_row(f"[bold]{word('nation', language)}", *_figures_row(result.totals, language))
    out.print(table)
    complete = result.complete
    for message in result.completeness_msgs():
        text = plain_render(message, language)
        out.print(text if complete else f"[yellow]{text}[/yellow]", markup=not complete)
    for line in result.outcome.explanation_msgs(provisional=not complete):
        out.print(plain_render(line, language), markup=False)
    refused = result.refused
    if refused:
        rejected = VOICE.msg("{count} protocol(s) rejected and left out of the totals:", count=len(refused))
        said = plain_render(rejected, language)
        out.print(f"[red]{said}[/red]")
        for r in refused:
            rules = "; ".join(_rejection_text(x, language) for x in r.rejections)
            precinct = r.precinct or "?"
            line = (
                VOICE.msg(
                    "precinct {precinct} (line {line}): {rules}", precinct=precinct, line=str(r.line), rules=rules
                )
                if r.line is not None
                else VOICE.msg("precinct {precinct}: {rules}", precinct=precinct, rules=rules)
            )
            out.print(f"  {plain_render(line, language)}", markup=False, highlight=False)


def rule_name(code: str, language: str) -> str:
    """A rule as the console names it: its code in English, its name in Kazakh and Russian."""
    return code if language == "en" else plain_render(rule_label(code), language)


def rejection_said(rejection: Rejection, language: str) -> str:
    """A refusal's message in ``language`` (the English text where it carries no ``Msg``)."""
    return plain_render(rejection.msg, language) if rejection.msg is not None else rejection.message


def _rejection_text(x: Rejection, language: str) -> str:
    """One broken rule: its code (English) or its name (Kazakh, Russian), what is wrong and the rule's source."""
    source = plain_render(Msg(x.rule.source, domain="referendum"), language)
    return f"{rule_name(x.rule.value, language)} — {rejection_said(x, language)} ({source})"


def _figures_row(t: Totals, language: str = "en") -> list[str]:
    if language == "en":
        figures = [
            f"{getattr(t, name):,}" for name in ("registered", "took_part", "yes", "no", "invalid", "not_counted")
        ]
        shares = [f"{float(t.turnout):.2%}", f"{float(t.yes_share):.2%}"]
    else:
        figures = [
            number_text(getattr(t, name), language)
            for name in ("registered", "took_part", "yes", "no", "invalid", "not_counted")
        ]
        shares = [percent_text(float(t.turnout), language), percent_text(float(t.yes_share), language)]
    return [*figures, *shares, word("majority_yes" if t.yes_majority else "majority_no", language)]


def reason(exc: BaseException, language: str) -> str:
    """Why a file cannot be read, in ``language`` (an operating system's error beyond the usual three as it says)."""
    if isinstance(exc, UnicodeDecodeError):
        return plain_render(VOICE.msg("not UTF-8 text ({error}); save it as UTF-8", error=str(exc)), language)
    if isinstance(exc, CodedFileError) and exc.msg is not None:
        return plain_render(exc.msg, language)
    if isinstance(exc, FileNotFoundError):
        return plain_render(VOICE.msg("no such file"), language) if language != "en" else str(exc)
    if isinstance(exc, IsADirectoryError):
        return plain_render(VOICE.msg("a directory, not a file"), language) if language != "en" else str(exc)
    if isinstance(exc, PermissionError):
        return plain_render(VOICE.msg("not allowed to read the file"), language) if language != "en" else str(exc)
    return str(exc)


def unreadable(path: Path, exc: BaseException, language: str = "en") -> CommandExit:
    """Exit status 2: the file as a whole cannot be read (missing, a directory, not UTF-8, not CSV, no header)."""
    err().print(f"[red]{path}: {reason(exc, language)}[/red]", markup=True, highlight=False)
    return CommandExit(2)


def register_read(path: Path, registry: UnitRegistry, language: str = "en") -> PrecinctRegister:
    """The register given to `tally --register`; anything short of a whole, plausible register exits 2."""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            parsed = read_register_csv(stream, registry=registry)
    except (OSError, UnicodeDecodeError, RegisterFileError) as exc:
        raise unreadable(path, exc, language) from None
    for problem in parsed.problems:
        text = plain_render(problem.msg, language) if problem.msg is not None else problem.message
        rule = problem.rule.value if language == "en" else plain_render(rule_label(problem.rule.value), language)
        err().print(f"[red]{path}: {rule}: {text}[/red]", highlight=False)
    if parsed.problems:
        whole = VOICE.msg(
            "{path}: {count} bad row(s): the register must be whole to bind a tally",
            path=str(path),
            count=len(parsed.problems),
        )
        said = plain_render(whole, language)
        err().print(f"[red]{said}[/red]")
        raise CommandExit(2)
    if not parsed.precincts:
        raise unreadable(path, RegisterFileError(VOICE.msg("the register lists no precincts")), language)
    register = PrecinctRegister(parsed.precincts)
    too_many = electorate_bound_problem(register.registered)
    if too_many is not None:
        raise unreadable(path, RegisterFileError(too_many.msg or too_many.message), language)
    return register


def tally_run(
    protocols: Path,
    kind: QuestionKind,
    register: Path | None = None,
    as_json: bool = False,
    abroad_unit: str = "astana",
    lang: str | None = None,
) -> int:
    """The tally command: prints the result (or why there is none) in ``lang`` (else the locale's language) and
    returns the exit status. ``--json`` is the same in every language."""
    language = cli_language(lang)
    try:
        try:
            registry = UnitRegistry(abroad_unit=abroad_unit)
        except UnknownUnitError as exc:
            unknown = plain_render(msg("unknown_unit", unit=repr(exc.name)), language)
            err().print(f"[red]--abroad-unit: {unknown}[/red]")
            return 2
        try:
            with protocols.open(encoding="utf-8", newline="") as stream:
                parsed = read_csv_rows(stream, registry=registry)
        except (OSError, UnicodeDecodeError, ProtocolFileError) as exc:
            raise unreadable(protocols, exc, language) from None
        if not parsed.protocols and not parsed.rejected:
            raise unreadable(protocols, ProtocolFileError(msg("file_no_protocols")), language)
        bound = register_read(register, registry, language) if register is not None else None
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
        print_result(result, stdout(), language)
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
        elif dest == "lang":
            parser.add_argument(option.flag, dest=dest, default=option.default, choices=[x.value for x in Lang])
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
        lang=args.lang,
    )
