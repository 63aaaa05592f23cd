"""µs per allocation of 145 seats among 12 lists: atazan (Art. 97-1, exact) versus `apportionment`, same run.

Run: `.venv/bin/python benchmarks/elections.py` (or `make bench`). `apportionment` is a bench/test-only dependency;
without it only atazan's numbers are printed. Each case is checked for identical seats before it is timed.
"""

from __future__ import annotations

import random
import sys
import timeit
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from atazan.elections.domain import AllocationInput, Method, PartyList, allocate, allocation_steps  # noqa: E402

SEATS = 145
LISTS = 12
CASES = 200


def cases(rng: random.Random) -> list[AllocationInput]:
    out = []
    while len(out) < CASES:
        votes = [rng.randint(200_000, 2_500_000) for _ in range(LISTS)]
        took_part = sum(votes) + rng.randint(50_000, 400_000)
        pls = tuple(PartyList(f"P{i}", v, i) for i, v in enumerate(votes, start=1))
        out.append(AllocationInput(seats=SEATS, took_part=took_part, lists=pls, threshold=Fraction(5, 100)))
    return out


def per_call_us(fn, inputs, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    def run() -> None:
        for x in inputs:
            fn(x)

    best = min(timeit.repeat(run, number=3, repeat=repeat))
    return best / (3 * len(inputs)) * 1e6


def main() -> int:
    rng = random.Random(145)
    inputs = cases(rng)
    ours = per_call_us(allocate, inputs)
    ours_explained = per_call_us(lambda x: allocation_steps(allocate(x)), inputs)
    dhondt = per_call_us(lambda x: allocate(x, Method.DHONDT), inputs)
    print(f"{SEATS} seats, {LISTS} lists, {CASES} vote sets (threshold 5% of those who took part)")
    print(f"atazan Art. 97-1 Hare (exact ints, checks + threshold):  {ours:8.2f} µs/allocation")
    print(f"atazan Art. 97-1 Hare + every step explained:            {ours_explained:8.2f} µs/allocation")
    print(f"atazan D'Hondt (exact, not the law):                     {dhondt:8.2f} µs/allocation")
    try:
        from apportionment import methods
    except ImportError:
        print("apportionment not installed: no baseline (pip install apportionment)")
        return 0
    admitted = []
    for x in inputs:
        a = allocate(x)
        votes = [o.votes for o in a.outcomes if o.admitted]
        theirs = methods.compute("largest_remainder", votes, SEATS, fractions=True)
        if [int(s) for s in theirs] != [o.seats for o in a.outcomes if o.admitted]:
            print("MISMATCH with apportionment (exact mode) on", votes)
            return 1
        admitted.append(votes)
    # apportionment gets only the admitted lists (it cannot apply Art. 97-1's threshold base); atazan does more work.
    exact = per_call_us(lambda v: methods.compute("largest_remainder", v, SEATS, fractions=True), admitted)
    floats = per_call_us(lambda v: methods.compute("largest_remainder", v, SEATS), admitted)
    dh = per_call_us(lambda v: methods.compute("dhondt", v, SEATS, fractions=True), admitted)
    print(f"apportionment largest_remainder, fractions=True (exact): {exact:8.2f} µs/allocation")
    print(f"apportionment largest_remainder, numpy floats (inexact): {floats:8.2f} µs/allocation")
    print(f"apportionment dhondt, fractions=True (exact):            {dh:8.2f} µs/allocation")
    print(f"ratio vs exact apportionment:  {exact / ours:6.1f}× faster (target ≥ 3×)")
    print(f"ratio vs float apportionment:  {floats / ours:6.1f}× faster")
    print(f"ratio D'Hondt vs apportionment D'Hondt exact: {dh / dhondt:6.1f}× faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
