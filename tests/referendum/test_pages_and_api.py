import pytest
from django.contrib.auth import get_user_model

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.referendum import selectors
from atazan.referendum.domain.units import UNITS

from . import factories

pytestmark = pytest.mark.django_db


def _password_backend() -> str:
    """The configured backend that loads users from the database (accounts may wrap ModelBackend)."""
    from django.conf import settings
    from django.contrib.auth.backends import ModelBackend
    from django.utils.module_loading import import_string

    return next(b for b in settings.AUTHENTICATION_BACKENDS if issubclass(import_string(b), ModelBackend))


@pytest.fixture
def loaded():
    q = factories.question()
    protocols = [
        factories.protocol(f"{u.code}-1", u.code, yes=500 if i < 14 else 300, no=100 if i < 14 else 300)
        for i, u in enumerate(UNITS)
    ]
    factories.load(q, protocols)
    return q


def test_dashboard_explains_the_rule_per_unit(client, english, loaded) -> None:
    page = client.get(f"/referendum/{loaded.slug}/").content.decode()
    assert "Adopted" in page
    assert "Art. 92(3)" in page and "Art. 92(2)" in page
    assert "14 of 20" in page
    assert 'data-unit="astana"' in page  # tile map
    assert "Model data." in page


def test_live_fragment_follows_new_protocols(client, english, loaded) -> None:
    before = client.get(f"/referendum/{loaded.slug}/live/").content.decode()
    assert 'hx-trigger="every 5s"' in before
    factories.load(loaded, [factories.protocol("extra-1", "almaty")])
    after = client.get(f"/referendum/{loaded.slug}/live/").content.decode()
    assert '<span data-testid="precincts-counted">21</span>' in after


def test_precinct_page_shows_versions_and_signature(client, english, loaded) -> None:
    page = client.get(f"/referendum/{loaded.slug}/precincts/astana-1/").content.decode()
    assert "Signature valid" in page and "version" in page.lower()


def test_unit_forensics_and_review_pages_render(client, english, loaded) -> None:
    assert client.get(f"/referendum/{loaded.slug}/units/karaganda/").status_code == 200
    assert "<svg" in client.get(f"/referendum/{loaded.slug}/forensics/").content.decode()
    assert client.get(f"/referendum/{loaded.slug}/review/").status_code == 200
    assert client.get(f"/referendum/{loaded.slug}/units/atlantis/").status_code == 404


def test_api_result_unit_precinct_and_nist(client, loaded) -> None:
    base = f"/api/referendum/questions/{loaded.slug}"
    result = client.get(f"{base}/result").json()
    assert result["adopted"] is True and result["units_with_majority"] == 14
    assert client.get(f"{base}/units/astana").json()["totals"]["took_part"] == 620
    versions = client.get(f"{base}/precincts/astana-1").json()["versions"]
    assert versions[0]["signature_status"] == "valid"
    assert client.get(f"{base}/nist").json()["@type"] == "ElectionResults.ElectionReport"
    assert client.get(f"{base}/forensics").status_code == 200
    assert client.get(f"{base}/bundle").status_code == 200


def test_filing_a_protocol_needs_the_election_operator_role(client, loaded) -> None:
    payload = {
        "precinct": "new-1",
        "unit": "Almaty",
        "registered": 100,
        "took_part": 60,
        "yes": 50,
        "no": 8,
        "invalid": 1,
        "not_counted": 1,
    }
    url = f"/api/referendum/questions/{loaded.slug}/protocols"
    factories.register([factories.protocol(n, "almaty", registered=100, district="") for n in ("new-1", "new-2")])
    assert client.post(url, payload, content_type="application/json").status_code == 401
    staff = get_user_model().objects.create_user("staff", password="x-very-long-pass", is_staff=True)
    client.force_login(staff, backend=_password_backend())
    refused = client.post(url, payload, content_type="application/json")  # the staff flag is not a role
    assert refused.status_code == 403 and "election_operator" in refused.json()["detail"]
    assert selectors.result_for(loaded).totals.precincts == 20
    user = user_create(username="operator", password="x-very-long-pass", roles=[Role.ELECTION_OPERATOR])
    client.force_login(user, backend=_password_backend())
    body = client.post(url, payload, content_type="application/json").json()
    assert body.get("accepted") == 1, body
    bad = client.post(url, {**payload, "precinct": "new-2", "yes": 51}, content_type="application/json").json()
    assert bad["rejected"][0]["rule"] == "balance"
    assert selectors.result_for(loaded).totals.precincts == 21
    correction = client.post(
        f"/api/referendum/questions/{loaded.slug}/corrections",
        {**payload, "yes": 49, "no": 9, "reason": "recount"},
        content_type="application/json",
    )
    assert correction.json()["version"] == 2
