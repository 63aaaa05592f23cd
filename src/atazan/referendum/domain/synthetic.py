"""A deterministic MODEL of the 15 March 2026 precinct protocols: synthetic data, not official figures.

What is official (CEC final protocol, 17 March 2026; shared/domain/FACTS.md): the national totals below, the number
of polling stations (10,388 in the country, 71 abroad in 54 countries) and each unit's turnout at 18:00.
What is modelled: each unit's electorate (rough population shares), final unit turnouts (the 18:00 turnouts scaled
by one common factor so the nation's final turnout comes out exact), the regional yes/no split (not published),
districts, and every precinct's figures. The model guarantees, in exact integers, that the precinct protocols sum
to the official national totals and that every protocol satisfies the control relations.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from .protocol import Protocol
from .units import UNITS, Unit

OFFICIAL_TOTALS = {
    "registered": 12_482_613,
    "took_part": 9_127_192,
    "yes": 7_954_667,
    "no": 898_099,
    "invalid": 146_558,
    "not_counted": 127_868,
}
OFFICIAL_SOURCE = "CEC final protocol of the 15 March 2026 referendum, announced 17 March 2026"
DOMESTIC_PRECINCTS = 10_388
ABROAD_PRECINCTS = 71
MAX_VOTERS_PER_PRECINCT = 3000  # Constitutional Law on Elections, Art. 23(2)(1)
SEED = 20260315

# Modelled electorate weights (thousands of voters, rough 2025 population shares). NOT official.
ELECTORATE_MODEL = {
    "abai": 430,
    "akmola": 560,
    "aktobe": 640,
    "almaty_region": 1010,
    "atyrau": 440,
    "west_kazakhstan": 460,
    "zhambyl": 750,
    "zhetisu": 470,
    "karaganda": 830,
    "kostanay": 600,
    "kyzylorda": 500,
    "mangystau": 480,
    "pavlodar": 550,
    "north_kazakhstan": 400,
    "turkistan": 1220,
    "ulytau": 150,
    "east_kazakhstan": 540,
    "astana": 1000,
    "almaty": 1500,
    "shymkent": 720,
}

COUNTRIES = (
    "Russia",
    "Turkey",
    "Germany",
    "United States",
    "United Arab Emirates",
    "China",
    "Uzbekistan",
    "Kyrgyzstan",
    "United Kingdom",
    "France",
    "Italy",
    "Spain",
    "Poland",
    "Czechia",
    "Austria",
    "Switzerland",
    "Netherlands",
    "Belgium",
    "Sweden",
    "Finland",
    "Norway",
    "Hungary",
    "Latvia",
    "Lithuania",
    "Estonia",
    "Belarus",
    "Ukraine",
    "Georgia",
    "Azerbaijan",
    "Armenia",
    "Tajikistan",
    "Turkmenistan",
    "Mongolia",
    "Japan",
    "South Korea",
    "India",
    "Pakistan",
    "Iran",
    "Saudi Arabia",
    "Qatar",
    "Kuwait",
    "Egypt",
    "Israel",
    "Malaysia",
    "Singapore",
    "Thailand",
    "Vietnam",
    "Indonesia",
    "Australia",
    "Canada",
    "Brazil",
    "South Africa",
    "Greece",
    "Bulgaria",
)
EXTRA_ABROAD = (
    "Russia",
    "Russia",
    "Russia",
    "Russia",
    "Turkey",
    "Turkey",
    "Germany",
    "Germany",
    "United States",
    "United States",
    "United Arab Emirates",
    "China",
    "China",
    "Uzbekistan",
    "Kyrgyzstan",
    "United Kingdom",
    "South Korea",
)


@dataclass(frozen=True, slots=True)
class ModelPrecinct:
    protocol: Protocol
    label: str  # e.g. "Embassy in Germany" or "Precinct 0042 (model)"
    country: str = "Kazakhstan"


def apportion(total: int, weights: Sequence[float], caps: Sequence[int]) -> list[int]:
    """Split `total` into integers proportional to `weights`, none above its cap (largest remainder, repeated)."""
    n = len(weights)
    if sum(caps) < total:
        raise ValueError(f"cannot place {total} within caps summing to {sum(caps)}")
    alloc = [0] * n
    w = [max(x, 1e-12) for x in weights]
    remaining = total
    active = [i for i in range(n) if caps[i] > 0]
    while remaining > 0:
        active = [i for i in active if alloc[i] < caps[i]]
        wsum = sum(w[i] for i in active)
        quotas = {i: remaining * w[i] / wsum for i in active}
        given = 0
        for i in active:
            add = min(int(quotas[i]), caps[i] - alloc[i])
            alloc[i] += add
            given += add
        remaining -= given
        for i in sorted(active, key=lambda j: (int(quotas[j]) - quotas[j], j)):
            if remaining == 0:
                break
            if alloc[i] < caps[i]:
                alloc[i] += 1
                remaining -= 1
    return alloc


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _expit(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _split_rest(rest: Sequence[int], no: int, invalid: int, rng: random.Random) -> tuple[list[int], list[int]]:
    no_w = [r * rng.uniform(0.85, 1.15) for r in rest]
    nos = apportion(no, no_w, rest)
    room = [r - x for r, x in zip(rest, nos, strict=True)]
    inv = apportion(invalid, [x * rng.uniform(0.8, 1.2) for x in room], room)
    return nos, inv


def model_precincts(seed: int = SEED) -> list[ModelPrecinct]:
    """The 10,459 model protocols (abroad ones counted in Astana), summing exactly to `OFFICIAL_TOTALS`."""
    rng = random.Random(seed)
    out: list[ModelPrecinct] = []

    # Abroad: small lists refined the day before; citizens who come are added (Elections Law, Art. 25(1)(5)).
    abroad_countries = COUNTRIES + EXTRA_ABROAD
    abroad_reg = [rng.randint(80, 700) for _ in abroad_countries]
    abroad_tp = [round(r * rng.uniform(0.78, 0.95)) for r in abroad_reg]
    abroad_yes = [round(t * rng.uniform(0.7, 0.9)) for t in abroad_tp]
    abroad_rest = [t - y for t, y in zip(abroad_tp, abroad_yes, strict=True)]
    a_no = [round(r * 0.8) for r in abroad_rest]
    a_inv = [(r - x) // 2 for r, x in zip(abroad_rest, a_no, strict=True)]
    abroad: list[Protocol] = []
    for i, country in enumerate(abroad_countries):
        nc = abroad_rest[i] - a_no[i] - a_inv[i]
        reserve = rng.randint(5, 40)
        abroad.append(
            Protocol(
                precinct=f"abroad-{i + 1:03d}",
                unit="astana",
                district="Abroad",
                abroad=True,
                registered=abroad_reg[i],
                took_part=abroad_tp[i],
                yes=abroad_yes[i],
                no=a_no[i],
                invalid=a_inv[i],
                not_counted=nc,
                ballots_received=abroad_tp[i] + reserve,
                ballots_issued=abroad_tp[i],
                ballots_unused=reserve,
            )
        )
        out.append(ModelPrecinct(abroad[-1], f"Mission in {country}", country))
    dom = {k: v - sum(getattr(p, k) for p in abroad) for k, v in OFFICIAL_TOTALS.items()}

    units = list(UNITS)
    reg_u = apportion(dom["registered"], [ELECTORATE_MODEL[u.code] for u in units], [dom["registered"]] * 20)
    # Final turnout per unit: the 18:00 turnout times one common factor fitted to the national final turnout.
    factor = dom["took_part"] / sum(r * u.turnout_1800_bp / 10_000 for r, u in zip(reg_u, units, strict=True))
    tp_u = apportion(
        dom["took_part"],
        [r * u.turnout_1800_bp * factor for r, u in zip(reg_u, units, strict=True)],
        [int(r * 0.98) for r in reg_u],
    )
    national_turnout = dom["took_part"] / dom["registered"]
    yes_share = [
        min(0.96, max(0.62, 0.8715 + 0.45 * (t / r - national_turnout))) for t, r in zip(tp_u, reg_u, strict=True)
    ]
    yes_u = apportion(dom["yes"], [t * y for t, y in zip(tp_u, yes_share, strict=True)], tp_u)
    rest_u = [t - y for t, y in zip(tp_u, yes_u, strict=True)]
    no_u, inv_u = _split_rest(rest_u, dom["no"], dom["invalid"], rng)

    city_factor = {"astana": 0.8, "almaty": 0.8, "shymkent": 0.8}
    count_u = apportion(
        DOMESTIC_PRECINCTS,
        [r * city_factor.get(u.code, 1.25) for r, u in zip(reg_u, units, strict=True)],
        [DOMESTIC_PRECINCTS] * 20,
    )
    for ui, unit in enumerate(units):
        out.extend(_unit_precincts(unit, count_u[ui], reg_u[ui], tp_u[ui], yes_u[ui], no_u[ui], inv_u[ui], rng))
    out.sort(key=lambda m: (m.protocol.unit, m.protocol.precinct))
    return out


def model_district_name(unit: Unit, number: int) -> str:
    """Districts of the model are numbered, not real: the real district lists are not in our sources."""
    return f"Model district {number:02d} of {unit.name_en}"


MODEL_LIST_DATE = "2026-03-05"  # a date chosen for the model, not the official publication date
MODEL_LIST_SOURCE = "MODEL (synthetic): list sizes derived from the model protocols, not published figures"


def model_electorate(model: Sequence[ModelPrecinct], seed: int = SEED) -> dict[str, int]:
    """A MODEL of each precinct's list size as published before voting: the protocol's entitled figure less a few
    voters added on the day (abroad more, where citizens who come are added). Deterministic; never negative."""
    rng = random.Random(seed + 1)
    out: dict[str, int] = {}
    for m in model:
        p = m.protocol
        share = rng.uniform(0.05, 0.25) if p.abroad else rng.uniform(0.0, 0.012)
        out[p.precinct] = p.registered - min(p.registered, int(p.registered * share))
    return out


def _unit_precincts(
    unit: Unit, n: int, reg: int, tp: int, yes: int, no: int, inv: int, rng: random.Random
) -> list[ModelPrecinct]:
    caps = [rng.randint(2300, MAX_VOTERS_PER_PRECINCT) for _ in range(n)]
    regs = apportion(reg, [rng.lognormvariate(0, 0.5) for _ in range(n)], caps)
    f_u = tp / reg
    # Precinct turnout varies around the unit's on the logit scale, so it thins out smoothly towards 100 %
    # instead of piling up against a cap (a pile-up is exactly what forensics flags as ballot stuffing).
    t_logit = _logit(f_u)
    turn_w = [r * _expit(t_logit + rng.gauss(0, 0.3)) for r in regs]
    tps = apportion(tp, turn_w, [r * 995 // 1000 for r in regs])
    y_logit = _logit(yes / tp)
    yes_w = [t * _expit(y_logit + rng.gauss(0, 0.45)) for t in tps]
    yess = apportion(yes, yes_w, tps)
    rest = [t - y for t, y in zip(tps, yess, strict=True)]
    nos, invs = _split_rest(rest, no, inv, rng)
    districts = max(3, round(n / 55)) if unit.kind == "region" else max(4, round(n / 120))
    out = []
    for i in range(n):
        nc = rest[i] - nos[i] - invs[i]
        spare = rng.randint(0, 2)
        issued = min(tps[i] + spare, regs[i]) if regs[i] >= tps[i] + spare else tps[i]
        reserve = rng.randint(0, max(1, regs[i] // 50))
        district = model_district_name(unit, i * districts // n + 1)
        p = Protocol(
            precinct=f"{unit.code}-{i + 1:04d}",
            unit=unit.code,
            district=district,
            registered=regs[i],
            took_part=tps[i],
            yes=yess[i],
            no=nos[i],
            invalid=invs[i],
            not_counted=nc,
            ballots_received=regs[i] + reserve,
            ballots_issued=issued,
            ballots_unused=regs[i] + reserve - issued,
        )
        out.append(ModelPrecinct(p, f"Precinct {i + 1:04d} (model)"))
    return out
