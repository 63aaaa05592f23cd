"""`atazan commission …`: the composition report, session minutes, tallies, draft diffs, article stories, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="The Constitutional Commission: members, sessions, votes, decisions, drafts.", no_args_is_help=True
)
out = Console()


@app.command()
def composition(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Members by category and region, checked against the configured rules (exit 1 if a rule is broken)."""
    from .domain.regions import region_get
    from .selectors import composition_report

    report = composition_report()
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        table = Table("category", "members")
        for code, n in report.by_category.items():
            table.add_row(code, str(n))
        out.print(table)
        table = Table("region", "members")
        for code, n in report.by_region.items():
            try:
                name = region_get(code).name_en
            except KeyError:
                name = code
            table.add_row(name, str(n))
        out.print(table)
        out.print(f"total: {report.total}; roles: {report.by_role}")
        for v in report.violations:
            out.print(f"[red]✗ {v.rule}[/red]: {v.message} — {v.source}")
        if report.complies:
            out.print("[green]The composition meets every rule.[/green]")
    raise typer.Exit(0 if report.complies else 1)


@app.command()
def minutes(
    number: int,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md or json")] = "md",
) -> None:
    """Export a session's minutes (Markdown, composed from the record if none are published) or its JSON record."""
    from .api import _session_out
    from .models import Session
    from .selectors import minutes_compose

    session = Session.objects.filter(number=number).first()
    if session is None:
        out.print(f"[red]no session {number}[/red]")
        raise typer.Exit(2)
    if fmt == "json":
        text = json.dumps(_session_out(number), ensure_ascii=False, indent=2, default=str)
    else:
        text = session.minutes or minutes_compose(session=session)
    if output:
        output.write_text(text, encoding="utf-8")
        out.print(f"minutes of session {number} written to {output}")
    else:
        print(text)


@app.command()
def tally(number: int) -> None:
    """Each agenda item's vote under the configured quorum and majority rules."""
    from .selectors import session_detail

    view = session_detail(number=number)
    out.print(
        f"session {number}: {view.present}/{view.members_total} present, quorum {view.quorum_required} "
        f"({'met' if view.quorum_met else 'NOT met'})"
    )
    for iv in view.items:
        out.print(
            f"{iv.item.order}. {iv.item.title}: "
            + (str(iv.outcome.explanation) if iv.outcome else "not put to the vote")
        )


@app.command()
def diff(old: int, new: int, all_articles: Annotated[bool, typer.Option("--all")] = False) -> None:
    """Word-level diff of two draft versions ([-deleted-] {+inserted+})."""
    from .models import DraftVersion
    from .selectors import drafts_compare

    a, b = DraftVersion.objects.get(number=old), DraftVersion.objects.get(number=new)
    diffs = drafts_compare(old=a, new=b, changed_only=not all_articles)
    for d in diffs:
        print(f"== Art. {d.num} ({d.status.value})")
        print(
            "".join(
                s.text if s.op == "equal" else f"[-{s.text}-]" if s.op == "delete" else f"{{+{s.text}+}}"
                for s in d.segments
            )
        )
    out.print(f"{a.uri} → {b.uri}: {sum(1 for d in diffs if d.changed)} articles changed")


@app.command()
def story(num: str, lang: str = "rus") -> None:
    """The story of an article of the 2026 Constitution, as JSON (same as /api/commission/articles/NUM/story)."""
    from .api import story as story_api

    print(json.dumps(story_api(None, num, lang), ensure_ascii=False, indent=2, default=str))  # type: ignore[arg-type]


@app.command()
def export(
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    wordings: Annotated[bool, typer.Option("--wordings", help="Include every draft's article wordings.")] = False,
) -> None:
    """Open-data export of the whole Commission record (JSON)."""
    from .export import open_data

    text = json.dumps(open_data(with_wordings=wordings), ensure_ascii=False, indent=2, default=str)
    if output:
        output.write_text(text, encoding="utf-8")
        out.print(f"written to {output}")
    else:
        print(text)
