"""docs/security.md shows the permission matrix as the code has it."""

from __future__ import annotations

import re
from pathlib import Path

from atazan.accounts.domain.permissions import matrix
from atazan.accounts.domain.roles import Role

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def test_the_documented_matrix_is_the_code_s() -> None:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([a-z_.]+)` \|[^|]*\|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() == "✓" for cell in match.group(2).split("|")]
    expected = {action: [role in roles for role in Role] for action, _, roles, _ in matrix()}
    assert rows == expected
