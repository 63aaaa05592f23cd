"""Property: whatever sequence of acceptances, conflicting and refused protocols, corrections, review resolutions
and register moves reaches the services, the result counters equal a full tally of the current protocol versions
from scratch (every column, every level: `counters_recount` finds no difference) and the result read from them
equals `domain.tally`. Runs on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL)."""

import contextlib
from dataclasses import replace

import pytest
from django.db import transaction
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atazan.referendum import selectors, services
from atazan.referendum.domain.protocol import ProtocolError
from atazan.referendum.domain.register import RegisteredPrecinct
from atazan.referendum.domain.tally import tally
from atazan.referendum.models import ProtocolReview, ProtocolVersion

from . import factories

pytestmark = pytest.mark.django_db

# Six precincts in two units; the register can move each between two districts of its unit.
PRECINCTS = [("p-0", "abai"), ("p-1", "abai"), ("p-2", "abai"), ("p-3", "almaty"), ("p-4", "almaty"), ("p-5", "astana")]
DISTRICTS = ("D1", "D2")
REGISTERED = 1000

figures = st.tuples(st.integers(0, 600), st.integers(0, 300), st.integers(0, 40), st.integers(0, 20))
precinct = st.integers(0, len(PRECINCTS) - 1)
operation = st.one_of(
    st.tuples(st.just("accept"), precinct, figures, st.booleans()),  # booleans: a broken protocol
    st.tuples(st.just("correct"), precinct, figures, st.booleans()),
    st.tuples(st.just("resolve"), st.integers(0, 5), figures, st.booleans()),  # booleans: accept or dismiss
    st.tuples(st.just("move"), precinct, st.sampled_from(DISTRICTS), st.booleans()),
)


def _protocol(index: int, numbers: tuple[int, int, int, int], district: str, *, broken: bool = False):  # type: ignore[no-untyped-def]
    number, unit = PRECINCTS[index]
    yes, no, invalid, not_counted = numbers
    p = factories.protocol(
        number, unit, registered=REGISTERED, yes=yes, no=no, invalid=invalid, not_counted=not_counted, district=district
    )
    return replace(p, took_part=p.took_part + 1) if broken else p  # took part != the ballots' sum


def _run(q, operations) -> None:  # type: ignore[no-untyped-def]
    where = dict.fromkeys(range(len(PRECINCTS)), "D1")
    for op, target, arg, flag in operations:
        if op == "accept":
            services.protocol_accept(
                question=q, protocol=_protocol(target, arg, where[target], broken=flag), actor="op"
            )
        elif op == "correct":
            with contextlib.suppress(ProtocolError, ValueError):  # refused: broken, or nothing to correct
                services.protocol_correct(
                    question=q,
                    protocol=_protocol(target, arg, where[target], broken=flag),
                    reason="recount",
                    author="tec",
                )
        elif op == "resolve":
            open_reviews = list(ProtocolReview.objects.filter(question=q, status=ProtocolReview.Status.OPEN))
            if not open_reviews:
                continue
            review = open_reviews[target % len(open_reviews)]
            index = next((i for i, (n, _) in enumerate(PRECINCTS) if n == review.precinct_number), None)
            accept = _protocol(index, arg, where[index]) if flag and index is not None else None
            with contextlib.suppress(ProtocolError, services.ReviewRefused):
                services.review_resolve(review=review, actor="tec", note="decided", accept=accept)
        else:  # the register moves the precinct to another district of its unit
            number, unit = PRECINCTS[target]
            where[target] = arg
            services.register_load(
                precincts=[RegisteredPrecinct(number, unit, arg, REGISTERED)], actor="test", source="move"
            )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=12))
def test_counters_equal_a_full_tally_after_any_sequence(operations) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():  # every example starts from the same empty question, rolled back after
        q = factories.question()
        factories.register([_protocol(i, (1, 1, 1, 1), "D1") for i in range(len(PRECINCTS))])
        _run(q, operations)
        assert services.counters_recount(question=q, actor="test", write=False) == []
        result, signatures = selectors.live_for(q)
        full = tally(selectors.protocols_current(q), kind=q.question_kind, registry=selectors.registry_for(q))
        for name in ("totals", "units", "districts", "rejected", "outcome"):
            assert getattr(result, name) == getattr(full, name), name
        current = ProtocolVersion.objects.filter(question=q, is_current=True).values("signature_status")
        assert signatures == {r["signature_status"]: r["n"] for r in current.annotate(n=Count("id"))}
        assert result.precincts_reported == len(full.accepted) and result.register_size == len(PRECINCTS)
        assert result.protocols_in_review == selectors.protocols_in_review(q)
        assert result.complete == (result.protocols_in_review == 0 and result.precincts_reported == len(PRECINCTS))
        transaction.set_rollback(True)
