"""`atazan elections …`: allocate seats from a JSON file (a contract other tools rely on), import, export."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from atazan.elections.domain import (
    ElectionsError,
    Method,
    allocate,
    allocation_input_from_mapping,
    allocation_steps,
)
from atazan.elections.domain.bounds import json_nesting_check
from atazan.elections.domain.explain import Step
from atazan.elections.domain.mandates import EndGround

app = typer.Typer(help="Kurultai elections: seat allocation (Art. 97-1), results, mandates.", no_args_is_help=True)

# Commands that read files only: `atazan` runs them without setting Django up (atazan/cli.py); nothing here imports
# Django or rich at module level (the console is imported when something is drawn).
DATABASE_FREE = frozenset({"allocate"})

BAD_INPUT = 2


def _fail(message: str) -> NoReturn:
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(f"error: {message}", highlight=False, markup=False)
    raise typer.Exit(BAD_INPUT)


def _read_json(path: Path) -> Any:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot read the input file ({exc.strerror})")
    try:
        json_nesting_check(text, record=str(path))  # before parsing: Python's json recurses once per level
        return json.loads(text)
    except ElectionsError as error:
        _fail(str(error))
    except json.JSONDecodeError as exc:
        _fail(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}) [allocation input format]")


class Lang(enum.StrEnum):
    EN = "en"
    KK = "kk"
    RU = "ru"


@app.command("allocate")
def allocate_command(
    input_file: Annotated[Path, typer.Argument(metavar="INPUT.json", help="Seats, took_part, threshold and lists.")],
    method: Annotated[
        Method, typer.Option(help="hare is the law (Art. 97-1); the others are for comparison only.")
    ] = Method.HARE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: seats, quota, admitted, steps.")] = False,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the explained steps: en, kk or ru; default: LANG.")
    ] = None,
) -> None:
    """Allocate seats among party lists as Art. 97-1 of the Constitutional Law on Elections does.

    INPUT.json: {"seats": 69, "took_part": 6366441, "threshold_percent": 5, "lists": [{"party": "AMANAT",
    "votes": 3431510, "registration_order": 1}, ...]}. Bad input exits with code 2 and names the rule.
    The steps are in the language of --lang, else of LANG (English for any other; error messages stay in English).
    """
    from atazan.messages.cli import cli_language

    lang = Lang(cli_language(lang.value if lang is not None else None))
    data = _read_json(input_file)
    try:
        result = allocate(allocation_input_from_mapping(data), method)
    except ElectionsError as error:
        _fail(str(error))
    steps = _steps_in(lang, allocation_steps(result))
    if as_json:
        payload = {
            "seats": result.seats,
            "quota": str(result.quota) if result.quota is not None else None,
            "admitted": list(result.admitted),
            "steps": steps,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = Console(highlight=False)
    out.print(f"[bold]{escape(steps[0]['text'])}[/bold]")
    for step in steps[1:]:
        out.print(f"• {escape(step['text'])}  [dim]({escape(step['ref'])})[/dim]")
    table = Table("party", "votes", "admitted", "whole", "extra", "seats")
    for o in result.outcomes:
        table.add_row(o.party, str(o.votes), o.admission.value, str(o.whole), str(o.extra), str(o.seats))
    out.print(table)


def _steps_in(lang: Lang, steps: tuple[Step, ...]) -> list[dict[str, str]]:
    """The steps in ``lang``: English straight from the domain, Kazakh or Russian from the context's catalogue."""
    if lang is Lang.EN:
        return [s.as_dict() for s in steps]
    from atazan.cli import django_setup

    django_setup()  # the catalogues are Django's: kk and ru need it set up (no database is touched)
    from django.utils import translation

    from atazan.elections.translation import steps_render

    with translation.override(lang.value):
        return [s.as_dict() for s in steps_render(steps)]


def _election(slug: str) -> Any:
    from atazan.elections.models import Election

    election = Election.objects.filter(slug=slug).first()
    if election is None:
        _fail(f"election {slug!r}: no such election")
    return election


SOME_REFUSED = 1


def _rows(path: Path, *, kind: str) -> list[dict[str, Any]]:
    """The file's rows; exit 2 naming the file and the rule when it cannot be read as rows at all."""
    from atazan.elections.services import rows_from_text

    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(f"{path}: cannot read ({exc.strerror})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(
            f"{path}: the file is not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8 [import file encoding]"
        )
    fmt = "json" if path.suffix.lower() == ".json" else "csv"
    try:
        return rows_from_text(text, fmt=fmt, kind=kind)
    except ElectionsError as exc:
        _fail(f"{path}: {exc}")


def _import(kind: str, slug: str, file: Path) -> None:
    """Run one import; exit 0 when every row was taken, 1 when any was refused (kept for review), 2 unreadable."""
    from atazan.elections import services

    run = {"lists": services.lists_register, "results": services.results_import,
           "candidates": services.candidates_import}[kind]  # fmt: skip
    election = _election(slug)
    report = run(election=election, rows=_rows(file, kind=kind), source=file.name, actor="cli")
    _print_report(report)
    if not report.complete:
        raise typer.Exit(SOME_REFUSED)


@app.command("register-lists")
def register_lists(
    slug: str,
    file: Annotated[Path, typer.Argument(help="CSV or JSON rows: party, registration_order[, color]")],
) -> None:
    """Register the party lists the CEC registered for an election: results and candidates are taken only for them.
    Exit 0 all taken, 1 some refused (kept for review), 2 unreadable file."""
    _import("lists", slug, file)


@app.command("import-results")
def import_results(
    slug: str,
    file: Annotated[Path, typer.Argument(help="CSV or JSON rows: party, votes[, registration_order][, region]")],
) -> None:
    """Import votes per registered list (and per region); rows for an unregistered party or an unknown region are
    refused and kept for review, never created. Idempotent. Exit 0 all taken, 1 some refused, 2 unreadable file."""
    _import("results", slug, file)


@app.command("import-candidates")
def import_candidates(slug: str, file: Annotated[Path, typer.Argument(help="CSV or JSON rows of candidates")]) -> None:
    """Import registered candidates of registered lists; ineligible ones (Constitution 2026, Art. 54(3)) and those
    of an unknown party are kept for review. Exit 0 all taken, 1 some refused, 2 unreadable file."""
    _import("candidates", slug, file)


def _print_report(report: Any) -> None:
    from rich.console import Console

    out = Console(highlight=False, markup=False, soft_wrap=True)
    out.print(f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
              f"rejected {len(report.rejected)}")  # fmt: skip
    for row in report.rejected:
        out.print(f"  row {row.row_number}: {row.record}: {row.error} [{row.rule}]")
    if report.rejected:
        out.print("incomplete: the refused rows are kept for review (`atazan elections review`)")


@app.command("review")
def review_command(
    slug: str,
    close: Annotated[int | None, typer.Option(help="Id of a refused row whose review is done.")] = None,
    note: Annotated[str, typer.Option(help="What was done with it (required with --close).")] = "",
) -> None:
    """List the refused rows waiting for review (the election's results stay provisional while any does), or close
    the review of one with --close ID --note TEXT (audited)."""
    from rich.console import Console

    from atazan.elections import models, selectors, services

    election = _election(slug)
    out = Console(highlight=False, markup=False, soft_wrap=True)
    if close is not None:
        row = models.RejectedRow.objects.filter(election=election, pk=close).first()
        if row is None:
            _fail(f"election {slug!r}: no refused row {close}")
        try:
            services.rejected_row_review(row=row, actor="cli", note=note)
        except ElectionsError as error:
            _fail(str(error))
        out.print(f"row {close}: review closed")
    pending = list(selectors.rejected_rows(election=election))
    for row in pending:
        out.print(f"{row.pk}: {row.import_kind} {row.source_name} row {row.row_number}: {row.record}: {row.error} "
                  f"[{row.rule}]")  # fmt: skip
    complete = selectors.review_pending(election=election) == 0
    out.print(f"{len(pending)} waiting for review" + ("; the results are complete" if complete else ""))


@app.command("seats")
def seats(slug: str, method: Annotated[Method, typer.Option()] = Method.HARE) -> None:
    """Allocate a stored election's seats and record the allocation (audited). JSON with "complete": false and exit 1
    while refused rows of the election wait for review."""
    from atazan.elections.selectors import review_pending
    from atazan.elections.services import seats_allocate

    election = _election(slug)
    try:
        row = seats_allocate(election=election, actor="cli", method=method)
    except ElectionsError as error:
        _fail(str(error))
    pending = review_pending(election=election)
    payload = {"seats": row.seats, "quota": row.quota, "complete": pending == 0, "kept_for_review": pending}
    typer.echo(json.dumps(payload, ensure_ascii=False))
    if pending:  # provisional: refused rows may hold votes the allocation left out
        raise typer.Exit(SOME_REFUSED)


@app.command("export-nist")
def export_nist(
    slug: str,
    out: Annotated[Path | None, typer.Argument(help="Where to write the report (default: print it).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="json or xml (both valid against NIST's schemas).")] = (
        "json"
    ),
) -> None:
    """The election's results as a NIST SP 1500-100 v2 ElectionReport (PartyContest), JSON or XML."""
    from atazan.elections.selectors import nist_report
    from atazan.standards.nist_xml import report_xml

    if output_format not in {"json", "xml"}:
        _fail(f"--format {output_format!r}: use json or xml")
    report = nist_report(election=_election(slug))
    body = report_xml(report) if output_format == "xml" else json.dumps(report, ensure_ascii=False, indent=2).encode()
    if out is None:
        sys.stdout.buffer.write(body if body.endswith(b"\n") else body + b"\n")
        sys.stdout.flush()
    else:
        out.write_bytes(body)


@app.command("regions")
def regions_command(
    slug: str,
    party: Annotated[int | None, typer.Option(help="Registration number of a list: its share per region.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON rows instead of a table.")] = False,
) -> None:
    """Results by region (the 20 units): the leading list and its share, or one list's share, as on the regions page."""
    from django.utils import translation
    from rich.console import Console
    from rich.table import Table

    from atazan.elections.selectors import region_map

    election = _election(slug)
    chosen = election.party_lists.filter(registration_order=party).first() if party is not None else None
    if party is not None and chosen is None:
        _fail(f"election {slug!r}: no list with registration number {party}")
    with translation.override("en"):  # the console speaks English (unit names as in the referendum context)
        data = region_map(election=election, party=chosen)
    if as_json:
        rows = [
            {"unit": r.code, "name": r.name, "votes_all_lists": r.total, "leader": r.leader or None,
             "leader_share_percent": r.leader_share or None, "party_votes": r.party_votes,
             "party_share_percent": r.party_share or None}
            for r in data.rows
        ]  # fmt: skip
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("region", "votes for all lists", "leading list", "its share %",
                  *((f"{chosen.party} votes", f"{chosen.party} %") if chosen else ()))  # fmt: skip
    for r in data.rows:
        extra = (str(r.party_votes if r.party_votes is not None else "—"), r.party_share or "—") if chosen else ()
        table.add_row(r.name, str(r.total) if r.has_data else "—", r.leader or "—", r.leader_share or "—", *extra)
    Console(highlight=False).print(table)


@app.command("terminate")
def terminate_command(
    slug: str,
    key: Annotated[str, typer.Argument(help="The deputy's registration number on the list (candidate key).")],
    ground: Annotated[EndGround, typer.Option(help="Ground of Constitution 2026, Art. 55(4).")],
    on: Annotated[str, typer.Option(help="Date the mandate ended, YYYY-MM-DD.")],
    nominee: Annotated[str | None, typer.Option(help="Successor named by the party's governing body.")] = None,
) -> None:
    """End a deputy's mandate and pass the seat on (Constitutional Law on Elections, Art. 97-1(6)); audited."""
    from datetime import date

    from atazan.elections.services import mandate_terminate

    election = _election(slug)
    mandate = election.mandates.filter(candidate__key=key, ended__isnull=True).first()
    if mandate is None:
        _fail(f"election {slug!r}: nobody with key {key!r} holds a mandate")
    try:
        day = date.fromisoformat(on)
    except ValueError:
        _fail(f"--on: a date as YYYY-MM-DD, got {on!r}")
    try:
        successor = mandate_terminate(mandate=mandate, ground=ground, on_day=day, actor="cli", nominee=nominee)
    except ElectionsError as error:
        _fail(str(error))
    if successor is None:
        typer.echo(f"{mandate.candidate.full_name}: mandate ended ({ground.ref}); the seat stays vacant")
    else:
        typer.echo(f"{mandate.candidate.full_name}: mandate ended ({ground.ref}); successor "
                   f"{successor.candidate.full_name} ({successor.candidate.key})")  # fmt: skip
