import random

from atazan.referendum.domain.forensics import (
    anomalous_precincts,
    histogram,
    integer_percentage_test,
    is_integer_percentage,
    turnout_yes_histogram,
)
from atazan.referendum.domain.protocol import Protocol


def honest(n: int, seed: int = 1) -> list[Protocol]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        reg = rng.randint(600, 2500)
        took = int(reg * rng.uniform(0.55, 0.75))
        yes = int(took * rng.uniform(0.6, 0.8))
        out.append(Protocol(f"h{i}", "karaganda", "", reg, took, yes, took - yes, 0, 0))
    return out


def test_integer_percentage_is_judged_at_one_decimal() -> None:
    assert is_integer_percentage(800, 1000)
    assert is_integer_percentage(7995, 10000)  # 79.95 % rounds to 80.0 %
    assert not is_integer_percentage(801, 1000)
    assert not is_integer_percentage(1, 0)


def test_written_in_round_percentages_stand_out_against_the_monte_carlo_expectation() -> None:
    clean = honest(300)
    clean_test = integer_percentage_test(clean, measure="turnout", simulations=60, seed=7)
    assert clean_test.p_value > 0.01
    # Rewrite a third of the protocols so turnout is exactly 85 %: the fingerprint of a target being met.
    forged = [
        Protocol(
            p.precinct,
            p.unit,
            "",
            p.registered - p.registered % 20,
            (p.registered - p.registered % 20) * 85 // 100,
            0,
            0,
            0,
            0,
        )
        if i % 3 == 0
        else p
        for i, p in enumerate(clean)
    ]
    forged = [
        Protocol(p.precinct, p.unit, "", p.registered, p.took_part, p.took_part, 0, 0, 0) if p.yes == 0 else p
        for p in forged
    ]
    forged_test = integer_percentage_test(forged, measure="turnout", simulations=60, seed=7)
    assert forged_test.observed > forged_test.expected + 5 * max(forged_test.spread, 1)
    assert forged_test.p_value < 0.05
    again = integer_percentage_test(forged, measure="turnout", simulations=60, seed=7)
    assert again == forged_test  # seeded: reproducible


def test_histograms_count_every_precinct_once() -> None:
    ps = honest(120)
    assert sum(histogram(ps, measure="turnout").counts) == 120
    assert sum(histogram(ps, measure="yes", bins=20).weights) == sum(p.took_part for p in ps)
    grid = turnout_yes_histogram(ps, bins=10)
    assert sum(map(sum, grid)) == sum(p.took_part for p in ps)


def test_stuffed_precinct_tops_the_anomaly_ranking() -> None:
    ps = honest(200)
    ps.append(Protocol("stuffed", "karaganda", "", 1000, 1000, 1000, 0, 0, 0))
    ranked = anomalous_precincts(ps, limit=5)
    assert ranked[0].precinct == "stuffed"
    assert "turnout 100%" in ranked[0].reasons and "yes 100%" in ranked[0].reasons
