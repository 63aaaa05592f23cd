"""Property (issue 13): for random sequences of appends, the log verifies against every earlier checkpoint; after any
single edit, deletion, reorder or truncation — each hidden by recomputing every hash with the project's own
functions — it fails against every checkpoint that covered the changed part, and still passes the older ones."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atazan.audit.domain.log import block_roots
from atazan.audit.models import AuditEntry, AuditRecord
from atazan.audit.selectors import audit_checkpoint, audit_log_scan, audit_verify
from atazan.audit.services import audit_append

from .tamper import rehash_from, renumber

pytestmark = pytest.mark.django_db

ACTIONS = [
    "referendum.question.create",
    "commission.vote.cast",
    "legislature.bill.introduce",
    "elections.seats.allocate",
]
appends = st.lists(
    st.tuples(
        st.sampled_from(ACTIONS),
        st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs")), max_size=12),
        st.integers(-(10**12), 10**12),
    ),
    min_size=1,
    max_size=12,
)


def _fresh() -> None:
    AuditRecord.objects.all().delete()
    AuditEntry.objects.all().delete()
    cache.clear()


def _tamper(kind: str, n: int, data: st.DataObject) -> int:
    """Apply one hidden change to a log of n entries; return the smallest checkpoint size that must now fail."""
    if kind == "truncate":
        keep = data.draw(st.integers(0, n - 1), label="keep")
        AuditEntry.objects.filter(seq__gt=keep).delete()
        return keep + 1
    k = data.draw(st.integers(1, n), label="position")
    if kind == "edit":
        row = AuditEntry.objects.get(seq=k)
        AuditEntry.objects.filter(pk=row.pk).update(payload={**row.payload, "value": row.payload["value"] + 1})
        rehash_from(k)
        return k
    if kind == "delete":
        AuditEntry.objects.filter(seq=k).delete()
        renumber()
        return k
    # reorder: two entries swap places (their content moves, sequence numbers stay), then everything is re-hashed
    j = data.draw(st.integers(1, n).filter(lambda j: j != k), label="other")
    a, b = AuditEntry.objects.get(seq=min(j, k)), AuditEntry.objects.get(seq=max(j, k))
    fields = ("at", "actor", "action", "target", "payload")
    AuditEntry.objects.filter(pk=a.pk).update(**{f: getattr(b, f) for f in fields})
    AuditEntry.objects.filter(pk=b.pk).update(**{f: getattr(a, f) for f in fields})
    rehash_from(min(j, k))
    return min(j, k)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=appends, kind=st.sampled_from(["edit", "delete", "reorder", "truncate"]), data=st.data())
def test_checkpoints_hold_while_the_log_grows_and_break_on_any_hidden_change(ops, kind, data) -> None:  # type: ignore[no-untyped-def]
    _fresh()
    checkpoints = []
    for i, (action, target, value) in enumerate(ops):
        audit_append(actor="cec", action=action, target=target, payload={"i": i, "value": value})
        cp = audit_checkpoint()
        checkpoints.append((cp, block_roots(audit_log_scan().leaves, cp.size)))
    for cp, blocks in checkpoints:
        assert audit_verify(checkpoint=cp).intact, cp
        assert audit_verify(checkpoint=cp, blocks=blocks).intact, cp
    if kind == "reorder" and len(ops) < 2:
        kind = "edit"
    first_broken = _tamper(kind, len(ops), data)
    for cp, blocks in checkpoints:
        verdict = audit_verify(checkpoint=cp, blocks=blocks)
        codes = {f.code.value for f in verdict.findings}
        if cp.size >= first_broken:
            assert codes & {"checkpoint.rewritten", "checkpoint.truncated"}, (kind, cp.size, first_broken)
            # the entry named is the first one changed (or the first one missing)
            assert verdict.findings[0].seq == first_broken, (kind, cp.size, first_broken, verdict.findings)
        else:
            assert verdict.intact, (kind, cp.size, first_broken, codes)
            assert audit_verify(checkpoint=cp).intact
