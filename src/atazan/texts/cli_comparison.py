"""`atazan texts compare`: the 1995 → 2026 mapping and figures (JSON contract used by other tools)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from .domain.stats import Comparison

# The comparisons offered (texts.comparison.PAIRS, in either official language) that `compare` computes straight from
# the official files without setting Django up; any other request, and the --csv/--docx tables, go through
# texts.comparison (which needs Django: its settings and URLs), so that its refusals and tables stay the only ones.
FROM_FILES = frozenset({(1995, 2026, "rus"), (1995, 2026, "kaz")})


def comparison_from_files(from_year: int, to_year: int, lang: str) -> Comparison:
    """What texts.comparison.comparison_get returns for an offered comparison, from the official files alone: the
    packaged copy or ``ATAZAN_CONSTITUTION_DIR`` (the environment variable the settings read)."""
    from .domain.parser import load_official
    from .domain.stats import compare

    configured = os.environ.get("ATAZAN_CONSTITUTION_DIR", "")
    base = Path(configured) if configured else None
    return compare(load_official(from_year, lang, base), load_official(to_year, lang, base))


def _comparison_get(from_year: int, to_year: int, lang: str) -> Comparison:
    from .comparison import ComparisonNotOffered, comparison_get

    try:
        return comparison_get(from_year, to_year, lang)
    except (ComparisonNotOffered, ValueError) as exc:
        from rich.console import Console

        Console(stderr=True).print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from exc


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
        from_files = not (csv_path or docx_path) and (from_year, to_year, lang) in FROM_FILES
        if not from_files:
            from atazan.cli import django_setup

            django_setup()
            from . import comparison  # noqa: F401 - imported before the clock starts, as the figures always were
        started = time.perf_counter()
        c = comparison_from_files(from_year, to_year, lang) if from_files else _comparison_get(from_year, to_year, lang)
        elapsed = time.perf_counter() - started
        if csv_path:
            from .comparison import table_csv

            csv_path.write_text(table_csv(c), encoding="utf-8")
        if docx_path:
            from .comparison import table_docx

            docx_path.write_bytes(table_docx(c))
        if as_json:
            typer.echo(json.dumps(c.as_json(), ensure_ascii=False, indent=1))
            return
        from rich.console import Console
        from rich.table import Table

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
