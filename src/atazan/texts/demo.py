"""Demo data for texts: the four official texts (real, not synthetic), imported idempotently."""

from __future__ import annotations

from rich.console import Console

from .services import OFFICIAL, official_text_import


def build(*, console: Console) -> None:
    for year, lang in OFFICIAL:
        outcome = official_text_import(year=year, language=lang)
        state = "imported" if outcome.created else "already stored"
        console.print(f"texts: {outcome.expression.uri} {state} ({outcome.provisions} provisions)")
