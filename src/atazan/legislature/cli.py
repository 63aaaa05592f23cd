"""`atazan legislature …`: check a bill against the Constitution; list bills."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from atazan.messages.cli import cli_language

app = typer.Typer(help="Bills, the People's Council and the Vice President.", no_args_is_help=True)


@app.command()
def check(
    bill: Annotated[
        Path,
        typer.Argument(
            help="BILL.json (schema: docs/legislature-check.md)", exists=True, dir_okay=False, readable=True
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help='Print {"violations": [...]} as JSON.')] = False,
    lang: Annotated[
        str,
        typer.Option(
            "--lang", help="Language of the messages and quotes: en, ru or kk (English quotes Russian); default: LANG."
        ),
    ] = "",
) -> None:
    """Run the constitutional checks on BILL.json. Exit status 1 when a check fails, 2 on malformed input.

    Each violation names its article and quotes the sentence it rests on from the official text (read from the
    official files, so no database is needed), with the path of the article's page.
    """
    from atazan.rules.articles import articles_in_force
    from atazan.rules.domain.bill import BillFormatError, bill_from_dict
    from atazan.rules.domain.checks import bill_violations
    from atazan.rules.translation import violation_render

    err = Console(stderr=True)
    lang = cli_language(lang)
    if lang not in ("en", "ru", "kk"):
        err.print(f"[red]--lang: expected en, ru or kk, got {lang!r}[/red]")
        raise typer.Exit(2)
    try:
        raw = json.loads(bill.read_text(encoding="utf-8"))
        draft = bill_from_dict(raw, default_date=dt.date.today(), articles=articles_in_force)
    except json.JSONDecodeError as exc:
        err.print(f"[red]{bill}: not valid JSON: {exc}[/red]")
        raise typer.Exit(2) from exc
    except BillFormatError as exc:
        err.print(f"[red]{bill}: {exc}[/red]")
        raise typer.Exit(2) from exc
    violations = [violation_render(v, language=lang, stored=False) for v in bill_violations(draft)]
    if as_json:
        typer.echo(json.dumps({"violations": violations}, ensure_ascii=False))
    else:
        out = Console()
        if not violations:
            out.print(
                f"[green]No violation[/green]: {draft.title} ({draft.kind.value}, by {draft.initiator}, "
                f"checked as of {draft.date.isoformat()})"
            )
        for v in violations:
            out.print(f"[red]Art. {v['article']}[/red] [bold]{v['rule']}[/bold]: {v['message']}", markup=True)
            if "quote" in v:
                out.print(f"    «{v['quote']}» ({v['url']})", markup=False, highlight=False)
    raise typer.Exit(1 if violations else 0)


@app.command("bills")
def bills_command() -> None:
    """List the bills and their stage."""
    from atazan.legislature.selectors import bills_list

    table = Table("number", "stage", "initiator", "kind", "title")
    for b in bills_list():
        table.add_row(b.number, b.stage, b.initiator, b.kind, b.title)
    Console().print(table)


@app.command("dissolution")
def dissolution_command(
    refusals: Annotated[
        int,
        typer.Option(help="Refusals of consent (from the record if omitted; the record holds the Vice President's)."),
    ] = -1,
    office: Annotated[
        str,
        typer.Option(
            help="Office refused: vice_president, prime_minister, constitutional_court_judge, "
            "election_commission_member, audit_chamber_member or kurultai_chair (refused election of the Chair)."
        ),
    ] = "vice_president",
    as_of: Annotated[str, typer.Option("--as-of", help="Date YYYY-MM-DD (today if omitted).")] = "",
    emergency: Annotated[bool, typer.Option(help="A state of emergency is in force.")] = False,
    martial_law: Annotated[bool, typer.Option(help="Martial law is in force.")] = False,
    president_term_ends: Annotated[str, typer.Option(help="Last day of the President's powers, YYYY-MM-DD.")] = "",
    previous_dissolution: Annotated[str, typer.Option(help="Date of the previous dissolution, YYYY-MM-DD.")] = "",
    acting_president: Annotated[bool, typer.Option(help="A person who assumed the President's powers.")] = False,
    lang: Annotated[
        str, typer.Option("--lang", help="Language of the messages and quotes: en, ru or kk; default: LANG.")
    ] = "",
) -> None:
    """May the President dissolve the Kurultai after a repeated refusal of consent to a candidate for any office
    filled with its consent, or to elect its Chair (Constitution 2026, Arts. 62(2), 46(2), 46(4), 46(8), 57(1))?
    Never in the cases of Art. 62(3) or by a person who has assumed the President's powers (51(3)). Exit status 0
    when he may, 1 when he may not, 2 on bad input."""
    from atazan.legislature.selectors import vice_president_refusals
    from atazan.rules.domain.procedures.kurultai import dissolution_after_refusals
    from atazan.rules.domain.procedures.messages import ProcedureError
    from atazan.rules.translation import finding_render

    err = Console(stderr=True)
    lang = cli_language(lang)
    if lang not in ("en", "ru", "kk"):
        err.print(f"[red]--lang: expected en, ru or kk, got {lang!r}[/red]")
        raise typer.Exit(2)
    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
        term_ends = dt.date.fromisoformat(president_term_ends) if president_term_ends else None
        previous = dt.date.fromisoformat(previous_dissolution) if previous_dissolution else None
    except ValueError as exc:
        err.print(f"[red]--as-of/--president-term-ends/--previous-dissolution: expected YYYY-MM-DD: {exc}[/red]")
        raise typer.Exit(2) from exc
    if refusals < 0:
        if office != "vice_president":
            err.print(f"[red]--refusals: the record holds refusals of consent to the Vice President only; give "
                      f"--refusals for {office}[/red]")  # fmt: skip
            raise typer.Exit(2)
        refusals = vice_president_refusals(on=day)
    try:
        outcome = dissolution_after_refusals(
            office_code=office,
            refusals=refusals,
            as_of=day,
            emergency=emergency,
            martial_law=martial_law,
            acting_president=acting_president,
            president_term_ends=term_ends,
            previous_dissolution=previous,
        )
    except ProcedureError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    allowed = not outcome.findings
    typer.echo(
        json.dumps(
            {
                "office": office,
                "refusals": refusals,
                "as_of": day.isoformat(),
                "allowed": allowed,
                "article": "62(2)",
                "bars": [finding_render(f, language=lang, stored=False) for f in outcome.findings],
            },
            ensure_ascii=False,
        )
    )
    raise typer.Exit(0 if allowed else 1)
