"""`atazan rules …`: the dated constitutional parameters."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

app = typer.Typer(help="The Constitution as code: dated parameters and their articles.", no_args_is_help=True)

# Commands that compute from the domain alone: `atazan` runs them without setting Django up (atazan/cli.py).
DATABASE_FREE = frozenset({"show", "procedure"})


@app.callback()
def rules() -> None:
    """The Constitution as code: dated parameters and their articles."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@app.command()
def show(
    as_of: Annotated[str, typer.Option("--as-of", help="Date (YYYY-MM-DD); default today.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every parameter in force on a date, with its value and the article it comes from."""
    from atazan.rules.domain.parameters import default_parameters, format_value

    day = _date(as_of) if as_of else dt.date.today()
    rows = default_parameters().in_force(day)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "as_of": day.isoformat(),
                    "parameters": [
                        {
                            "name": p.name,
                            "value": format_value(d.value, p.unit),
                            "since": d.start.isoformat(),
                            "article": d.reference.article,
                            "constitution": d.reference.constitution,
                            "act": d.reference.act,
                            "cite": d.reference.short(),
                            "reference": d.reference.text,
                        }
                        for p, d in rows
                    ],
                },
                ensure_ascii=False,
            )
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("parameter", "value", "since", "article", title=f"Parameters in force on {day.isoformat()}")
    for p, d in rows:
        table.add_row(
            p.name,
            format_value(d.value, p.unit),
            d.start.isoformat(),
            d.reference.short(),
        )
    Console().print(table)


@app.command()
def procedure(
    key: Annotated[str, typer.Argument(help="Procedure key (omit to list them).")] = "",
    as_of: Annotated[str, typer.Option("--as-of", help="Date (YYYY-MM-DD) of the figures; default today.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """A procedure's steps with their articles and figures on a date (what /rules/procedures/<key>/ shows)."""
    from atazan.rules.domain.procedures.catalogue import procedure_describe, procedure_keys
    from atazan.rules.domain.procedures.messages import ProcedureError

    if not key:
        keys = list(procedure_keys())
        typer.echo(json.dumps({"procedures": keys}) if as_json else "\n".join(keys))
        return
    try:
        described = procedure_describe(key, as_of=_date(as_of) if as_of else dt.date.today())
    except ProcedureError as exc:
        typer.echo(f"procedure: {exc}", err=True)
        raise typer.Exit(2) from exc
    steps = [
        {
            "code": s.code,
            "actor": s.actor,
            "article": s.citation.article,
            "constitution": s.citation.constitution,
            "text": s.text.render(),
        }
        for s in described.steps
    ]
    if as_json:
        payload = {
            "key": key,
            "as_of": described.as_of.isoformat(),
            "steps": steps,
            "parameters": list(described.parameters),
        }
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(f"{described.title.render()} (Constitution {described.constitution}, figures of {described.as_of})")
    for number, step in enumerate(steps, 1):
        typer.echo(f"{number}. {step['text']} [Art. {step['article']}]")
