"""`atazan legislature …`: check a bill against the Constitution; list bills."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Bills, the People's Council and the Vice President.", no_args_is_help=True)


@app.command()
def check(
    bill: Annotated[Path, typer.Argument(help="BILL.json (schema: docs/legislature-check.md)", exists=True,
                                         dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print {\"violations\": [...]} as JSON.")] = False,
) -> None:
    """Run the constitutional checks on BILL.json. Exit status 1 when a check fails, 2 on malformed input."""
    from atazan.rules.domain.bill import BillFormatError, bill_from_dict
    from atazan.rules.domain.checks import bill_violations

    err = Console(stderr=True)
    try:
        raw = json.loads(bill.read_text(encoding="utf-8"))
        draft = bill_from_dict(raw, default_date=dt.date.today())
    except json.JSONDecodeError as exc:
        err.print(f"[red]{bill}: not valid JSON: {exc}[/red]")
        raise typer.Exit(2) from exc
    except BillFormatError as exc:
        err.print(f"[red]{bill}: {exc}[/red]")
        raise typer.Exit(2) from exc
    violations = bill_violations(draft)
    if as_json:
        typer.echo(json.dumps({"violations": [v.as_dict() for v in violations]}, ensure_ascii=False))
    else:
        out = Console()
        if not violations:
            out.print(f"[green]No violation[/green]: {draft.title} ({draft.kind.value}, by {draft.initiator}, "
                      f"checked as of {draft.date.isoformat()})")
        for v in violations:
            out.print(f"[red]Art. {v.article}[/red] [bold]{v.rule}[/bold]: {v.message}")
    raise typer.Exit(1 if violations else 0)


@app.command("bills")
def bills_command() -> None:
    """List the bills and their stage."""
    from atazan.legislature.selectors import bills_list

    table = Table("number", "stage", "initiator", "kind", "title")
    for b in bills_list():
        table.add_row(b.number, b.stage, b.initiator, b.kind, b.title)
    Console().print(table)
