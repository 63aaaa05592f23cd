"""One multilingual source of names (issue 15): the 20 regions, the parties, the bodies, in kk/ru/en."""

from __future__ import annotations

import re

import pytest

from atazan.commission.domain.regions import REGIONS
from atazan.referendum.domain.units import UNITS
from atazan.standards import names

CYRILLIC = re.compile(r"^[\u0400-\u04FF\s«»()\-.,]+$")


def test_twenty_units_each_named_in_three_languages_kazakh_and_russian_in_cyrillic() -> None:
    regions = names.regions()
    assert len(regions) == 20
    assert len({r.key for r in regions}) == 20
    assert [r.kind for r in regions].count("region") == 17
    for region in regions:
        assert region.en and region.kk and region.ru
        assert CYRILLIC.match(region.kk), region.kk
        assert CYRILLIC.match(region.ru), region.ru


def test_every_context_reads_the_same_names() -> None:
    source = {r.key: (r.en, r.kk, r.ru) for r in names.regions()}
    assert {r.code: (r.name_en, r.name_kk, r.name_ru) for r in REGIONS} == source
    assert {u.code: (u.name_en, u.name_kk, u.name_ru) for u in UNITS} == source


@pytest.mark.parametrize(
    ("key", "language", "expected"),
    [
        ("abai", "kk", "Абай облысы"),
        ("abai", "ru-RU", "Абайская область"),
        ("abai", "en", "Abai Region"),
        ("Almaty oblast", "ru", "Алматинская область"),  # the consultation's e-Otinish spelling
        ("almaty", "kk", "Алматы"),
        ("abroad", "ru", "За рубежом"),
    ],
)
def test_region_names_by_code_or_alias(key: str, language: str, expected: str) -> None:
    assert names.region_name(key, language) == expected


def test_party_and_body_names_and_unknown_keys() -> None:
    assert names.party_name("Ak Zhol", "kk") == "Ақ жол"
    assert names.party_name("People's Party of Kazakhstan", "ru") == "Народная партия Казахстана"
    assert names.party_name("Tulpar (simulated)", "kk") == "Тұлпар (симуляция)"
    assert names.party_name("Not registered here", "kk") == "Not registered here"
    assert names.body_name("cec", "kk") == "Орталық сайлау комиссиясы"
    assert names.region_code("West Kazakhstan") == "west_kazakhstan"
    assert names.region_code("Atlantis") is None


def test_the_demo_parties_are_all_named() -> None:
    from atazan.elections.demo import MAJILIS_2023, SIMULATED_LISTS

    for party, _, _ in (*MAJILIS_2023, *SIMULATED_LISTS):
        assert names.party_name(party, "kk") != party or party.isupper() or party == "Respublica", party
