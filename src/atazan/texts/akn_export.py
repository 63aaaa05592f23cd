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
    return expression_to_akn(parsed, generated=expression.imported_at.date())
