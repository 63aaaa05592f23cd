"""`atazan consultation …`: analyse a proposals file, import e-Otinish exports, recompute groups and themes."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(help="Public consultation: proposals, duplicates, themes, articles.", no_args_is_help=True)
err = Console(stderr=True)

# Commands that read a file or compute a date only: `atazan` runs them without setting Django up (atazan/cli.py).
DATABASE_FREE = frozenset({"analyze", "deadline"})


@app.command()
def analyze(
    proposals: Annotated[Path, typer.Argument(help="CSV with header id,text[,language,region,submitted_at]")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the machine-readable result.")] = False,
    engine: Annotated[str, typer.Option(help="Theme embeddings: auto, e5 or ngram.")] = "auto",
    max_embedded: Annotated[int, typer.Option(help="At most this many texts go through the model.")] = 3000,
) -> None:
    """Duplicate groups, themes and article mentions of a proposals file. Bad input exits with status 2."""
    from atazan.consultation.domain.analysis import proposals_analyze, proposals_read_csv
    from atazan.consultation.domain.errors import ConsultationError
    from atazan.consultation.domain.import_file import FileUnreadable, text_decode
    from atazan.consultation.domain.themes import embedder_available

    try:
        text, _encoding = text_decode(proposals.read_bytes(), file=proposals.name)
    except OSError as error:
        typer.echo(f"file {proposals}: cannot be read ({error.strerror or error})", err=True)
        raise typer.Exit(2) from None
    except FileUnreadable as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None
    try:
        records = proposals_read_csv(text)
        embedder = embedder_available(engine)
    except (ConsultationError, ValueError) as error:
        typer.echo(f"{proposals}: {error}", err=True)
        raise typer.Exit(2) from None
    report = proposals_analyze(records, embedder=embedder, max_embedded=max_embedded)
    if as_json:
        typer.echo(json.dumps(report.as_json(), ensure_ascii=False))
        return
    out = Console()
    out.print(f"{len(records)} proposals · themes by {report.engine}")
    out.print(f"[bold]{len(report.duplicate_groups)} duplicate groups[/bold] "
              f"({sum(len(g) for g in report.duplicate_groups)} proposals, all kept)")  # fmt: skip
    for group in report.duplicate_groups[:20]:
        out.print(f"  {len(group)}× {', '.join(group[:8])}{' …' if len(group) > 8 else ''}")
    out.print(f"[bold]{len(report.themes)} themes[/bold]")
    for theme in report.themes:
        out.print(f"  {theme.label}: {len(theme.members)} (e.g. {', '.join(theme.representatives)})")
    out.print(f"[bold]{len(report.articles)} proposals name articles[/bold]")


@app.command("import")
def import_(
    path: Annotated[
        Path,
        typer.Argument(
            help="e-Otinish export (.csv or .xlsx) with registration_number, kind, "
            "surname, name, patronymic, iin, region, language, text, submitted_at"
        ),
    ],
) -> None:
    """Import appeals; idempotent by registration number; bad rows are reported and kept for review. A number
    already registered with different content is a conflict: refused, kept for review, the registered appeal
    unchanged. Exit 0 when every row was taken in (or was already there), 1 when any row was refused, 2 when the
    file cannot be read at all (encoding, not a workbook, no header): nothing is imported then."""
    from atazan.consultation.domain.import_file import FileUnreadable
    from atazan.consultation.import_read import import_table_read
    from atazan.consultation.models import ImportRejection
    from atazan.consultation.services import proposals_import

    try:
        table = import_table_read(path)
    except FileUnreadable as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None
    except OSError as error:
        typer.echo(f"file {path}: cannot be read ({error.strerror or error})", err=True)
        raise typer.Exit(2) from None
    err.print(f"{path.name}: read as {table.encoding}, {len(table.rows)} rows")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err) as progress:  # fmt: skip
        task = progress.add_task(f"importing {path.name}", total=len(table.rows))
        # run from the server's console: recorded as given (docs/security.md, actor_authorize)
        summary = proposals_import(table.rows, source=path.name, actor=f"console:{getpass.getuser()}",
                                   on_row=lambda: progress.advance(task))  # fmt: skip
    out = Console(highlight=False, soft_wrap=True)  # one line per rejection, whatever the terminal
    conflicts = f" ({summary.conflicts} conflicting with a registered appeal)" if summary.conflicts else ""
    out.print(f"created {summary.created}, already present {summary.unchanged}, rejected {summary.rejected}"
              f"{conflicts}", markup=False)  # fmt: skip
    for rejection in ImportRejection.objects.filter(source=path.name[:200]).order_by("row")[:50]:
        # rules kept since issue 13 begin with their row; older ones do not
        line = rejection.rule if rejection.rule.startswith("row ") else f"row {rejection.row}: {rejection.rule}"
        out.print(f"  {line}", markup=False)
    if summary.rejected:
        raise typer.Exit(1)


@app.command()
def reanalyse(
    engine: Annotated[str, typer.Option(help="Theme embeddings: auto, e5 or ngram.")] = "auto",
) -> None:
    """Recompute duplicate groups and themes over every stored proposal."""
    from atazan.consultation.domain.themes import embedder_available
    from atazan.consultation.services import analysis_apply

    summary = analysis_apply(embedder=embedder_available(engine))
    Console().print(f"{summary.proposals} proposals, {summary.groups} duplicate groups, {summary.themes} themes "
                    f"({summary.engine})")  # fmt: skip


@app.command()
def stats() -> None:
    """The dashboard's figures as text."""
    from atazan.consultation.selectors import dashboard_counts

    out = Console()
    for name, pairs in dashboard_counts().items():
        out.print(f"[bold]{name}[/bold]")
        for key, n in pairs:
            out.print(f"  {key[:60]}: {n}")


@app.command()
def attach(
    number: Annotated[str, typer.Argument(help="Registration number of the proposal")],
    files: Annotated[list[Path], typer.Argument(help="Files from the e-Otinish export (PDF, PNG, JPEG or text)")],
) -> None:
    """Attach files to a registered proposal. Idempotent: a file already attached changes nothing. Prints, per file,
    accepted / already attached / refused with the rule; exits 2 if any file was refused or unreadable."""
    from atazan.consultation.domain.attachments import MAX_ATTACHMENT_BYTES, AttachmentUpload, Outcome
    from atazan.consultation.models import Proposal
    from atazan.consultation.services import attachments_add

    proposal = Proposal.objects.filter(registration_number=number).first()
    if proposal is None:
        typer.echo(f"{number}: no proposal with this registration number", err=True)
        raise typer.Exit(2)
    uploads, unreadable = [], []
    for path in files:
        try:
            size = path.stat().st_size
            # a file over the limit is refused by its size, without reading it
            content = path.read_bytes() if 0 < size <= MAX_ATTACHMENT_BYTES else None
        except OSError as error:
            unreadable.append(f"{path}: cannot read ({error.strerror})")
            continue
        uploads.append(AttachmentUpload(name=path.name, size=size, content=content))
    # run from the server's console: recorded as given (docs/security.md, actor_authorize)
    verdicts = attachments_add(proposal=proposal, uploads=uploads, actor=f"console:{getpass.getuser()}")
    for verdict in verdicts:
        typer.echo(str(verdict))
    for line in unreadable:
        typer.echo(line, err=True)
    accepted = sum(v.outcome is Outcome.ACCEPTED for v in verdicts)
    already = sum(v.outcome is Outcome.ALREADY for v in verdicts)
    refused = len(verdicts) - accepted - already + len(unreadable)
    typer.echo(f"{number}: {accepted} accepted, {already} already attached, {refused} refused")
    if refused:
        raise typer.Exit(2)


@app.command()
def notify(
    digest: Annotated[bool, typer.Option("--digest", help="Also send the daily digest emails.")] = False,
) -> None:
    """Make the notifications of every status change and Commission decision since the last run and email them
    (each time, or with --digest the daily digests). Idempotent; run it from cron next to `atazan worker`."""
    from atazan.consultation.notifications import digest_send, notifications_dispatch

    made = notifications_dispatch()
    sent = digest_send() if digest else 0
    typer.echo(json.dumps({"notifications": made, "digests": sent}))


@app.command()
def deadline(
    registered: Annotated[str, typer.Argument(help="Date the appeal arrived, YYYY-MM-DD.")],
) -> None:
    """The answer's due date for an appeal that arrived on REGISTERED: fifteen working days after its registration
    (APPC of 29.06.2020 No. 350-VI, Art. 76(1)-(2)). Exit 2 for a date that is none or a year with no calendar."""
    import datetime as dt

    from atazan.consultation.domain.deadline import answer_deadline, registration_day

    try:
        arrived = dt.date.fromisoformat(registered)
        day = registration_day(arrived)
        found = answer_deadline(day)
    except ValueError as error:  # CalendarUnknown is a ValueError too, with its rule
        typer.echo(f"date {registered!r}: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps({"arrived": arrived.isoformat(), "registered": day.isoformat(), "due": found.due.isoformat(),
                           "working_days": found.term.working_days, "source": found.term.source}))  # fmt: skip
