"""The result counters (ResultCounter) kept in the database: every way a protocol version becomes current or stops
being current changes them in its own transaction, they equal a full tally of the current versions, the migration
fills them from stored versions, and `atazan referendum recount` names any difference and repairs it."""

import importlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Count
from typer.testing import CliRunner

from atazan.cli import build_app
from atazan.referendum import selectors, services
from atazan.referendum.domain.protocol import ProtocolError
from atazan.referendum.domain.register import RegisteredPrecinct
from atazan.referendum.domain.tally import tally
from atazan.referendum.models import ProtocolReview, ProtocolVersion, ResultCounter

from . import factories

pytestmark = pytest.mark.django_db


def _full(q):  # type: ignore[no-untyped-def]
    return tally(selectors.protocols_current(q), kind=q.question_kind, registry=selectors.registry_for(q))


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return all(getattr(a, f) == getattr(b, f) for f in ("totals", "units", "districts", "rejected", "outcome"))


def _signatures(q) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = ProtocolVersion.objects.filter(question=q, is_current=True).values("signature_status")
    return {row["signature_status"]: row["n"] for row in rows.annotate(n=Count("id"))}


def test_imports_acceptances_corrections_and_reviews_change_the_counters_in_their_transaction() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}", yes=400 + k) for k in range(20)])
    first = selectors.result_for(q)
    assert _same(first, _full(q)) and first.totals.precincts == 20

    factories.load(q, [factories.protocol(f"p-{k}", unit="karaganda", district="D2") for k in range(20, 25)])
    factories.register([factories.protocol("p-99")])
    services.protocol_accept(question=q, protocol=factories.protocol("p-99", yes=10, no=560), actor="operator")
    services.protocol_correct(
        question=q, protocol=factories.protocol("p-3", yes=100, no=480), reason="recount, TEC decision 7", author="tec"
    )
    # a conflicting protocol goes to review; accepting it as the correction replaces the counted version
    services.protocol_accept(question=q, protocol=factories.protocol("p-5", yes=300, no=280), actor="operator")
    review = ProtocolReview.objects.get(question=q, status=ProtocolReview.Status.OPEN)
    services.review_resolve(
        review=review, actor="tec", note="recounted", accept=factories.protocol("p-5", yes=300, no=280)
    )

    second = selectors.result_for(q)
    assert _same(second, _full(q))
    assert second.totals.precincts == 26 and second.units["karaganda"].precincts == 5
    assert second.districts[("karaganda", "D2")].precincts == 5
    assert second.totals.yes == sum(p.yes for p in selectors.protocols_current(q))
    assert selectors.signature_counts(q) == _signatures(q) and sum(_signatures(q).values()) == 26
    assert first.totals.precincts == 20  # an earlier result is a snapshot
    # the completeness figures are the counters' and the register's
    assert second.precincts_reported == 26 and second.register_size == 26 and second.protocols_in_review == 0
    assert not second.complete or second.precincts_reported == second.register_size
    assert services.counters_recount(question=q, actor="test", write=False) == []


def test_a_refused_correction_or_import_leaves_the_counters_as_they_were() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(3)])
    before = list(ResultCounter.objects.filter(question=q).values_list("yes", "precincts").order_by("id"))
    broken = replace(factories.protocol("p-1", yes=400), took_part=1)  # took part != yes + no + invalid + ...
    with pytest.raises(ProtocolError):
        services.protocol_correct(question=q, protocol=broken, reason="recount", author="tec")
    services.protocol_accept(question=q, protocol=factories.protocol("p-2", yes=1), actor="operator")  # a conflict
    after = list(ResultCounter.objects.filter(question=q).values_list("yes", "precincts").order_by("id"))
    assert after == before
    assert _same(selectors.result_for(q), _full(q))


def test_the_register_moving_a_precinct_to_another_district_moves_its_figures() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol("p-1", yes=501), factories.protocol("p-2", yes=502)])
    services.register_load(
        precincts=[RegisteredPrecinct("p-2", "astana", "District 02", 1000)], actor="test", source="moved"
    )
    result = selectors.result_for(q)
    assert result.districts[("astana", "District 01")].yes == 501
    assert result.districts[("astana", "District 02")].yes == 502
    assert _same(result, _full(q))
    services.register_load(
        precincts=[RegisteredPrecinct("p-2", "astana", "District 01", 1000)], actor="test", source="back"
    )
    result = selectors.result_for(q)
    assert ("astana", "District 02") not in result.districts  # a district is listed while a protocol counts in it
    assert result.districts[("astana", "District 01")].precincts == 2 and _same(result, _full(q))


def test_the_migration_fills_the_counters_from_stored_versions() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}", unit=u) for k, u in enumerate(["abai", "abai", "almaty"])])
    services.protocol_correct(question=q, protocol=factories.protocol("p-0", "abai", yes=10), reason="r", author="t")
    expected = selectors.result_for(q)
    ResultCounter.objects.all().delete()  # a database as it was before the counters existed
    assert selectors.result_for(q).totals.precincts == 0
    migration = importlib.import_module("atazan.referendum.migrations.0005_result_counters")
    migration.fill(apps, None)
    assert _same(selectors.result_for(q), expected)
    assert selectors.signature_counts(q) == _signatures(q)
    assert services.counters_recount(question=q, actor="test", write=False) == []


def test_recount_names_a_difference_and_repairs_it() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(10)])
    # a version deleted behind the platform's back: the counters still count it until a recount
    ProtocolVersion.objects.filter(question=q, precinct__number="p-4").delete()
    assert selectors.result_for(q).totals.precincts == 10
    runner = CliRunner()
    checked = runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug, "--check", "--json"])
    assert checked.exit_code == 1, checked.output
    found = json.loads(checked.stdout)
    nation = {"level": "nation", "unit": "", "district": "", "column": "precincts", "stored": 10, "recounted": 9}
    assert {"question": q.slug, **nation} in (found["differences"])
    assert selectors.result_for(q).totals.precincts == 10  # --check writes nothing
    repaired = runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug])
    assert repaired.exit_code == 1 and "precincts" in repaired.output
    result = selectors.result_for(q)
    assert result.totals.precincts == 9 and _same(result, _full(q))
    again = runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug])
    assert again.exit_code == 0 and "no difference" in again.output
    assert runner.invoke(build_app(), ["referendum", "recount", "--question", "nope"]).exit_code == 2


def test_a_stored_version_breaking_a_control_relation_is_named_not_counted() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(3)])
    ProtocolVersion.objects.filter(question=q, precinct__number="p-1").update(yes=5000)  # behind the services
    services.counters_recount(question=q, actor="test")
    result = selectors.result_for(q)
    assert result.totals.precincts == 2 and [r.precinct for r in result.rejected] == ["p-1"] and not result.complete
    assert _same(result, _full(q))


@pytest.mark.django_db(transaction=True)
def test_operators_filing_at_once_lose_no_update() -> None:
    """Eight operators accept and eight correct protocols of one district at the same moment, each in its own
    connection: on PostgreSQL they really run at once (row locks and F() updates keep every change); SQLite
    serialises writers."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: nothing runs at once")
    q = factories.question()
    protocols = [factories.protocol(f"p-{k}", yes=500 - k) for k in range(16)]
    factories.load(q, protocols[:8])
    factories.register(protocols)
    start = threading.Barrier(16)

    def file(k: int) -> None:
        try:
            start.wait()
            if k < 8:
                corrected = factories.protocol(f"p-{k}", yes=300 + k, no=280 - k)
                services.protocol_correct(question=q, protocol=corrected, reason="recount", author=f"tec-{k}")
            else:
                services.protocol_accept(question=q, protocol=protocols[k], actor=f"operator-{k}")
        finally:
            connection.close()

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(file, range(16)))
    assert services.counters_recount(question=q, actor="test", write=False) == []
    result = selectors.result_for(q)
    assert result.totals.precincts == 16 and _same(result, _full(q))
    assert result.totals.yes == sum(300 + k for k in range(8)) + sum(500 - k for k in range(8, 16))
