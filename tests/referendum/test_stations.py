"""Find a polling station (issue 17): the register's address for each precinct; lookup by number, settlement or
address text; the precinct page with its address (a model address labelled so), protocol, signature and the
inclusion proof of its protocol in the published audit log."""

from __future__ import annotations

from pathlib import Path

import pytest

from atazan.referendum import services
from atazan.referendum.domain.register import RegisteredPrecinct
from atazan.referendum.domain.units import UNITS

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def stations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ATAZAN_AUDIT_KEY_FILE", str(tmp_path / "audit-signing.key"))
    from atazan.audit.keys import audit_key_create

    audit_key_create()
    q = factories.question()
    protocols = [factories.protocol(f"{u.code}-1", u.code, yes=500, no=100) for u in UNITS[:3]]
    factories.load(q, protocols)
    addresses = {f"{UNITS[0].code}-1": "Астана, ул. Кенесары, 40, школа № 12",
                 f"{UNITS[1].code}-1": "Алматы, пр. Абая, 150, гимназия № 3",
                 f"{UNITS[2].code}-1": "Шымкент, ул. Абая, 7 (model address)"}  # fmt: skip
    report = services.register_load(
        precincts=[RegisteredPrecinct(n, n.rsplit("-", 1)[0], "", 1000, a) for n, a in addresses.items()],
        actor="test", source="test-register-addresses",
    )  # fmt: skip
    assert not report.refused
    return q


def test_a_voter_finds_the_station_by_number_settlement_or_street(client, english, stations):
    url = f"/referendum/{stations.slug}/stations/"
    by_street = client.get(url, {"q": "абая"}).content.decode()
    assert "пр. Абая, 150" in by_street and "ул. Абая, 7" in by_street and "Кенесары" not in by_street
    assert "2 polling stations found" in by_street
    assert "model address" in by_street  # the demo's model addresses are labelled
    two_words = client.get(url, {"q": "Абая 150"}).content.decode()
    assert "пр. Абая, 150" in two_words and "ул. Абая, 7" not in two_words
    by_number = client.get(url, {"q": f" {UNITS[0].code.upper()}-1 "}).content.decode()
    assert "Кенесары, 40" in by_number and "1 polling station found" in by_number
    by_unit = client.get(url, {"q": UNITS[1].name_en}).content.decode()
    assert "пр. Абая, 150" in by_unit
    none = client.get(url, {"q": "Атлантида"}).content.decode()
    assert 'data-testid="stations-none"' in none
    assert "Find your polling station" in client.get(f"/referendum/{stations.slug}/").content.decode()


def test_the_precinct_page_shows_address_signature_and_inclusion_proof(client, english, stations):
    from atazan.audit.selectors import audit_checkpoint

    audit_checkpoint()
    page = client.get(f"/referendum/{stations.slug}/precincts/{UNITS[0].code}-1/").content.decode()
    address = page.split('data-testid="station-address">', 1)[1].split("</p>", 1)[0]
    assert "Кенесары, 40" in address and "model address" not in address
    assert "Signature valid" in page
    proof = page.split('data-testid="inclusion-proof">', 1)[1].split("</p>", 1)[0]
    assert "included in its signed Merkle root" in proof and "hashes" in proof
    model = client.get(f"/referendum/{stations.slug}/precincts/{UNITS[2].code}-1/").content.decode()
    assert "model address" in model.split('data-testid="station-address">', 1)[1].split("</p>", 1)[0]


def test_lookup_in_kazakh_and_russian(client, stations):
    for lang in ("kk", "ru"):
        page = client.get(f"/referendum/{stations.slug}/stations/", {"q": "абая"}, HTTP_ACCEPT_LANGUAGE=lang)
        assert "Find your polling station" not in page.content.decode()
