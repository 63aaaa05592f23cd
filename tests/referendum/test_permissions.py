"""Every referendum write checks the permission matrix in the service: only the election commission operator may
file, accept, correct, import or resolve; a refused actor writes nothing. Console callers pass a string."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused, user_create
from atazan.audit.models import AuditEntry
from atazan.referendum import services
from atazan.referendum.domain.electorate import ElectorateEntry
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.domain.units import UnitRegistry
from atazan.referendum.models import Electorate, ProtocolReview, ProtocolVersion, Question

from . import factories

pytestmark = pytest.mark.django_db

OTHER_ROLES = [r for r in Role if r is not Role.ELECTION_OPERATOR]
CSV = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\nx-1,Astana,100,50,40,5,5,0\n"
BAD = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\nx-9,Astana,100,50,40,5,5,1\n"


def _user(role: Role | None, name: str = "someone"):  # type: ignore[no-untyped-def]
    return user_create(username=name, password="a-long-password-1", roles=[role] if role else [])


def _writes() -> tuple[int, int, int, int]:
    return (
        ProtocolVersion.objects.count(),
        ProtocolReview.objects.filter(status=ProtocolReview.Status.OPEN).count(),
        AuditEntry.objects.count(),
        Electorate.objects.count(),
    )


@pytest.fixture
def setup():  # type: ignore[no-untyped-def]
    q = factories.question()
    factories.load(q, [factories.protocol("astana-1")], signed=False)
    factories.register_csv(CSV)
    factories.register_csv(BAD)
    factories.register([factories.protocol("x-2")])
    services.protocols_import(question=q, parsed=read_csv(BAD), source="bad.csv", actor="console")
    return q, ProtocolReview.objects.get(precinct_number="x-9")


def _attempts(q: Question, review: ProtocolReview, actor):  # type: ignore[no-untyped-def]
    fixed = factories.protocol("x-9", registered=100, yes=40, no=5, invalid=5, not_counted=0)
    return {
        "import": lambda: services.protocols_import(question=q, parsed=read_csv(CSV), source="f.csv", actor=actor),
        "accept": lambda: services.protocol_accept(question=q, protocol=factories.protocol("x-2"), actor=actor),
        "correct": lambda: services.protocol_correct(
            question=q, protocol=factories.protocol("astana-1", yes=499, no=81), reason="recount", author=actor
        ),
        "resolve-accept": lambda: services.review_resolve(review=review, actor=actor, note="recount", accept=fixed),
        "resolve-dismiss": lambda: services.review_resolve(review=review, actor=actor, note="typo"),
        "question": lambda: services.question_ensure(
            slug="another", title="Another", voting_date=date(2027, 1, 1), kind="ordinary", text_ru="?", actor=actor
        ),
        "electorate": lambda: services.electorate_record(
            question=q,
            entries=[ElectorateEntry("astana-1", "astana", "", 990, date(2026, 3, 1), "list")],
            actor=actor,
            registry=UnitRegistry(),
        ),
    }


@pytest.mark.parametrize("role", [*OTHER_ROLES, None], ids=[*(r.value for r in OTHER_ROLES), "no-role"])
def test_every_write_refuses_everyone_but_the_operator_and_writes_nothing(setup, role) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    user = _user(role)
    before = _writes()
    for name, attempt in _attempts(q, review, user).items():
        with pytest.raises(PermissionRefused) as refused:
            attempt()
        assert "referendum." in str(refused.value), name
        assert _writes() == before, f"{name} wrote something for {role}"


def test_the_anonymous_visitor_is_refused(setup) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    for attempt in _attempts(q, review, AnonymousUser()).values():
        with pytest.raises(PermissionRefused, match="anonymous"):
            attempt()


def test_the_operator_may_file_correct_import_and_resolve(setup) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    operator = _user(Role.ELECTION_OPERATOR, "op")
    attempts = _attempts(q, review, operator)
    assert attempts["import"]().accepted == 1
    assert attempts["accept"]().accepted == 1
    assert attempts["correct"]().version == 2
    assert attempts["resolve-accept"]().resolution == "accepted"
    assert attempts["question"]().slug == "another"
    assert attempts["electorate"]().recorded == 1
    actions = set(AuditEntry.objects.filter(actor="op").values_list("action", flat=True))
    assert actions == {
        "referendum.protocols.import",
        "referendum.protocol.accept",
        "referendum.protocol.correct",
        "referendum.review.resolve",
        "referendum.question.create",
        "referendum.electorate.import",
    }


def test_console_callers_pass_a_string_recorded_as_given(setup) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    attempts = _attempts(q, review, "ops-console")
    attempts["question"]()
    assert attempts["electorate"]().recorded == 1
    attempts["resolve-dismiss"]()
    assert AuditEntry.objects.filter(actor="ops-console", action="referendum.review.resolve").exists()


# --- pages and API ------------------------------------------------------------------------------------------------


def _pages(q: Question, review: ProtocolReview) -> list[tuple[str, str]]:
    base = f"/referendum/{q.slug}"
    return [
        ("get", f"{base}/operator/"),
        ("post", f"{base}/operator/protocol/"),
        ("post", f"{base}/operator/upload/"),
        ("get", f"{base}/precincts/astana-1/correct/"),
        ("post", f"{base}/precincts/astana-1/correct/"),
        ("get", f"{base}/review/{review.pk}/"),
        ("post", f"{base}/review/{review.pk}/"),
    ]


def test_operator_pages_send_visitors_to_log_in_and_refuse_other_roles(client, setup) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    for method, url in _pages(q, review):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for role in (Role.CITIZEN, Role.ADMINISTRATOR, Role.KURULTAI_CLERK):
        client.force_login(_user(role, f"u-{role.value}"))
        for method, url in _pages(q, review):
            assert getattr(client, method)(url, {"action": "dismiss", "note": "x"}).status_code == 403, (role, url)
    assert review.__class__.objects.get(pk=review.pk).status == "open"
    client.force_login(_user(Role.ELECTION_OPERATOR, "op"))
    for method, url in _pages(q, review):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_api_writes_need_the_operator(client, setup) -> None:  # type: ignore[no-untyped-def]
    q, review = setup
    base = f"/api/referendum/questions/{q.slug}"
    protocol = {"precinct": "x-9", "unit": "Astana", "registered": 100, "took_part": 50}
    protocol |= {"yes": 40, "no": 5, "invalid": 5, "not_counted": 0}
    calls = [
        (f"{base}/protocols", protocol),
        (f"{base}/corrections", {**protocol, "precinct": "astana-1", "reason": "recount"}),
        (f"{base}/review/{review.pk}/resolve", {"action": "dismiss", "note": "typo"}),
    ]
    for url, body in calls:
        assert client.post(url, body, content_type="application/json").status_code == 401, url
    client.force_login(_user(Role.CITIZEN, "citizen"))
    for url, body in calls:
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 403 and "election_operator" in response.json()["detail"], url
    assert ProtocolReview.objects.get(pk=review.pk).status == "open"
