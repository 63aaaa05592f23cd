"""`atazan rules …`: the dated constitutional parameters."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="The Constitution as code: dated parameters and their articles.", no_args_is_help=True)


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
    table = Table("parameter", "value", "since", "article", title=f"Parameters in force on {day.isoformat()}")
    for p, d in rows:
        table.add_row(
            p.name,
            format_value(d.value, p.unit),
            d.start.isoformat(),
            d.reference.short(),
        )
    Console().print(table)
