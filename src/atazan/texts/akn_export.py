"""Akoma Ntoso export of a stored expression: re-parse the official text it was imported from.

The stored rows are what search and links use; the XML is built from the same parsed expression the rows came from,
after checking that the official text still has the digest recorded at import. Asked for a date, the export is the
point-in-time expression in force that day (`domain.timeline`), built from the same text.
"""

from __future__ import annotations

import hashlib
from datetime import date

from .domain.akn import expression_to_akn
from .domain.parser import official_path, parse_expression
from .domain.timeline import expression_at
from .domain.wids import article_wids
from .models import Expression
from .services import ExpressionChangedError, constitution_dir

WID_ALIGNMENT_LANGUAGE = "rus"
"""The alignment that names the 2026 provisions for every language: the Russian one, checked against the hand-made
gold standard (tests/texts/gold_alignment_rus.yaml). Aligned on its own, the Kazakh text (mixed Latin and Cyrillic
letters, SOURCES.md) finds no article renumbered word for word, which would give one provision two names."""


def expression_akn_bytes(expression: Expression, *, on: date | None = None) -> bytes:
    """The AKN XML of `expression`, or of the expression of its work in force on `on` (built from the same text).

    Raises ExpressionChangedError when the official text changed since import, timeline.ExpressionDateError when `on`
    is before the stored expression's date.
    """
    raw = official_path(expression.work.year, expression.language, constitution_dir()).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expression.text_sha256:
        raise ExpressionChangedError(expression.uri, expression.text_sha256, digest)
    parsed = parse_expression(raw.decode("utf-8"), work=expression.work.uri, language=expression.language)
    if on is not None:
        parsed = expression_at(parsed, on)
    # The manifestation date is the import date, so the same stored expression always yields the same bytes.
    return expression_to_akn(
        parsed, generated=expression.imported_at.date(), wids=renumbered_wids(expression.work.year)
    )


def renumbered_wids(year: int) -> dict[str, str]:
    """wIds of the articles of the `year` Constitution (empty unless it is the newer side of the comparison).

    The same map for every language: see WID_ALIGNMENT_LANGUAGE and `domain.wids.article_wids`.
    """
    from .comparison import PAIRS, comparison_get

    from_year, to_year = PAIRS[0]
    if year != to_year:
        return {}
    return article_wids(comparison_get(from_year, to_year, WID_ALIGNMENT_LANGUAGE).alignment, year=to_year)
