"""The live result a web process keeps (a running tally brought up to date with new protocol versions) always
equals a full tally of the current protocols, however the versions arrive."""

import pytest
from django.db.models import Count

from atazan.referendum import selectors, services
from atazan.referendum.domain.tally import tally
from atazan.referendum.models import ProtocolVersion

from . import factories

pytestmark = pytest.mark.django_db


def _full(q):  # type: ignore[no-untyped-def]
    return tally(selectors.protocols_current(q), kind=q.question_kind, registry=selectors.registry_for(q))


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    fields = ("totals", "units", "districts", "accepted", "rejected", "outcome", "duplicates")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def test_imports_acceptances_and_corrections_are_caught_up_without_a_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}", yes=400 + k) for k in range(20)])
    first = selectors.result_for(q)
    assert _same(first, _full(q)) and first.totals.precincts == 20
    rebuilds: list[int] = []
    real = selectors._rebuild
    monkeypatch.setattr(selectors, "_rebuild", lambda *a, **k: rebuilds.append(1) or real(*a, **k))

    factories.load(q, [factories.protocol(f"p-{k}", unit="karaganda") for k in range(20, 25)])
    factories.register([factories.protocol("p-99")])
    services.protocol_accept(question=q, protocol=factories.protocol("p-99", yes=10, no=560), actor="operator")
    services.protocol_correct(
        question=q, protocol=factories.protocol("p-3", yes=100, no=480), reason="recount, TEC decision 7", author="tec"
    )
    second = selectors.result_for(q)
    assert _same(second, _full(q))
    assert second.totals.precincts == 26 and second.units["karaganda"].precincts == 5
    assert rebuilds == []  # caught up from the new versions alone
    by_status = ProtocolVersion.objects.filter(question=q, is_current=True).values("signature_status")
    assert selectors.signature_counts(q) == {
        row["signature_status"]: row["n"] for row in by_status.annotate(n=Count("id"))
    }
    assert sum(selectors.signature_counts(q).values()) == 26
    assert first.totals.precincts == 20  # an earlier result is a snapshot
    assert selectors.result_for(q) is second  # nothing new: the same result


def test_a_version_that_disappears_forces_a_full_rebuild() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(10)])
    assert selectors.result_for(q).totals.precincts == 10
    # Rows edited behind the platform's back (or a version committed late with a lower id): what the running
    # tally has read no longer adds up to what the table holds, so it starts again from the table.
    newest = ProtocolVersion.objects.filter(question=q).order_by("-id").first()
    ProtocolVersion.objects.filter(question=q).exclude(pk=newest.pk).order_by("id")[:1].get().delete()
    factories.load(q, [factories.protocol("p-10")])
    result = selectors.result_for(q)
    assert _same(result, _full(q)) and result.totals.precincts == 10


def test_a_version_committed_late_with_a_lower_id_is_read_without_a_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(10)])
    selectors.result_for(q)
    # As if p-4's version had still been uncommitted when this process read the newer ones: forget it was read.
    late = ProtocolVersion.objects.get(question=q, precinct__number="p-4", is_current=True)
    live = selectors._LIVE[q.pk]
    live.seen.discard(late.pk)
    live.running.drop("p-4")
    live.result = None
    factories.load(q, [factories.protocol("p-10")])
    rebuilds: list[int] = []
    real = selectors._rebuild
    monkeypatch.setattr(selectors, "_rebuild", lambda *a, **k: rebuilds.append(1) or real(*a, **k))
    result = selectors.result_for(q)
    assert rebuilds == []
    assert _same(result, _full(q)) and result.totals.precincts == 11
