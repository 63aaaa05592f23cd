"""Benchmark: reading the referendum result from the counters kept in the database (models.ResultCounter) against
a full tally of every current protocol version from scratch (the baseline, measured in the same run: what a worker
that keeps nothing, or a cold one, has to do), on the demo's 10,459 model protocols; then the live fragment and the
result API through Django's test client, p50/p95 of 50 requests, while nothing changes and with a correction filed
between every two polls. Wall and CPU time of this process (SQLite runs in it; the machine may be shared).

Run: `.venv/bin/python benchmarks/referendum_counters.py` (a fresh SQLite database in a temporary directory;
storing the protocols takes about a minute).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("ATAZAN_VAR_DIR", tempfile.mkdtemp(prefix="atazan-bench-counters-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from rich.console import Console  # noqa: E402

from atazan.referendum import demo, selectors, services  # noqa: E402
from atazan.referendum.domain.protocol import Protocol  # noqa: E402
from atazan.referendum.domain.tally import tally  # noqa: E402
from atazan.referendum.models import ProtocolVersion  # noqa: E402


def percentiles(fn: Callable[[], Any], n: int) -> tuple[float, float, float, float]:
    """(wall p50, wall p95, CPU p50, CPU p95) in ms over n calls."""
    wall, cpu = [], []
    for _ in range(n):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    wall.sort()
    cpu.sort()
    at = max(0, int(n * 0.95) - 1)
    return wall[n // 2] * 1000, wall[at] * 1000, cpu[n // 2] * 1000, cpu[at] * 1000


def show(label: str, figures: tuple[float, float, float, float]) -> None:
    wall = f"wall p50 {figures[0]:7.1f} p95 {figures[1]:7.1f} ms"
    print(f"{label:44} {wall}   cpu p50 {figures[2]:6.1f} p95 {figures[3]:6.1f} ms")


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    demo.build(console=Console(quiet=True))
    q = selectors.question_get(demo.QUESTION_SLUG)
    print(f"demo referendum stored in {time.perf_counter() - started:.1f} s; load {os.getloadavg()[0]:.1f}")

    def full() -> None:
        tally(selectors.protocols_current(q), kind=q.question_kind, registry=selectors.registry_for(q))

    baseline = percentiles(full, 10)
    counters = percentiles(lambda: selectors.live_for(q), 50)
    show("full tally from scratch (baseline)", baseline)
    show("result from the counters", counters)
    print(f"counters / full tally (p50 wall): {counters[0] / baseline[0]:.3f}")

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    urls = {
        "live fragment": f"/referendum/{q.slug}/live/",
        "result API": f"/api/referendum/questions/{q.slug}/result",
    }
    for name, url in urls.items():
        client.get(url)
        show(f"{name}, nothing changing", percentiles(lambda url=url: client.get(url), 50))
    versions = iter(
        list(
            ProtocolVersion.objects.filter(question=q, is_current=True)
            .select_related("precinct__unit", "precinct__district")
            .order_by("id")[:60]
        )
    )

    def correct_then_poll(url: str) -> None:
        v = next(versions)
        yes, no = (v.yes - 1, v.no + 1) if v.yes else (v.yes + 1, v.no - 1)
        p = Protocol(
            v.precinct.number,
            v.precinct.unit.code,
            v.precinct.district.name if v.precinct.district else "",
            v.registered,
            v.took_part,
            yes,
            no,
            v.invalid,
            v.not_counted,
            v.ballots_received,
            v.ballots_issued,
            v.ballots_unused,
            v.precinct.abroad,
        )
        services.protocol_correct(question=q, protocol=p, reason="benchmark", author="bench")
        client.get(url)

    for name, url in urls.items():
        # includes filing the correction; the poll alone is the difference from the line above
        show(f"{name}, a correction before each", percentiles(lambda url=url: correct_then_poll(url), 25))
    differences = services.counters_recount(question=q, actor="bench", write=False)
    print(f"recount after the corrections: {len(differences)} difference(s); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
