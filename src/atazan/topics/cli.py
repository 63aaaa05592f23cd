"""`atazan topics …`: tag the Constitutions, show a topic or the coverage, export the tags, run the safeguard cases."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="The Constitution by topic: tagging, topics, open-data export.", no_args_is_help=True)
out = Console()

# Runs the safeguard cases from their files: `atazan` runs it without setting Django up (atazan/cli.py).
DATABASE_FREE = frozenset({"safeguards"})


def print_coverage(console: Console) -> None:
    from . import selectors

    table = Table(title="Coverage: paragraphs carrying at least one topic")
    for col in ("Constitution", "paragraphs", "tagged", "share", "confirmed", "articles tagged"):
        table.add_column(col, justify="right")
    for c in selectors.coverage():
        share = f"{100 * c.tagged / c.paragraphs:.1f}%" if c.paragraphs else "—"
        table.add_row(
            str(c.year), str(c.paragraphs), str(c.tagged), share, str(c.confirmed), f"{c.articles_tagged}/{c.articles}"
        )
    console.print(table)


@app.command()
def tag() -> None:
    """Run the rules and the similarity suggestions over both Constitutions (idempotent; editor decisions are kept)."""
    from .services import tags_compute

    r = tags_compute()
    out.print(
        f"rule tags: {r.rule_tags}, similarity suggestions: {r.suggestions}; created {r.created}, "
        f"updated {r.updated}, removed {r.removed}, left as decided by an editor {r.kept_decided}"
    )
    print_coverage(out)


@app.command()
def show(
    key: Annotated[str, typer.Argument(help="Topic key; omit to list topics with counts.")] = "",
    lang: Annotated[str, typer.Option(help="Text language: rus or kaz.")] = "rus",
    coverage: Annotated[bool, typer.Option("--coverage", help="Print the coverage table.")] = False,
) -> None:
    """List topics with paragraph counts, or show one topic's paragraphs in both Constitutions."""
    from . import selectors
    from .models import Topic

    if coverage:
        print_coverage(out)
        return
    if not key:
        table = Table(title="Topics: paragraphs tagged (proposed or confirmed)")
        for col in ("key", "name", "1995", "2026"):
            table.add_column(col)
        for g in selectors.topic_counts():
            table.add_row(f"[bold]{g.topic.key}", g.topic.name_en, str(g.counts[1995]), str(g.counts[2026]))
            for c in g.children:
                table.add_row(f"  {c.topic.key}", c.topic.name_en, str(c.counts[1995]), str(c.counts[2026]))
        out.print(table)
        return
    try:
        topic = selectors.topic_get(key=key)
    except Topic.DoesNotExist:
        out.print(f"[red]no topic {key!r}[/red]")
        raise typer.Exit(1) from None
    out.rule(f"{topic.key}: {topic.name_en} / {topic.name_ru} / {topic.name_kk}")
    for year in (2026, 1995):
        out.print(f"[bold]Constitution {year}")
        for p in selectors.topic_paragraphs(topic=topic, year=year, lang=lang):
            status = f"{p.tag.status} ({p.tag.origin})" if p.tag else ""
            mark = f" [yellow]{p.entrenched.source}: {p.entrenched.role.value}[/yellow]" if p.entrenched else ""
            out.print(f"  {p.label} [dim]{status}[/dim]{mark}\n    {p.text[:200]}")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv or json")] = "csv",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' for standard output.")] = "-",
) -> None:
    """Export the tags as open data (one row per paragraph and topic; who confirmed it and when)."""
    from atazan.accounts.domain.exports import csv_cell

    from . import corpus, selectors

    if fmt not in ("csv", "json"):
        raise typer.BadParameter("csv or json", param_hint="--format")
    rows = selectors.tags_export_rows()
    stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        if fmt == "json":
            json.dump(
                {"licence": "CC0-1.0", "constitute_checked": corpus.taxonomy().constitute_checked, "tags": rows},
                stream,
                ensure_ascii=False,
                indent=1,
            )
            stream.write("\n")
        else:
            writer = csv.DictWriter(stream, fieldnames=list(selectors.EXPORT_FIELDS))
            writer.writeheader()
            writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if output != "-":
        Console(stderr=True).print(f"{len(rows)} tags written to {output}")


@app.command()
def safeguards() -> None:
    """Run the safeguard cases (data/safeguards/*.yaml) and print which guarantees each engages and whether kept."""
    from .worked import worked_examples

    failed = 0
    for w in worked_examples():
        out.rule(f"{w.case.key}: {w.case.title} (Constitution {w.case.constitution})")
        for f in w.engaged:
            expected = w.case.expect.get(f.guarantee.key)
            flag = "" if expected in (None, f.outcome) else f" [red]expected {expected.value}[/red]"
            failed += bool(flag)
            out.print(f"  {f.outcome.value:>24}  {f.guarantee.ref}: {f.reason}{flag}")
    if failed:
        raise typer.Exit(1)
