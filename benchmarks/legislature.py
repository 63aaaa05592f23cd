"""`atazan legislature check` over 10,000 generated bills, and the bill state machine over 100,000 transitions.

Run: `.venv/bin/python benchmarks/legislature.py` (or `make bench`). The baseline, measured in the same run, is the
naive way: the dated YAML parameters re-loaded for every check and every transition (what a checker that does not
keep its parameters would do). Both paths are first checked to give identical answers. The bills are synthetic.

Also printed: one cold `atazan legislature check` process (interpreter and Django start-up included), for scale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from atazan.legislature.domain.process import (  # noqa: E402
    Action,
    BillState,
    Move,
    Stage,
    Tally,
    TransitionRefused,
    advance,
    allowed_actions,
)
from atazan.rules.domain.bill import BillKind, bill_from_dict  # noqa: E402
from atazan.rules.domain.checks import bill_violations  # noqa: E402
from atazan.rules.domain.parameters import ParameterSet, default_parameters  # noqa: E402

BILLS = 10_000
TRANSITIONS = 100_000
BASELINE_BILLS = 100  # the naive path is timed on a sample; rates are compared per operation
BASELINE_TRANSITIONS = 100
INITIATORS = ("president", "deputy", "government", "peoples_council", "citizen", "kurultai", "acting_president")


def bill(rng: random.Random, index: int) -> dict[str, object]:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    kind = rng.choice(("ordinary", "ordinary", "constitutional", "amendment"))
    raw: dict[str, object] = {
        "title": f"Synthetic bill {index}",
        "initiator": rng.choice(INITIATORS),
        "kind": kind,
        "date": day.isoformat(),
        "introduced_in": "kurultai" if day >= dt.date(2026, 7, 1) else "majilis",
    }
    if rng.random() < 0.3:
        raw["fiscal_effect"] = {"reduces_revenue": rng.random() < 0.5, "increases_spending": rng.random() < 0.5}
        if rng.random() < 0.5:
            raw["government_opinion"] = rng.choice(("positive", "negative"))
    if kind == "amendment":
        raw["amends_articles"] = rng.sample(["2(7)", "43(1)", "33(5)", "2(4)", "60(1)"], rng.randint(1, 2))
        if rng.random() < 0.7:
            raw["constitutional_court_opinion"] = rng.choice(("compliant", "non_compliant"))
    else:
        entry = day + dt.timedelta(days=rng.randint(0, 200))
        raw["enters_into_force"] = entry.isoformat()
        raw["provisions"] = [
            {
                "label": f"Art. {n}",
                "applies_from": (entry - dt.timedelta(days=rng.randint(-30, 30))).isoformat(),
                "increases_liability": rng.random() < 0.3,
                "adds_duties": rng.random() < 0.3,
                "mitigates_liability": rng.random() < 0.1,
            }
            for n in range(1, rng.randint(1, 6))
        ]
        raw["urgent"] = rng.random() < 0.05
    return raw


def check_file(path: Path, params: ParameterSet) -> list[dict[str, str]]:
    """What `atazan legislature check PATH --json` computes (read, parse, check)."""
    draft = bill_from_dict(json.loads(path.read_text(encoding="utf-8")), default_date=dt.date(2026, 10, 1))
    return [v.as_dict() for v in bill_violations(draft, params)]


def walk(rng: random.Random, count: int) -> list[tuple[BillState, Move]]:
    """``count`` legal or illegal (state, move) pairs from random walks through the machine."""
    pairs: list[tuple[BillState, Move]] = []
    params = default_parameters()
    while len(pairs) < count:
        state = BillState(kind=rng.choice((BillKind.ORDINARY, BillKind.CONSTITUTIONAL)), urgent=rng.random() < 0.1)
        day = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randint(0, 60))
        for _ in range(12):
            legal = allowed_actions(state)
            action = rng.choice(legal) if legal and rng.random() < 0.8 else rng.choice(list(Action))
            day = day + dt.timedelta(days=rng.randint(0, 12))
            present = rng.randint(90, 145)
            yes = rng.randint(0, present)
            move = Move(
                action,
                day,
                tally=Tally(yes, present - yes, 0, present, 145),
                compliant=rng.random() < 0.8,
                referred_by="president",
                president_wording=rng.random() < 0.3,
            )
            pairs.append((state, move))
            with contextlib.suppress(TransitionRefused):
                state, _ = advance(state, move, params)
            if state.stage in (Stage.PUBLISHED, Stage.NOT_ADOPTED, Stage.REJECTED) or len(pairs) >= count:
                break
    return pairs


def run_transitions(pairs: list[tuple[BillState, Move]], fresh: bool) -> list[str]:
    out = []
    params = default_parameters()
    for state, move in pairs:
        try:
            new, _ = advance(state, move, ParameterSet.load() if fresh else params)
            out.append(new.stage.value)
        except TransitionRefused as refused:
            out.append(f"refused {refused.article}")
    return out


def main() -> None:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for index in range(BILLS):
            path = Path(tmp) / f"bill-{index:05d}.json"
            path.write_text(json.dumps(bill(rng, index)), encoding="utf-8")
            files.append(path)
        params = default_parameters()
        sample = files[:BASELINE_BILLS]
        start = time.perf_counter()
        naive_answers = [check_file(f, ParameterSet.load()) for f in sample]
        naive = (time.perf_counter() - start) * BILLS / BASELINE_BILLS
        assert [check_file(f, params) for f in sample] == naive_answers
        start = time.perf_counter()
        failing = sum(1 for f in files if check_file(f, params))
        kept = time.perf_counter() - start
        print(
            f"check: {BILLS} bills ({failing} with a violation) in {kept:.3f} s = {kept / BILLS * 1e6:.1f} µs/bill "
            f"(parameters kept); naive (YAML re-loaded per bill, {BASELINE_BILLS} timed): "
            f"{naive / BILLS * 1e6:.0f} µs/bill; ratio {naive / kept:.0f}x"
        )
        cold = []
        for f in files[:3]:
            start = time.perf_counter()
            subprocess.run(
                [str(ROOT / ".venv" / "bin" / "atazan"), "legislature", "check", str(f), "--json"],
                capture_output=True,
                check=False,
            )
            cold.append(time.perf_counter() - start)
        print(f"one cold `atazan legislature check` process: {min(cold):.2f} s (start-up dominates; best of 3)")

    pairs = walk(rng, TRANSITIONS)
    start = time.perf_counter()
    naive_outcomes = run_transitions(pairs[:BASELINE_TRANSITIONS], True)
    naive = (time.perf_counter() - start) * TRANSITIONS / BASELINE_TRANSITIONS
    start = time.perf_counter()
    outcomes = run_transitions(pairs, False)
    kept = time.perf_counter() - start
    assert outcomes[:BASELINE_TRANSITIONS] == naive_outcomes
    refused = sum(1 for o in outcomes if o.startswith("refused"))
    print(
        f"state machine: {TRANSITIONS} transitions ({refused} refused) in {kept:.3f} s = "
        f"{kept / TRANSITIONS * 1e6:.1f} µs each (parameters kept); naive (YAML re-loaded per transition, "
        f"{BASELINE_TRANSITIONS} timed): {naive / TRANSITIONS * 1e6:.0f} µs each; ratio {naive / kept:.0f}x"
    )


if __name__ == "__main__":
    main()
