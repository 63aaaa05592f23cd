"""Akoma Ntoso export of a stored expression: re-parse the official text it was imported from.

The stored rows are what search and links use; the XML is built from the same parsed expression the rows came from,
after checking that the official text still has the digest recorded at import.
"""

from __future__ import annotations

import hashlib

from .domain.akn import expression_to_akn
from .domain.parser import official_path, parse_expression
from .models import Expression
from .services import ExpressionChangedError, constitution_dir


def expression_akn_bytes(expression: Expression) -> bytes:
    raw = official_path(expression.work.year, expression.language, constitution_dir()).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expression.text_sha256:
        raise ExpressionChangedError(expression.uri, expression.text_sha256, digest)
    parsed = parse_expression(raw.decode("utf-8"), work=expression.work.uri, language=expression.language)
    # The manifestation date is the import date, so the same stored expression always yields the same bytes.
    return expression_to_akn(
        parsed, generated=expression.imported_at.date(), wids=renumbered_wids(expression.work.year, expression.language)
    )


def renumbered_wids(year: int, language: str) -> dict[str, str]:
    """wIds for the provisions of the 2026 text that the alignment found renumbered from the 1995 one.

    A renumbered article keeps its 1995 eId as its wId, and so do its paragraphs that were matched to a
    paragraph of that article; every other provision's wId is its eId.
    """
    from .comparison import PAIRS, comparison_get
    from .domain.align import Relation

    from_year, to_year = PAIRS[0]
    if year != to_year:
        return {}
    comparison = comparison_get(from_year, to_year, language)
    alignment = comparison.alignment
    wids: dict[str, str] = {}
    for entry in alignment.entries:
        if entry.relation is not Relation.RENUMBERED or len(entry.old) != 1 or len(entry.new) != 1:
            continue
        old_article = alignment.old.article(entry.old[0])
        new_article = alignment.new.article(entry.new[0])
        wids[new_article.eid] = old_article.eid
        old_prefix, new_prefix = f"{old_article.eid}__", f"{new_article.eid}__"
        for match in alignment.paragraph_matches:
            if match.new_eid.startswith(new_prefix) and match.old_eid.startswith(old_prefix):
                wids.setdefault(match.new_eid, match.old_eid)
    return wids
