"""Rows for the referendum's database tests: a question and a few signed protocols through the real services."""

from __future__ import annotations

from datetime import date

from atazan.referendum import services
from atazan.referendum.domain.integrity import commission_id, derive_signing_key, protocol_sign
from atazan.referendum.domain.protocol import Protocol
from atazan.referendum.domain.protocol_io import ParsedProtocols
from atazan.referendum.domain.register import register_from_protocols
from atazan.referendum.models import Question

SECRET = b"test commissions"


def question(kind: str = "constitution", slug: str = "test-referendum") -> Question:
    return services.question_ensure(
        slug=slug,
        title="Test referendum",
        voting_date=date(2026, 3, 15),
        kind=kind,
        text_ru="Принимаете ли Вы?",
        text_en="Do you accept?",
        synthetic=True,
        actor="test",
    )


def protocol(
    precinct: str,
    unit: str = "astana",
    *,
    registered: int = 1000,
    yes: int = 500,
    no: int = 80,
    invalid: int = 10,
    not_counted: int = 10,
    district: str = "District 01",
) -> Protocol:
    took = yes + no + invalid + not_counted
    return Protocol(
        precinct,
        unit,
        district,
        registered,
        took,
        yes,
        no,
        invalid,
        not_counted,
        registered + 5,
        took,
        registered + 5 - took,
    )


def signatures_for(protocols: list[Protocol], version: int = 1) -> dict[str, tuple[bytes, bytes]]:
    out = {}
    for p in protocols:
        key = derive_signing_key(SECRET, commission_id(p))
        out[p.precinct] = (protocol_sign(p, version, key), bytes(key.verify_key))
    return out


def register(protocols: list[Protocol], *, extra: int = 0) -> services.RegisterReport:
    """Put the protocols' precincts on the register, each listing `extra` more citizens than its protocol states."""
    precincts = [
        type(p)(p.number, p.unit, p.district, p.registered + extra, p.address, p.abroad)
        for p in register_from_protocols(protocols)
    ]
    report = services.register_load(precincts=precincts, actor="test", source="test-register")
    assert not report.refused, report.refused
    return report


def load(
    q: Question, protocols: list[Protocol], *, signed: bool = True, source: str = "test.csv", registered: bool = True
):
    """Import `protocols` as a file would; with `registered`, their precincts are put on the register first."""
    if registered:
        register(protocols)
    return services.protocols_import(
        question=q,
        parsed=ParsedProtocols(protocols=protocols, lines=list(range(2, len(protocols) + 2))),
        source=source,
        actor="test",
        signatures=signatures_for(protocols) if signed else None,
    )


def register_csv(text: str, *, extra: int = 0) -> services.RegisterReport:
    """Put on the register every precinct a protocols CSV names with a well-formed row (bad rows stay off it)."""
    from atazan.referendum.domain.protocol import precinct_key, precinct_number_valid
    from atazan.referendum.domain.protocol_io import read_csv

    latest = {precinct_key(p.precinct): p for p in read_csv(text).protocols}
    return register([p for n, p in latest.items() if precinct_number_valid(n)], extra=extra)
