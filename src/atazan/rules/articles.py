"""The articles each Constitution has, read from the official text by the texts context's parser.

A bill may only amend an article that exists: "97" reads as a reference, but the 2026 text has 96 articles. The
numbers are never typed here; they come from the official files (``ATAZAN_CONSTITUTION_DIR`` or the packaged copy),
parsed once per process, so the CLI needs no database.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection
from pathlib import Path

from atazan.rules.domain.parameters import ParameterError, default_parameters
from atazan.texts.domain.parser import load_official


@functools.lru_cache(maxsize=4)
def _numbers(year: int, base: str) -> frozenset[str]:
    expression = load_official(year, "rus", Path(base) if base else None)
    return frozenset(article.num for article in expression.articles())


def constitution_articles(year: str) -> frozenset[str]:
    """The article numbers of the Constitution of ``year`` ("1995" or "2026") as printed ("83-1" included)."""
    from atazan.texts.services import constitution_dir

    base = constitution_dir()
    return _numbers(int(year), str(base) if base else "")


def articles_in_force(as_of: dt.date) -> tuple[str, Collection[str]] | None:
    """The Constitution in force on ``as_of`` (parameter ``constitution.in_force``) and its articles; None before
    the dates the parameters cover or when its text cannot be read (then nothing is refused on this ground)."""
    try:
        year = default_parameters().text("constitution.in_force", as_of)
        return year, constitution_articles(year)
    except (ParameterError, OSError, ValueError):
        return None
