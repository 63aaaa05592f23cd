"""`atazan referendum …`: tally a protocols file, verify a published bundle, import, export.

`tally` and `verify` need no database: they read a file and print what the law makes of it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from atazan.messages.cli import cli_language
from atazan.messages.domain import Msg, declare
from atazan.messages.plain import plain_render
from atazan.referendum.cli_tally import (
    TALLY_HELP,
    TALLY_OPTIONS,
    TALLY_PROTOCOLS_HELP,
    Lang,
    err,
    print_result,
    reason,
    rejection_said,
    rule_name,
    stdout,
    tally_run,
    unreadable,
)
from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.messages import VOICE, figure, msg
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv_rows, read_json, write_csv
from atazan.referendum.domain.register import (
    RegisterFileError,
    read_register_csv,
    register_from_protocols,
)
from atazan.referendum.domain.tally import refused_protocols
from atazan.referendum.domain.units import UnitRegistry

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from atazan.referendum.models import Question

app = typer.Typer(help="The nationwide referendum: tally, verify, import, export.", no_args_is_help=True)

# Commands that read files only: `atazan` runs them without setting Django up (atazan/cli.py). Nothing here imports
# Django, the database layer or rich (the console is imported when something is drawn) at module level.
DATABASE_FREE = frozenset({"tally", "verify", "model-csv"})


_err = err
_print_result = print_result
_unreadable_file = unreadable


def _console() -> Console:
    from rich.console import Console

    return Console()


_stdout = stdout


def _unreadable(path: Path, exc: BaseException, language: str = "en") -> typer.Exit:
    """Exit status 2: the file as a whole cannot be read (missing, a directory, not UTF-8, not CSV, no header)."""
    return typer.Exit(_unreadable_file(path, exc, language).code)


def _tally_option(name: str) -> Any:  # typer.Option(...) for an Annotated parameter
    option = TALLY_OPTIONS[name]
    return typer.Option(option.flag, help=option.help)


# The command's options and help are cli_tally's (one definition): `atazan` runs a well-formed tally command line
# there without importing Typer, and this declaration is what --help and usage errors come from.
@app.command("tally", help=TALLY_HELP)
def tally_command(
    protocols: Annotated[Path, typer.Argument(help=TALLY_PROTOCOLS_HELP)],
    kind: Annotated[QuestionKind, _tally_option("kind")],
    register: Annotated[Path | None, _tally_option("register")] = TALLY_OPTIONS["register"].default,
    as_json: Annotated[bool, _tally_option("as_json")] = TALLY_OPTIONS["as_json"].default,
    abroad_unit: Annotated[str, _tally_option("abroad_unit")] = TALLY_OPTIONS["abroad_unit"].default,
    lang: Annotated[Lang | None, _tally_option("lang")] = TALLY_OPTIONS["lang"].default,
) -> None:
    raise typer.Exit(
        tally_run(
            protocols,
            kind,
            register=register,
            as_json=as_json,
            abroad_unit=abroad_unit,
            lang=lang.value if lang is not None else None,
        )
    )


# A bundle problem's kind (integrity.ProblemKind) as the console names it in Kazakh and Russian (English: the code).
PROBLEM_KINDS: dict[str, str] = declare(
    "referendum",
    {
        "malformed": "malformed",
        "changed": "changed",
        "missing": "missing",
        "reordered": "reordered",
        "duplicate": "duplicate",
        "chain": "chain broken",
        "totals": "totals differ",
        "authority": "authority",
    },
    context="bundle problem",
)


@app.command("verify")
def verify_command(
    bundle: Annotated[Path, typer.Argument(help="A bundle published by `atazan referendum bundle`.")],
    authority_key: Annotated[
        str | None, typer.Option(help="Hex public key of the Central Referendum Commission to pin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON on stdout.")] = False,
    lang: Annotated[Lang | None, _tally_option("lang")] = None,
) -> None:
    """Recompute every total and the outcome from the bundle alone; report changed, missing or reordered records.
    Exit status 0 when the bundle is intact, 1 when anything is wrong."""
    from atazan.referendum.domain.integrity import bundle_verify  # signatures: only this command needs them

    language = cli_language(lang.value if lang is not None else None)

    def said(message: Msg) -> str:
        return plain_render(message, language)

    try:
        data = bundle.read_bytes()
    except OSError as exc:
        _err().print(f"[red]{bundle}: {reason(exc, language)}[/red]")
        raise typer.Exit(2) from None
    report = bundle_verify(data, authority_key=bytes.fromhex(authority_key) if authority_key else None)
    if as_json:
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False) + "\n")
    else:
        out = _stdout()
        if report.synthetic:
            synthetic = VOICE.msg("The bundle says its precinct figures are a synthetic model, not official data.")
            out.print(f"[yellow]{said(synthetic)}")
        if report.result is not None:
            _print_result(report.result, out, language)
        out.print(said(VOICE.msg("{count} records checked.", count=report.records)))
        for p in report.problems[:200]:
            kind = p.kind.value
            if language != "en":
                kind = said(Msg(PROBLEM_KINDS[kind], domain="referendum", context="bundle problem"))
            out.print(f"[red]{kind}[/red]: {said(p.msg) if p.msg is not None else p.message}")
        if len(report.problems) > 200:
            out.print(said(VOICE.msg("… and {count} more problems", count=len(report.problems) - 200)))
        out.print(
            f"[green]{said(VOICE.msg('Bundle intact: every signature, link and total checks out.'))}[/green]"
            if report.ok
            else f"[red]{said(VOICE.msg('Bundle NOT intact: {count} problem(s).', count=len(report.problems)))}[/red]"
        )
    raise typer.Exit(0 if report.ok else 1)


def _progress(console: Console) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


@app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="CSV or JSON protocols file.")],
    question: Annotated[str, typer.Option(help="Question slug.")] = "2026-constitution",
    actor: Annotated[str, typer.Option(help="Who is importing (goes into the audit log).")] = "cli",
    chunk: Annotated[
        int, typer.Option(min=1, help="Protocols per committed chunk (each chunk is one transaction).")
    ] = 2000,
    lang: Annotated[Lang | None, _tally_option("lang")] = None,
) -> None:
    """Import protocols into the database with a progress bar; rejected ones go to the review queue.

    The import commits chunk by chunk; if it is interrupted (even killed), run the same command again: what was
    stored is recognised as unchanged and the rest is imported, with nothing counted twice."""
    from atazan.referendum import selectors, services

    language = cli_language(lang.value if lang is not None else None)
    q = _question(question, language)
    registry = selectors.registry_for(q)
    try:
        text = path.read_text(encoding="utf-8")
        is_json = path.suffix.lower() == ".json"
        parsed = (
            read_json(text, registry=registry) if is_json else read_csv_rows(text.splitlines(True), registry=registry)
        )
    except (OSError, UnicodeDecodeError, ProtocolFileError) as exc:
        raise _unreadable(path, exc, language) from None
    if not parsed.protocols and not parsed.rejected:
        raise _unreadable(path, ProtocolFileError(msg("file_no_protocols")), language)
    console = _console()
    with _progress(console) as progress:
        importing = plain_render(VOICE.msg("Importing {file}", file=path.name), language)
        task = progress.add_task(importing, total=len(parsed.protocols))
        report = services.protocols_import(
            question=q,
            parsed=parsed,
            source=path.name,
            actor=actor,
            progress=lambda n: progress.advance(task, n),
            batch_size=chunk,
        )
        progress.update(task, completed=len(parsed.protocols))
    summary = VOICE.msg(
        "accepted {accepted}, unchanged {unchanged}, duplicates {duplicates}, conflicts {conflicts}, sent to review "
        "{reviewed} ({written} of {chunks} chunk(s) wrote anything)",
        accepted=report.accepted,
        unchanged=report.unchanged,
        duplicates=report.duplicates,
        conflicts=report.conflicts,
        reviewed=report.reviewed,
        written=report.chunks_committed,
        chunks=report.chunks,
    )
    console.print(plain_render(summary, language), markup=False)
    refused = refused_protocols(report.rejected)
    for r in refused[:50]:
        rules = "; ".join(f"{rule_name(x.rule.value, language)}: {rejection_said(x, language)}" for x in r.rejections)
        precinct = r.precinct or "?"
        line = (
            VOICE.msg(
                "refused: precinct {precinct} (line {line}): {rules}", precinct=precinct, line=str(r.line), rules=rules
            )
            if r.line is not None
            else VOICE.msg("refused: precinct {precinct}: {rules}", precinct=precinct, rules=rules)
        )
        console.print(f"  {plain_render(line, language)}", markup=False, highlight=False)
    if len(refused) > 50:
        more = VOICE.msg("… and {count} more protocols in the review queue", count=len(refused) - 50)
        console.print(f"  {plain_render(more, language)}", markup=False)
    raise typer.Exit(1 if report.rejected else 0)


@app.command("electorate")
def electorate_command(
    path: Annotated[Path, typer.Argument(help="CSV: precinct,unit,voters,published_on,source (district optional).")],
    question: Annotated[str, typer.Option(help="Question slug.")] = "2026-constitution",
    actor: Annotated[str, typer.Option(help="Who is recording (goes into the audit log).")] = "cli",
    synthetic: Annotated[bool, typer.Option(help="Mark the lists as a model, not published figures.")] = False,
) -> None:
    """Record the lists of voters published before voting (one size per precinct, with date and source)."""
    from atazan.referendum import selectors, services
    from atazan.referendum.domain.electorate import ElectorateFileError, read_electorate_csv
    from atazan.referendum.models import Question

    try:
        q = selectors.question_get(question)
    except Question.DoesNotExist:
        _err().print(f"[red]no referendum question {question!r}[/red]")
        raise typer.Exit(2) from None
    try:
        parsed = read_electorate_csv(path.read_text(encoding="utf-8").splitlines(True))
    except (OSError, UnicodeDecodeError, ElectorateFileError) as exc:
        raise _unreadable(path, exc) from None
    if not parsed.entries and not parsed.problems:
        raise _unreadable(path, ElectorateFileError("the file lists no precincts, only a header"))
    report = services.electorate_record(
        question=q,
        entries=parsed.entries,
        actor=actor,
        registry=selectors.registry_for(q),
        synthetic=synthetic,
        source=path.name,
    )
    out = _stdout()
    for problem in parsed.problems:
        out.print(f"[red]{problem.message}[/red]")
    for message in report.problems:
        out.print(f"[red]{message}[/red]")
    out.print(
        f"recorded {report.recorded}, unchanged {report.unchanged}, "
        f"refused {len(parsed.problems) + len(report.problems)}"
    )
    if parsed.problems or report.problems:
        raise typer.Exit(1)


def _question(slug: str, language: str = "en") -> Question:
    """The stored question, or exit 2 naming it (never a traceback)."""
    from atazan.referendum import selectors
    from atazan.referendum.models import Question

    try:
        return selectors.question_get(slug)
    except Question.DoesNotExist:
        missing = VOICE.msg("no referendum question {slug}; run `atazan demo` or create it first", slug=repr(slug))
        _err().print(f"[red]{plain_render(missing, language)}[/red]", markup=True, highlight=False)
        raise typer.Exit(2) from None


@app.command("register")
def register_command(
    path: Annotated[Path, typer.Argument(help="CSV: precinct,unit,district,registered (address optional).")],
    actor: Annotated[str, typer.Option(help="Who is loading (goes into the audit log).")] = "cli",
    lang: Annotated[Lang | None, _tally_option("lang")] = None,
) -> None:
    """Load the precinct register: the precincts that exist, their unit and district, the citizens each lists and
    its address. Protocols are counted only for precincts on it. Running it again changes nothing.

    Exit status: 0 every precinct loaded or unchanged; 1 some refused (each named with its rule; the rest loaded,
    or nothing when the total is implausible); 2 the file cannot be read at all or lists no precincts."""
    from atazan.referendum import services
    from atazan.referendum.domain.units import UnitRegistry as Registry

    language = cli_language(lang.value if lang is not None else None)
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            parsed = read_register_csv(stream, registry=Registry())
    except (OSError, UnicodeDecodeError, RegisterFileError) as exc:
        raise _unreadable(path, exc, language) from None
    if not parsed.precincts and not parsed.problems:
        only_header = VOICE.msg("the file lists no precincts, only a header")
        raise _unreadable(path, RegisterFileError(only_header), language)
    report = services.register_load(precincts=parsed.precincts, actor=actor, source=path.name)
    out = _stdout()
    for problem in [*parsed.problems, *report.refused]:
        rule = rule_name(problem.rule.value, language)
        values = {"precinct": problem.precinct or "?", "rule": rule, "problem": rejection_said(problem, language)}
        line = (
            VOICE.msg("refused: {precinct}: {rule}: line {line}: {problem}", line=str(problem.line), **values)
            if problem.line is not None and "line" not in problem.message
            else VOICE.msg("refused: {precinct}: {rule}: {problem}", **values)
        )
        out.print(plain_render(line, language), markup=False)
    summary = VOICE.msg(
        "register: created {created}, updated {updated}, unchanged {unchanged}, refused {refused}",
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        refused=len(parsed.problems) + len(report.refused),
    )
    out.print(plain_render(summary, language), markup=False)
    raise typer.Exit(1 if parsed.problems or report.refused else 0)


@app.command("bundle")
def bundle_command(
    out: Annotated[Path, typer.Argument(help="Where to write the bundle (JSON Lines).")],
    question: Annotated[str, typer.Option(help="Question slug.")] = "2026-constitution",
) -> None:
    """Publish the signed protocols of a question as a verifiable bundle."""
    from atazan.referendum import demo, selectors

    q = _question(question)
    data = selectors.bundle_for(q, authority_key=demo.authority_key())
    out.write_bytes(data)
    _err().print(f"wrote {out} ({len(data):,} bytes); signed with the demo Central Commission key")


@app.command("export-nist")
def export_nist_command(
    out: Annotated[Path, typer.Argument(help="Where to write the NIST SP 1500-100 v2 report.")],
    question: Annotated[str, typer.Option(help="Question slug.")] = "2026-constitution",
    precincts: Annotated[bool, typer.Option(help="Include districts and precincts as reporting units.")] = False,
    output_format: Annotated[str, typer.Option("--format", help="json or xml (both valid against NIST's schemas).")] = (
        "json"
    ),
) -> None:
    """Export the result as a NIST SP 1500-100 v2 ElectionReport (BallotMeasureContest, type referendum)."""
    from atazan.referendum.nist_export import question_nist_report
    from atazan.standards.nist_xml import report_xml

    if output_format not in {"json", "xml"}:
        _err().print(f"--format {output_format!r}: use json or xml", markup=False)
        raise typer.Exit(2)
    report = question_nist_report(_question(question), precincts=precincts)
    if output_format == "xml":
        out.write_bytes(report_xml(report))
    else:
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    _err().print(f"wrote {out} (NIST SP 1500-100 v2, {output_format}, status {report['Status']})", markup=False)


@app.command("model-csv")
def model_csv_command(
    out: Annotated[Path, typer.Argument(help="Where to write the CSV.")],
    register: Annotated[Path | None, typer.Option(help="Also write the model's precinct register (CSV) here.")] = None,
) -> None:
    """Write the synthetic model of the 10,459 protocols of 15 March 2026 (sums = official totals) as CSV."""
    import csv

    from atazan.referendum.domain.synthetic import model_precincts

    model = model_precincts()
    with out.open("w", encoding="utf-8", newline="") as stream:
        stream.writelines(write_csv(m.protocol for m in model))
    _err().print(f"wrote {out}: a MODEL, not official precinct data")
    if register is not None:
        registry = UnitRegistry()
        with register.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(("precinct", "unit", "district", "registered", "address"))
            for m, p in zip(model, register_from_protocols(x.protocol for x in model), strict=True):
                unit = "Abroad" if p.abroad else registry.by_code[p.unit].name_en
                writer.writerow((p.number, unit, p.district, p.registered, m.label))
        _err().print(f"wrote {register}: the model's register (a MODEL, not the official register)")


def _counter_column(column: str, language: str) -> str | Msg:
    """A result counter's column as the recount names it: the field in English, its name in Kazakh and Russian."""
    if language == "en":
        return column
    if column == "precincts":
        return VOICE.label("precincts counted", context="result counter")
    return figure(column)


@app.command("recount")
def recount_command(
    question: Annotated[str | None, typer.Option(help="Question slug; every question when omitted.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Only name the differences; write nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the differences as JSON.")] = False,
    actor: Annotated[str, typer.Option(help="Who is recounting (goes into the audit log).")] = "cli",
    lang: Annotated[Lang | None, _tally_option("lang")] = None,
) -> None:
    """Sum every current protocol version again from scratch and compare with the result counters the pages and
    the API read; name every difference and, without --check, make the counters equal to the recount (audited).

    Exit status: 0 no difference; 1 differences found (repaired unless --check); 2 no such question."""
    from atazan.referendum import selectors, services

    language = cli_language(lang.value if lang is not None else None)
    questions = [_question(question, language)] if question is not None else selectors.question_list()
    found: list[dict[str, Any]] = []
    for q in questions:
        for difference in services.counters_recount(question=q, actor=actor, write=not check):
            found.append({"question": q.slug, **difference.as_dict()})
    if as_json:
        print(json.dumps({"questions": [q.slug for q in questions], "written": not check, "differences": found}))
    else:
        out = _stdout()
        for d in found:
            where = "/".join(x for x in (d["question"], d["level"], d["unit"], d["district"]) if x)
            line = VOICE.msg(
                "{where}: {column} stored {stored}, recounted {recounted}",
                where=where,
                column=_counter_column(str(d["column"]), language),
                stored=str(d["stored"]),
                recounted=str(d["recounted"]),
            )
            out.print(plain_render(line, language), markup=False)
        if not found:
            summary = VOICE.msg("no difference: the counters equal a recount")
        elif check:
            summary = VOICE.msg("{count} difference(s) found", count=len(found))
        else:
            summary = VOICE.msg("{count} difference(s) found and repaired", count=len(found))
        out.print(plain_render(summary, language))
    raise typer.Exit(1 if found else 0)
