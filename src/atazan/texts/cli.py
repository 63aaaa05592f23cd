"""`atazan texts …`: each cli_*.py module of this package registers its commands here."""

from importlib import import_module
from importlib.util import find_spec

import typer

app = typer.Typer(help="The 1995 and 2026 Constitutions: import, read, compare, export.", no_args_is_help=True)

# Computed from the official files alone: `atazan` runs it without setting Django up (atazan/cli.py).
DATABASE_FREE = frozenset({"compare"})

for _part in ("cli_reading", "cli_comparison"):
    if find_spec(f"atazan.texts.{_part}") is not None:
        import_module(f"atazan.texts.{_part}").register(app)
