"""Results by region (tile map of the 20 units), a party's list page, the mandate timeline, and the explanation of
the allocation in Kazakh and Russian."""

import re
from string import Formatter

import pytest
from django.utils import translation
from rich.console import Console

from atazan.elections import demo, models
from atazan.elections.domain import step_templates
from atazan.elections.domain.mandates import EndGround
from atazan.referendum.domain.units import UNITS

pytestmark = pytest.mark.django_db

SIM = "kurultai-2026-simulated"


@pytest.fixture
def demo_data() -> None:
    demo.build(console=Console(quiet=True))


def test_region_map_has_the_20_units_coloured_by_the_leader_and_by_a_chosen_share(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/elections/{SIM}/regions/").content.decode()
    assert body.count('<g class="tile"') == 20
    assert {u.code for u in UNITS} == set(re.findall(r'<g class="tile" data-unit="([a-z_]+)"', body))
    # the simulated Tulpar list leads nationally with 41%; it leads every region in the simulated split
    assert body.count('data-leader="Tulpar (simulated)"') == 20
    second = models.PartyList.objects.get(election__slug=SIM, registration_order=2)
    part = client.get(f"/elections/{SIM}/regions/?party=2", HTTP_HX_REQUEST="true").content.decode()
    assert part.startswith('<div id="region-map"') and "<html" not in part  # the htmx fragment only
    astana = second.region_results.get(region_code="astana")
    total = sum(models.RegionResult.objects.filter(party_list__election__slug=SIM, region_code="astana")
                .values_list("votes", flat=True))  # fmt: skip
    share = f"{astana.votes * 100 / total:.2f}"
    row = part.split('<tr data-unit="astana">')[1].split("</tr>")[0]
    assert f"<td>{astana.votes}</td><td>{share}</td>" in row


def test_region_map_in_kazakh_names_the_units_in_kazakh(client, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/elections/{SIM}/regions/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Шығыс Қазақстан облысы" in body and "Облыстар бойынша нәтижелер" in body


def test_party_page_lists_candidates_in_order_with_the_30_per_cent_report(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    election = models.Election.objects.get(slug=SIM)
    plist = election.party_lists.get(registration_order=1)  # a resignation in the simulated events: a successor
    body = client.get(f"/elections/{SIM}/lists/1/").content.decode()
    positions = [int(p) for p in re.findall(r'<tr id="candidate-[^"]+" data-status="[a-z-]+">\s*<td>(\d+)</td>', body)]
    assert positions == sorted(positions) and len(positions) == plist.candidates.count()
    won = election.allocations.first().seats[plist.party]
    assert f'<strong data-testid="seats-won">{won}</strong>' in body
    assert body.count('data-status="sitting"') == won  # the successor took the seat
    successor = models.Mandate.objects.get(party_list=plist, predecessor__isnull=False)
    assert f"{successor.predecessor.candidate.full_name} → <strong>{successor.candidate.full_name}</strong>" in body
    assert "Art. 97-1(5), third paragraph" in body and 'data-met="true"' in body


def test_party_page_of_the_exhausted_list_shows_the_vacancy(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    election = models.Election.objects.get(slug=SIM)
    vacant = election.mandate_events.filter(kind="vacant").select_related("party_list").first()
    body = client.get(f"/elections/{SIM}/lists/{vacant.party_list.registration_order}/").content.decode()
    assert 'data-testid="vacancies"' in body and "97-1(6), second paragraph" in body
    assert client.get(f"/elections/{SIM}/lists/99/").status_code == 404


def test_results_page_has_the_mandate_timeline(client, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/elections/{SIM}/").content.decode()
    svg = body.split('<svg id="mandate-timeline"')[1].split("</svg>")[0]
    kinds = re.findall(r'data-kind="([a-z]+)"', svg)
    assert sorted(kinds) == sorted(
        models.MandateEvent.objects.filter(election__slug=SIM).exclude(kind="elected").values_list("kind", flat=True)
    )
    assert {"ended", "transferred", "vacant"} <= set(kinds)
    assert ">2030<" in svg or ">2031<" in svg  # the axis reaches the end of the five-year term
    assert "145" in svg  # deputies in office at the start of the line


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_step_and_ground_has_a_translation_with_the_same_fields(language: str) -> None:
    keys = [*step_templates(), *(g.label for g in EndGround), *(g.ref for g in EndGround)]
    with translation.override(language):
        for key in keys:
            shown = translation.gettext(key)
            assert shown != key, f"{language}: no translation for {key!r}"
            assert _fields(shown) == _fields(key), f"{language}: fields differ in {key!r}"


def test_results_page_explains_the_allocation_in_russian_and_the_api_stays_english(client, demo_data) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/elections/majilis-2023/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    steps = body.split('class="steps"')[1].split("</details>")[0]
    assert "Квота" in steps and "Конституционный закон «О выборах», п. 4 ст. 97-1" in steps
    assert "votes" not in steps and "86546.6522" in steps
    api = client.get("/api/elections/majilis-2023", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert api["steps"][-1]["text"].startswith("Seats: AMANAT 40")
