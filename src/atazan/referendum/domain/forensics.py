"""Election forensics over precinct protocols: the statistics observers use to spot falsified protocols.

These are screening statistics, not legal findings: nothing here changes a result. Shares are binned with integer
arithmetic; the summary statistics (medians, z-scores) are floats because they only rank precincts for a human to
look at, they decide nothing.

Integer-percentage test: D. Kobak, S. Shpilkin, M. S. Pshenichnikov (2016), "Integer percentages as electoral
falsification fingerprints", Annals of Applied Statistics 10(1), 54-73. A protocol written to hit a target tends to
show turnout or "yes" share at a whole percentage (80.0 %, 85.0 %) more often than counting real ballots would. We
count precincts whose share, rounded to 0.1 %, is a whole percentage, and compare the count with its expectation
under honest counting, estimated by Monte Carlo: each precinct's count is redrawn around its own observed rate with
binomial spread (normal approximation, seeded, so the figure is reproducible).
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .protocol import Protocol

KSP_REFERENCE = (
    "D. Kobak, S. Shpilkin, M. S. Pshenichnikov (2016), Integer percentages as electoral falsification fingerprints, "
    "Annals of Applied Statistics 10(1), 54-73"
)
MIN_VOTERS_FOR_INTEGER_TEST = 100  # below this a whole percentage is common by arithmetic alone (KSP 2016, Sec. 3)


def share_bin(part: int, whole: int, bins: int) -> int:
    """Index of the bin of part/whole among `bins` equal bins of [0, 1]; 1.0 falls in the last bin."""
    if whole <= 0:
        return 0
    return min(part * bins // whole, bins - 1)


@dataclass(frozen=True, slots=True)
class Histogram:
    bins: int
    counts: tuple[int, ...]  # number of precincts per bin
    weights: tuple[int, ...]  # number of voters (took part) per bin


def histogram(protocols: Sequence[Protocol], *, measure: str, bins: int = 100) -> Histogram:
    """Distribution of precinct turnout (`measure="turnout"`) or yes share (`measure="yes"`)."""
    counts = [0] * bins
    weights = [0] * bins
    for p in protocols:
        if measure == "turnout":
            if p.registered == 0:
                continue
            b = share_bin(p.took_part, p.registered, bins)
        elif measure == "yes":
            if p.took_part == 0:
                continue
            b = share_bin(p.yes, p.took_part, bins)
        else:
            raise ValueError(f"unknown measure {measure!r}: use 'turnout' or 'yes'")
        counts[b] += 1
        weights[b] += p.took_part
    return Histogram(bins, tuple(counts), tuple(weights))


def turnout_yes_histogram(protocols: Sequence[Protocol], *, bins: int = 50) -> list[list[int]]:
    """2D histogram: rows = turnout bins, columns = yes-share bins, cells = voters who took part.

    Honest elections give a blob; ballot stuffing draws a comet's tail towards (100 %, 100 %).
    """
    grid = [[0] * bins for _ in range(bins)]
    for p in protocols:
        if p.registered == 0 or p.took_part == 0:
            continue
        grid[share_bin(p.took_part, p.registered, bins)][share_bin(p.yes, p.took_part, bins)] += p.took_part
    return grid


def is_integer_percentage(part: int, whole: int) -> bool:
    """Whether part/whole, rounded half-up to 0.1 %, is a whole percentage (e.g. 80.0 %)."""
    if whole <= 0:
        return False
    permille = (2000 * part + whole) // (2 * whole)  # round(1000 * part / whole), half up, exact
    return permille % 10 == 0


@dataclass(frozen=True, slots=True)
class IntegerPercentageTest:
    measure: str
    precincts_tested: int
    observed: int
    expected: float
    spread: float  # standard deviation of the simulated counts
    p_value: float  # share of simulations with at least the observed count (one-sided, +1 smoothing)
    simulations: int
    seed: int

    @property
    def excess(self) -> float:
        return self.observed - self.expected


def integer_percentage_test(
    protocols: Sequence[Protocol], *, measure: str, simulations: int = 200, seed: int = 2016
) -> IntegerPercentageTest:
    """Count precincts with an integer percentage and its Monte Carlo expectation under honest counting."""
    pairs: list[tuple[int, int]] = []
    for p in protocols:
        part, whole = (p.took_part, p.registered) if measure == "turnout" else (p.yes, p.took_part)
        if measure not in ("turnout", "yes"):
            raise ValueError(f"unknown measure {measure!r}: use 'turnout' or 'yes'")
        if whole >= MIN_VOTERS_FOR_INTEGER_TEST:
            pairs.append((part, whole))
    observed = sum(1 for part, whole in pairs if is_integer_percentage(part, whole))
    rng = random.Random(seed)
    gauss = rng.gauss
    params = [(whole, part, math.sqrt(part * (whole - part) / whole)) for part, whole in pairs]
    simulated: list[int] = []
    for _ in range(simulations):
        hits = 0
        for whole, mean, sd in params:
            draw = round(mean + sd * gauss(0.0, 1.0))
            draw = 0 if draw < 0 else whole if draw > whole else draw
            permille = (2000 * draw + whole) // (2 * whole)
            if permille % 10 == 0:
                hits += 1
        simulated.append(hits)
    expected = statistics.fmean(simulated) if simulated else 0.0
    spread = statistics.pstdev(simulated) if len(simulated) > 1 else 0.0
    at_least = sum(1 for s in simulated if s >= observed)
    p_value = (at_least + 1) / (len(simulated) + 1)
    return IntegerPercentageTest(measure, len(pairs), observed, expected, spread, p_value, simulations, seed)


@dataclass(frozen=True, slots=True)
class Anomaly:
    precinct: str
    unit: str
    score: float
    reasons: tuple[str, ...]
    turnout: float
    yes_share: float


def _median_mad(values: list[float]) -> tuple[float, float]:
    med = statistics.median(values)
    mad = statistics.median([abs(v - med) for v in values]) * 1.4826
    return med, max(mad, 0.01)


def anomalous_precincts(protocols: Sequence[Protocol], *, limit: int = 50) -> list[Anomaly]:
    """Precincts ranked by how far their turnout and yes share stand from their unit's (robust z-scores),
    with extra weight for the fingerprints of written-in results: 100 % turnout, 100 % yes, integer percentages."""
    by_unit: dict[str, list[Protocol]] = {}
    for p in protocols:
        if p.registered > 0 and p.took_part > 0:
            # Precincts abroad vote under other conditions (lists refined the day before): compare them together.
            by_unit.setdefault("abroad" if p.abroad else p.unit, []).append(p)
    found: list[Anomaly] = []
    for group in by_unit.values():
        turnouts = [p.took_part / p.registered for p in group]
        yes = [p.yes / p.took_part for p in group]
        t_med, t_mad = _median_mad(turnouts)
        y_med, y_mad = _median_mad(yes)
        for p, t, y in zip(group, turnouts, yes, strict=True):
            zt = (t - t_med) / t_mad
            zy = (y - y_med) / y_mad
            reasons: list[str] = []
            score = max(0.0, zt) + max(0.0, zy)
            if zt > 3:
                reasons.append(f"turnout {t:.1%} vs unit median {t_med:.1%}")
            if zy > 3:
                reasons.append(f"yes {y:.1%} vs unit median {y_med:.1%}")
            if p.took_part == p.registered:
                score += 3
                reasons.append("turnout 100%")
            if p.yes == p.took_part:
                score += 3
                reasons.append("yes 100%")
            if (
                p.took_part >= MIN_VOTERS_FOR_INTEGER_TEST
                and is_integer_percentage(p.yes, p.took_part)
                and is_integer_percentage(p.took_part, p.registered)
            ):
                score += 2
                reasons.append("turnout and yes both integer percentages")
            if reasons:
                found.append(Anomaly(p.precinct, p.unit, round(score, 3), tuple(reasons), t, y))
    found.sort(key=lambda a: (-a.score, a.precinct))
    return found[:limit]
