"""Demo data: the real 2023 Majilis party-list result, and a SIMULATED first Kurultai election.

No official results of a Kurultai election are in our sources, so the Kurultai election here is simulated: party names,
votes, candidates and mandate events are invented and the election is flagged ``simulated`` (every page says so).
The 2023 Majilis figures are the CEC's, as gathered in FACTS.md. Idempotent: running it again changes nothing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from rich.console import Console

from atazan.elections import models, services
from atazan.elections.domain.mandates import EndGround
from atazan.referendum.domain.units import UNITS

MAJILIS_2023 = [
    ("AMANAT", 3431510, "#1f4e9c"),
    ("Auyl", 693938, "#2e8b57"),
    ("Respublica", 547154, "#e3a21a"),
    ("Ak Zhol", 535139, "#16a2b8"),
    ("People's Party of Kazakhstan", 432920, "#c0392b"),
    ("OSDP", 331058, "#7d3c98"),
    ("Baitaq", 146431, "#117a65"),
]

# Simulated: invented party names and votes.
SIMULATED_LISTS = [
    ("Tulpar (simulated)", 3_120_400, "#1f4e9c"),
    ("Zhasyl Dala (simulated)", 1_010_250, "#2e8b57"),
    ("Samal (simulated)", 880_900, "#e3a21a"),
    ("Shanyrak (simulated)", 702_330, "#c0392b"),
    ("Arman (simulated)", 566_120, "#7d3c98"),
    ("Altyn Kopir (simulated)", 421_870, "#16a2b8"),
    ("Jibek Joly (simulated)", 395_010, "#d35400"),
    ("Orda (simulated)", 188_440, "#566573"),
    ("Dostar (simulated)", 97_300, "#b7950b"),
]
SIMULATED_TOOK_PART = 7_652_118
SIMULATED_REGISTERED = 12_600_000
SIMULATED_DAY = date(2026, 8, 30)  # inside the window of Constitution 2026, Art. 95(1)

# The 20 units (oblasts, cities of republican significance, the capital) as the referendum context lists them.
REGIONS = [(unit.code, unit.name_en) for unit in UNITS]

SURNAMES = ["Әбенов", "Ахметов", "Бекетов", "Дәулетов", "Ержанов", "Жақсылықов", "Иманов", "Қасымов", "Құдайбергенов",
            "Мұратов", "Нұрланов", "Оспанов", "Өтегенов", "Сәрсенов", "Тоқтаров", "Ұлықбеков", "Үсенов", "Шәріпов",
            "Ілиясов", "Рахымов", "Серікбаев", "Кенжебаев", "Жұмабаев", "Төлеуов"]  # fmt: skip
MALE_NAMES = ["Асқар", "Бауыржан", "Ерлан", "Жандос", "Қайрат", "Мейірхан", "Нұрсұлтан", "Серік", "Тимур", "Ұлан"]
FEMALE_NAMES = ["Айгүл", "Әсел", "Гүлнар", "Динара", "Жанар", "Қарлығаш", "Мәдина", "Нұргүл", "Сәуле", "Өмірзая"]


def build(*, console: Console) -> None:
    majilis = _majilis_2023(console)
    kurultai = _simulated_kurultai(console)
    console.print(f"elections: {majilis.title}; {kurultai.title} [simulated]")


def _majilis_2023(console: Console) -> models.Election:
    election = services.election_upsert(
        slug="majilis-2023",
        title="Majilis election of 19 March 2023 — party lists (real result)",
        kind=models.Election.Kind.MAJILIS,
        election_day=date(2023, 3, 19),
        seats=69,
        took_part=6_366_441,
        threshold_percent=5,
        source=(
            "Central Election Commission of Kazakhstan, final results of the Majilis election of 19 March 2023, "
            "party-list part (69 seats; 6,366,441 voters took part, including 248,291 'against all'); gathered in "
            "atazan's FACTS.md. Seat allocation reproduced by `atazan elections seats majilis-2023`."
        ),
        translations={
            "kk": {
                "title": "2023 жылғы 19 наурыздағы Мәжіліс сайлауы — партиялық тізімдер (нақты нәтиже)",
                "source": "Қазақстан Орталық сайлау комиссиясы, 2023 жылғы 19 наурыздағы Мәжіліс сайлауының "
                "партиялық тізімдер бойынша қорытынды нәтижелері (69 орын; сайлауға 6 366 441 сайлаушы қатысты, "
                "оның ішінде 248 291 «бәріне қарсы»); atazan-ның FACTS.md файлында жинақталған. Орындарды бөлу "
                "`atazan elections seats majilis-2023` командасымен қайталанады.",
            },
            "ru": {
                "title": "Выборы в Мажилис 19 марта 2023 года — партийные списки (реальный результат)",
                "source": "Центральная избирательная комиссия Казахстана, окончательные итоги выборов в Мажилис "
                "19 марта 2023 года по партийным спискам (69 мест; приняли участие 6 366 441 избиратель, в том "
                "числе 248 291 «против всех»); собраны в FACTS.md atazan. Распределение мест воспроизводит команда "
                "`atazan elections seats majilis-2023`.",
            },
        },
    )
    rows = [{"party": p, "votes": v, "registration_order": i, "color": c}
            for i, (p, v, c) in enumerate(MAJILIS_2023, start=1)]  # fmt: skip
    services.lists_register(election=election, rows=rows, source="FACTS.md (CEC 2023)", actor="demo")
    services.results_import(election=election, rows=rows, source="FACTS.md (CEC 2023)", actor="demo")
    if not election.allocations.exists():
        services.seats_allocate(election=election, actor="demo")
    return election


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` exactly (largest remainders), for the simulated regional results."""
    whole = [total * w // sum(weights) for w in weights]
    rest = total - sum(whole)
    order = sorted(range(len(weights)), key=lambda i: -(total * weights[i] % sum(weights)))
    for i in order[:rest]:
        whole[i] += 1
    return whole


def _simulated_kurultai(console: Console) -> models.Election:
    election = services.election_upsert(
        slug="kurultai-2026-simulated",
        title="First Kurultai election — SIMULATED",
        kind=models.Election.Kind.KURULTAI,
        election_day=SIMULATED_DAY,
        seats=145,
        took_part=SIMULATED_TOOK_PART,
        registered_voters=SIMULATED_REGISTERED,
        threshold_percent=5,
        simulated=True,
        source=(
            "Simulated demo data: parties, votes, candidates and events are invented. No official results of a "
            "Kurultai election are in atazan's sources."
        ),
        translations={
            "kk": {
                "title": "Құрылтайдың алғашқы сайлауы — СИМУЛЯЦИЯ",
                "source": "Демо үшін модельденген деректер: партиялар, дауыстар, кандидаттар мен оқиғалар ойдан "
                "шығарылған. atazan дереккөздерінде Құрылтай сайлауының ресми нәтижелері жоқ.",
            },
            "ru": {
                "title": "Первые выборы в Курултай — СИМУЛЯЦИЯ",
                "source": "Смоделированные демонстрационные данные: партии, голоса, кандидаты и события выдуманы. "
                "Официальных итогов выборов в Курултай в источниках atazan нет.",
            },
        },
    )
    rng = random.Random(2026)
    rows: list[dict[str, object]] = []
    for i, (party, votes, color) in enumerate(SIMULATED_LISTS, start=1):
        rows.append({"party": party, "votes": votes, "registration_order": i, "color": color})
    services.lists_register(election=election, rows=rows, source="simulated register of lists", actor="demo")
    services.results_import(election=election, rows=rows, source="simulated national results", actor="demo")
    region_rows: list[dict[str, object]] = []
    for party, votes, _ in SIMULATED_LISTS:
        weights = [rng.randint(50, 150) for _ in REGIONS]
        for (code, name), share in zip(REGIONS, _split(votes, weights), strict=True):
            region_rows.append({"party": party, "region": code, "region_name": name, "votes": share})
    services.results_import(election=election, rows=region_rows, source="simulated regional results", actor="demo")
    if not election.allocations.exists():
        services.seats_allocate(election=election, actor="demo")
    allocation = election.allocations.first()
    assert allocation is not None
    candidate_rows = _simulated_candidates(allocation.seats, rng)
    report = services.candidates_import(
        election=election, rows=candidate_rows, source="simulated candidate lists", actor="demo"
    )
    if report.rejected:
        console.print(f"  {len(report.rejected)} simulated candidate rows kept for review (ineligible, Art. 54(3))")
    # The largest list's governing body sets its order (its registered order); the others leave it to the CEC.
    first = election.party_lists.get(registration_order=1)
    party_orders = {first.party: list(first.candidates.order_by("position").values_list("key", flat=True))}
    services.mandates_assign(
        election=election, actor="demo", on_day=SIMULATED_DAY + timedelta(days=14), party_orders=party_orders
    )
    if not election.mandate_events.filter(kind=models.MandateEvent.Kind.ENDED).exists():
        _simulated_events(election)
    return election


def _simulated_candidates(seats: dict[str, int], rng: random.Random) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    smallest_winner = min((p for p, n in seats.items() if n), key=lambda p: seats[p])
    for party, _, _ in SIMULATED_LISTS:
        won = seats.get(party, 0)
        # The smallest winning list registers exactly as many candidates as it wins, so a vacancy exhausts it.
        count = won if party == smallest_winner else max(won + 4, 6)
        prefix = "".join(w[0] for w in party.split() if w[0].isalpha()).upper()
        for position in range(1, count + 1):
            female = rng.random() < 0.38
            name = f"{rng.choice(SURNAMES)}{'а' if female else ''} {rng.choice(FEMALE_NAMES if female else MALE_NAMES)}"
            born = date(rng.randint(1958, 1999), rng.randint(1, 12), rng.randint(1, 28))
            rows.append({
                "party": party, "key": f"{prefix}-{position:03d}", "position": position, "full_name": name,
                "birth_date": born.isoformat(), "gender": "female" if female else "male",
                "disability": "yes" if rng.random() < 0.03 else "no", "citizen": "yes",
                "resident_since": date(born.year + 1, 1, 1).isoformat(),
            })  # fmt: skip
    # Two simulated rows that break Art. 54(3), to show rejected rows kept for review.
    rows.append({"party": SIMULATED_LISTS[1][0], "key": "ZD-900", "position": 900, "full_name": "Жас Үміткер",
                 "birth_date": "2003-05-05", "gender": "female", "citizen": "yes", "resident_since": "2003-05-05",
                 "eligible": False})  # fmt: skip
    rows.append({"party": SIMULATED_LISTS[2][0], "key": "S-901", "position": 901, "full_name": "Шетел Тұрғыны",
                 "birth_date": "1980-02-02", "gender": "male", "citizen": "yes", "resident_since": "2021-01-01",
                 "eligible": False})  # fmt: skip
    return rows


def _simulated_events(election: models.Election) -> None:
    lists = list(election.party_lists.all())
    allocation = election.allocations.first()
    assert allocation is not None
    winners = [pl for pl in lists if allocation.seats.get(pl.party, 0)]
    smallest = min(winners, key=lambda pl: allocation.seats[pl.party])
    plan = [
        (winners[0], EndGround.RESIGNATION, date(2026, 11, 2)),
        (winners[1], EndGround.LEFT_PARTY, date(2027, 1, 20)),
        (smallest, EndGround.DEATH, date(2027, 3, 3)),
    ]
    for plist, ground, day in plan:
        mandate = plist.mandates.filter(ended__isnull=True).order_by("id").first()
        if mandate is not None:
            services.mandate_terminate(mandate=mandate, ground=ground, on_day=day, actor="demo")
