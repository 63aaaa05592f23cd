"""`atazan texts compare`: the 1995 → 2026 mapping and figures (JSON contract used by other tools)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare_cmd(
        from_year: Annotated[int, typer.Option("--from", help="Old Constitution (1995).")] = 1995,
        to_year: Annotated[int, typer.Option("--to", help="New Constitution (2026).")] = 2026,
        lang: Annotated[str, typer.Option(help="rus or kaz.")] = "rus",
        as_json: Annotated[bool, typer.Option("--json", help='Print {"mapping": [...], "stats": {...}}.')] = False,
        csv_path: Annotated[Path | None, typer.Option("--csv", help="Also write the comparative table as CSV.")] = None,
        docx_path: Annotated[Path | None, typer.Option("--docx", help="Also write the table as DOCX.")] = None,
    ) -> None:
        """Map every article of the old Constitution to what it became in the new one, with the figures."""
        from .comparison import ComparisonNotOffered, comparison_get, table_csv, table_docx

        started = time.perf_counter()
        try:
            c = comparison_get(from_year, to_year, lang)
        except (ComparisonNotOffered, ValueError) as exc:
            Console(stderr=True).print(f"[red]{exc}[/red]")
            raise typer.Exit(code=2) from exc
        elapsed = time.perf_counter() - started
        if csv_path:
            csv_path.write_text(table_csv(c), encoding="utf-8")
        if docx_path:
            docx_path.write_bytes(table_docx(c))
        if as_json:
            typer.echo(json.dumps(c.as_json(), ensure_ascii=False, indent=1))
            return
        console = Console()
        table = Table(title=f"{from_year} → {to_year} ({lang})")
        for col in ("old", "new", "relation", "similarity"):
            table.add_column(col)
        for e in c.entries():
            table.add_row(", ".join(e.old) or "—", ", ".join(e.new) or "—", e.relation.value, f"{e.similarity:.2f}")
        console.print(table)
        s = c.stats.as_json()
        console.print(
            f"changed: {s['articles_changed']} of {s['old_articles_in_force']} articles in force "
            f"({s['articles_changed_percent']}%); share of the old text changed by words: "
            f"{s['share_old_text_changed_percent']}%; new: {s['new']}; repealed: {s['repealed']}"
        )
        console.print(f"official (January draft, 104 articles): 77 articles, about 84%. {s['why_figures_differ']}")
        console.print(f"[dim]computed in {elapsed:.2f} s[/dim]")
