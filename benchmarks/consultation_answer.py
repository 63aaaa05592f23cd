"""Benchmark: the working group answers a 10,000-proposal campaign at once (issue 17).

One official answer for every appeal of a duplicate group, recorded per proposal (registered → under review →
answer, two StatusChange rows each), the proposals updated, and one audit entry vouching for each answer's digest;
then `audit verify` re-reads every answer. Target: the answer in under 5 s on SQLite; the number of queries stays
flat (bulk statements, not one per proposal). The data is SYNTHETIC.

Run: `.venv/bin/python benchmarks/consultation_answer.py [--count 10000]` (or `make bench`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TARGET_S = 5.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="atazan-bench-answer-"))
    os.environ["ATAZAN_VAR_DIR"] = str(workdir)
    os.environ["ATAZAN_AUDIT_KEY_FILE"] = str(workdir / "audit-signing.key")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from atazan.accounts.domain.roles import Role
    from atazan.accounts.services import user_create
    from atazan.audit.selectors import audit_verify
    from atazan.consultation import services
    from atazan.consultation.models import Proposal, StatusChange

    text = "Прошу закрепить в статье 53 право граждан на доступ к информации о работе государственных органов."
    group = "EO-20260101-CAMP0000"
    at = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    numbers = [group] + [f"EO-20260102-{i:08X}" for i in range(1, args.count)]
    Proposal.objects.bulk_create(
        [Proposal(registration_number=n, applicant_surname="Омарова", applicant_name="Нургуль", region="Astana",
                  language="ru", text=text, normal_text=text.lower(), submitted_at=at, duplicate_group=group,
                  synthetic=True) for n in numbers], batch_size=2000,
    )  # fmt: skip
    secretary = user_create(username="bench-sec", password="a-long-bench-password-1",
                            roles=[Role.WORKING_GROUP_SECRETARY], full_name="Bench Secretary")  # fmt: skip
    # the notifications to followers go out when the answer commits (consultation.notifications); timed apart
    notify = {"s": 0.0, "queries": 0}
    try:
        from atazan.consultation import notifications
    except ImportError:  # before the notifications module
        notifications = None  # type: ignore[assignment]
    if notifications is not None:
        dispatch = notifications.notifications_dispatch

        def timed_dispatch(**kwargs: object) -> int:
            t0, q0 = time.perf_counter(), len(connection.queries)
            made = dispatch(**kwargs)  # type: ignore[arg-type]
            notify["s"] += time.perf_counter() - t0
            notify["queries"] += len(connection.queries) - q0
            return made

        notifications.notifications_dispatch = timed_dispatch  # type: ignore[assignment]
    started, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        result = services.group_answer(group=group, status="partly_accepted", answer="Учтено в статье 53.",
                                       decided_by=secretary)  # fmt: skip
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    if notify["s"]:
        print(f"  of which the followers' notifications on commit: {notify['s']:.2f} s, {notify['queries']} queries")
    else:
        print("  the followers' notifications: left to `atazan worker` (a queued task), not timed here")
    print(f"  the answer itself: {wall - notify['s']:.2f} s, {len(queries) - notify['queries']} queries")
    if os.environ.get("BENCH_QUERIES"):
        from collections import Counter

        print(Counter(q["sql"][:70] for q in queries.captured_queries).most_common(8))
    assert result.answered == args.count, result
    assert StatusChange.objects.count() == 2 * args.count
    verdict = "met" if wall < TARGET_S else "MISSED"
    print(f"answer a {args.count:,}-proposal campaign at once: {wall:.2f} s wall, {cpu:.2f} s cpu, "
          f"{len(queries)} queries; target < {TARGET_S:.0f} s on SQLite: {verdict}")  # fmt: skip
    started = time.perf_counter()
    intact = audit_verify().intact
    print(f"audit verify re-reads the {args.count:,} answers: {time.perf_counter() - started:.2f} s, intact={intact}")
    if not intact:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
