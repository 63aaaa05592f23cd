from __future__ import annotations

import json

import typer
from rich.console import Console

app = typer.Typer(help="The hash-chained log of official actions.", no_args_is_help=True)


@app.command("verify")
def verify(as_json: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """Recompute every hash of the audit chain; exit 1 at the first edited, deleted or reordered entry."""
    from atazan.audit.selectors import audit_chain_verify

    count, brk = audit_chain_verify()
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "entries": count,
                    "intact": brk is None,
                    "first_break": None
                    if brk is None
                    else {"seq": brk.seq, "kind": str(brk.kind), "message": brk.message},
                }
            )
        )
    else:
        console = Console()
        if brk is None:
            console.print(f"[green]Audit chain intact[/green]: {count} entries verified.")
        else:
            console.print(f"[red]Audit chain broken[/red] at entry {brk.seq} ({brk.kind}): {brk.message}")
    if brk is not None:
        raise typer.Exit(1)
