"""`atazan texts import` and `atazan texts akn`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_texts(
        year: Annotated[list[int] | None, typer.Option(help="Only this Constitution (1995, 2026).")] = None,
        lang: Annotated[list[str] | None, typer.Option(help="Only this language (rus, kaz).")] = None,
    ) -> None:
        """Parse and store the official texts; running it again changes nothing."""
        from .services import OFFICIAL, ExpressionChangedError, official_text_import

        console = Console()
        todo = [(y, lg) for y, lg in OFFICIAL if (not year or y in year) and (not lang or lg in lang)]
        with Progress(console=console) as progress:
            task = progress.add_task("Importing", total=len(todo))
            for y, lg in todo:
                progress.update(task, description=f"{y} {lg}")
                try:
                    outcome = official_text_import(year=y, language=lg)
                except ExpressionChangedError as exc:
                    console.print(f"[red]refused[/red] {exc}")
                    raise typer.Exit(code=1) from exc
                state = "imported" if outcome.created else "already stored"
                console.print(f"{outcome.expression.uri}: {state}, {outcome.provisions} provisions")
                progress.advance(task)

    @app.command("akn")
    def akn(
        year: Annotated[int, typer.Option(help="1995 or 2026.")],
        lang: Annotated[str, typer.Option(help="rus or kaz.")] = "rus",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
        on: Annotated[
            datetime | None,
            typer.Option(
                "--date",
                formats=["%Y-%m-%d"],
                help="The expression in force on this day (YYYY-MM-DD): the latest one dated on or before it.",
            ),
        ] = None,
    ) -> None:
        """Print the Akoma Ntoso 3.0 XML of a stored expression, or of its point-in-time expression on --date."""
        from .akn_export import expression_akn_bytes
        from .domain.timeline import ExpressionDateError
        from .models import Expression
        from .selectors import expression_get

        try:
            data = expression_akn_bytes(expression_get(year=year, lang=lang), on=on.date() if on else None)
        except Expression.DoesNotExist as exc:
            Console(stderr=True).print(f"[red]{exc}[/red]; run `atazan texts import` first")
            raise typer.Exit(code=1) from exc
        except ExpressionDateError as exc:
            Console(stderr=True, soft_wrap=True).print(f"[red]{exc}[/red]")
            raise typer.Exit(code=1) from exc
        if output is None:
            typer.echo(data.decode("utf-8"), nl=False)
        else:
            output.write_bytes(data)
