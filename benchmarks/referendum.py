"""Benchmark: 10,459 referendum protocols — parse, check and tally in memory; import into SQLite and tally from the
database; sign, publish and verify a national bundle. Baseline in the same run: pandas reading the same CSV and
summing it by unit (no checks, no adoption rule), which is what an analyst would write first.

Run: `.venv/bin/python benchmarks/referendum.py` (or `make bench`). pandas is a bench-only dependency; without it
only atazan's numbers are printed. Targets: tally in memory < 50 ms; import-to-result < 5 s on SQLite; bundle
verification < 2 s. Times are the best of a few runs, wall clock and CPU time of this process (the machine may be
shared; CPU time does not count other load).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from atazan.referendum.domain.adoption import QuestionKind  # noqa: E402
from atazan.referendum.domain.integrity import (  # noqa: E402
    BundleMeta,
    bundle_build,
    bundle_verify,
    derive_signing_key,
    sign_all,
)
from atazan.referendum.domain.protocol_io import read_csv, write_csv  # noqa: E402
from atazan.referendum.domain.synthetic import OFFICIAL_TOTALS, model_precincts  # noqa: E402
from atazan.referendum.domain.tally import tally  # noqa: E402


def best(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """(best wall seconds, CPU seconds of that run, last result)."""
    runs = []
    result = None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        runs.append((time.perf_counter() - w0, time.process_time() - c0))
    wall, cpu = min(runs)
    return wall, cpu, result


def line(label: str, wall: float, cpu: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"  target < {target * 1000:.0f} ms: {'met' if wall < target else 'MISSED (wall)'}"
        if wall >= target and cpu < target:
            verdict += ", met on CPU time"
    print(f"{label:<58} {wall * 1000:9.1f} ms wall {cpu * 1000:9.1f} ms cpu{verdict}")


def main() -> None:
    protocols = [m.protocol for m in model_precincts()]
    text = "".join(write_csv(protocols))
    workdir = Path(tempfile.mkdtemp(prefix="atazan-bench-"))
    csv_path = workdir / "protocols.csv"
    csv_path.write_text(text, encoding="utf-8")
    print(f"{len(protocols):,} protocols, {len(text):,} bytes of CSV ({os.cpu_count()} CPUs visible)")

    parsed = read_csv(text)
    wall, cpu, result = best(lambda: tally(parsed.protocols, kind=QuestionKind.CONSTITUTION), repeat=7)
    assert result.totals.as_dict() == OFFICIAL_TOTALS and not result.rejected
    line("tally in memory (check + sum + adoption rule)", wall, cpu, 0.050)
    tally_wall = wall
    wall, cpu, _ = best(lambda: tally(read_csv(text).protocols, kind=QuestionKind.CONSTITUTION), repeat=3)
    line("parse CSV + tally", wall, cpu)
    parse_tally_wall = wall

    try:
        import pandas as pd
    except ImportError:
        pd = None
        print("pandas not installed: no baseline (pip install pandas)")
    if pd is not None:
        frame = pd.read_csv(csv_path)
        columns = ["registered", "took_part", "yes", "no", "invalid", "not_counted"]

        def pandas_groupby() -> Any:
            by_unit = frame.groupby("unit")[columns].sum()
            return by_unit, by_unit.sum(), int((2 * by_unit["yes"] > by_unit["took_part"]).sum())

        wall, cpu, (_, national, _) = best(pandas_groupby, repeat=7)
        assert int(national["yes"]) == OFFICIAL_TOTALS["yes"]
        line(f"pandas {pd.__version__}: group-by unit + sum (baseline)", wall, cpu)
        print(f"{'  ratio atazan tally / pandas group-by':<58} {tally_wall / wall:9.2f} x")
        wall, cpu, _ = best(lambda: pd.read_csv(csv_path).groupby("unit")[columns].sum(), repeat=3)
        line("pandas: read CSV + group-by (baseline)", wall, cpu)
        print(f"{'  ratio atazan parse+tally / pandas read+group-by':<58} {parse_tally_wall / wall:9.2f} x")

    # Import into a fresh SQLite database and read the result back from it.
    os.environ["ATAZAN_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from atazan.referendum import selectors, services

    question = services.question_ensure(
        slug="bench",
        title="bench",
        voting_date=date(2026, 3, 15),
        kind="constitution",
        text_ru="?",
        synthetic=True,
        actor="bench",
    )

    # the model's precincts on the register first: a protocol is counted only for a registered precinct
    from atazan.referendum.domain.register import register_from_protocols

    services.register_load(precincts=register_from_protocols(protocols), actor="bench", source="model")

    def import_to_result() -> Any:
        fresh = read_csv(csv_path.read_text(encoding="utf-8"))
        report = services.protocols_import(question=question, parsed=fresh, source="bench.csv", actor="bench")
        selectors._MEMO.clear()
        return report, selectors.result_for(question)

    w0, c0 = time.perf_counter(), time.process_time()
    report, db_result = import_to_result()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    assert report.accepted == len(protocols) and db_result.totals.as_dict() == OFFICIAL_TOTALS
    line("import-to-result on SQLite (parse, check, store, tally)", wall, cpu, 5.0)
    w0, c0 = time.perf_counter(), time.process_time()
    again, _ = import_to_result()
    assert again.unchanged == len(protocols) and again.accepted == 0
    line("  re-import of the same file (changes nothing)", time.perf_counter() - w0, time.process_time() - c0)

    secret = b"bench"
    w0, c0 = time.perf_counter(), time.process_time()
    signed = sign_all(protocols, secret)
    line("sign 10,459 protocols (Ed25519, one key per commission)", time.perf_counter() - w0, time.process_time() - c0)
    meta = BundleMeta("bench", "2026-03-15", "?", QuestionKind.CONSTITUTION, synthetic=True)
    wall, cpu, data = best(lambda: bundle_build(signed, meta, derive_signing_key(secret, "cec")), repeat=2)
    line(f"build national bundle ({len(data):,} bytes)", wall, cpu)
    wall, cpu, report_v = best(lambda: bundle_verify(data), repeat=3)
    assert report_v.ok and report_v.result is not None and report_v.result.totals.as_dict() == OFFICIAL_TOTALS
    line("verify national bundle (signatures, chain, recount)", wall, cpu, 2.0)


if __name__ == "__main__":
    main()
