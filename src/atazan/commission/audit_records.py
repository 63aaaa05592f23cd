"""The Constitutional Commission's decisions as the audit log sees them, keyed `commission.decision:<number>`
(session/item): the decision's kind, summary, vote and article changes. `atazan audit verify` names a decision
changed or deleted in its table after it was recorded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from atazan.audit.domain.log import content_digest

if TYPE_CHECKING:
    from atazan.commission.models import Decision

DECISION_KIND = "commission.decision"
_FIELDS = ("kind", "summary", "adopted", "votes_for", "votes_against", "abstained", "present", "members_total")


def decision_audit_record(decision: Decision) -> tuple[str, str]:
    """(key, digest) of a recorded decision with its article changes (read from the database)."""
    changes = list(decision.changes.order_by("order").values_list("order", "kind", "article", "wording", "after"))
    body = {name: getattr(decision, name) for name in _FIELDS}
    body["changes"] = [list(c) for c in changes]
    return f"{DECISION_KIND}:{decision.number}", content_digest(body)


def decisions_resolve(locators: Sequence[str]) -> dict[str, str | None]:
    from atazan.commission.models import Decision

    found: dict[str, str | None] = dict.fromkeys(locators)
    for decision in Decision.objects.filter(number__in=list(locators)):
        found[decision.number] = decision_audit_record(decision)[1]
    return found


RESOLVERS = {DECISION_KIND: decisions_resolve}
