"""Server time of every public HTML page of the demo (issue 18: each under 200 ms, p95 of 20 requests after a
warm-up), with the first request of a fresh process for the pages whose first reader used to pay for a computation.

    ATAZAN_VAR_DIR=var .venv/bin/python benchmarks/pages.py            # a demo already built there (atazan demo)
    ATAZAN_VAR_DIR=/tmp/x .venv/bin/python benchmarks/pages.py --build # build it first (minutes)

Pages: those a signed-out reader reaches from the home page by links (tests/web/crawl.py: two of each shape), plus
the heavy ones by name (forensics, the comparative table, the rights section) and the big open-data downloads
(streamed: the time to the last byte). Time is measured in this process with Django's test client: the server's
work for the request (middleware, views, queries, templates), no network. Baseline in the same run: the median
page; each page's ratio to it is printed, and the slowest pages first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.web.crawl

TARGET_MS = 200.0
REQUESTS = 20
NAMED = (
    "/referendum/2026-constitution/forensics/",
    "/texts/compare/1995/2026/rus/",
    "/texts/compare/1995/2026/kaz/",
    "/topics/rights/",
)
EXPORTS = (
    "/consultation/open-data.json",
    "/consultation/open-data.csv",
    "/texts/compare/1995/2026/rus/table.csv",
)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _get(client: object, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    if getattr(response, "streaming", False):
        for _chunk in response.streaming_content:
            pass
    else:
        _ = response.content
    return response.status_code, (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="build the whole demo first (atazan demo)")
    parser.add_argument("--language", default="kk", help="interface language of the crawl (kk, ru, en)")
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument(
        "--pages",
        nargs="*",
        help="these paths, and a sample of about 20 crawled pages for the median (instead of every page)",
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # no query log kept per request, as in production

    from django.core.management import call_command
    from tests.web.crawl import crawl, demo_build

    from atazan.referendum import selectors as referendum_selectors

    call_command("migrate", interactive=False, verbosity=0)  # a demo built before the newest migrations
    if args.build:
        demo_build()
    client = Client(HTTP_ACCEPT_LANGUAGE=args.language, raise_request_exception=False)
    client.cookies["atazan_language"] = args.language

    # the first request of this fresh process for the heavy pages (what a newly started web worker's first reader
    # waits): forensics come from the shared cache, not from a Monte Carlo of its own
    _get(client, "/about/")  # the process's own first request (imports every view module), not the pages'

    def fresh_process() -> None:
        """Forget what this process computed, as a newly started web worker has nothing of its own."""
        from atazan.texts import comparison

        referendum_selectors._MEMO.clear()
        for cached in (comparison._cached, comparison._rows_cached, comparison._sections_cached):
            cached.cache_clear()

    fresh_process()
    cold = {path: _get(client, path) for path in NAMED}  # the first reader of this data (computes what is missing)
    fresh_process()
    other = {path: _get(client, path) for path in NAMED}  # the first reader in another process (reads it)

    pages = [path for path, status, _html in crawl(client) if status == 200]
    pages += [p for p in NAMED if p not in pages and cold[p][0] == 200]
    if args.pages:
        pages = [*args.pages, *(p for p in pages[:: max(1, len(pages) // 20)] if p not in args.pages)]
    print(
        f"{len(pages)} HTML pages from {settings.DATABASES['default']['NAME']}; "
        f"{args.requests} requests each after one warm-up; load average {os.getloadavg()[0]:.1f}"
    )
    results: dict[str, tuple[float, float]] = {}
    for path in pages:
        _get(client, path)  # warm-up
        times = [_get(client, path)[1] for _ in range(args.requests)]
        results[path] = (_p95(times), statistics.median(times))
    exports: dict[str, float] = {}
    for path in EXPORTS:
        status, ms = _get(client, path)
        if status == 200:
            exports[path] = ms

    median_page = statistics.median(p95 for p95, _ in results.values())
    print(f"\nbaseline: the median page's p95 = {median_page:.1f} ms; target {TARGET_MS:.0f} ms per page")
    print(f"{'p95 ms':>8} {'median':>8} {'x median page':>13}  page")
    for path, (p95, med) in sorted(results.items(), key=lambda kv: -kv[1][0]):
        flag = "  OVER TARGET" if p95 > TARGET_MS else ""
        print(f"{p95:8.1f} {med:8.1f} {p95 / median_page:13.2f}  {path}{flag}")
    print("\nfirst request in a fresh process: the first reader of this data, then the first reader in another process")
    for path, (status, ms) in cold.items():
        again = other[path][1]
        print(f"{ms:8.1f} ms {again:8.1f} ms  ({ms / again:5.1f}x)  {path} ({status})")
    print("\nexports, streamed (time to the last byte):")
    for path, ms in exports.items():
        print(f"{ms:8.1f} ms  {path}")
    slowest, (worst, _) = max(results.items(), key=lambda kv: kv[1][0])
    over = [p for p, (p95, _) in results.items() if p95 > TARGET_MS]
    print(
        f"\nslowest page: {slowest} p95 {worst:.1f} ms = {worst / median_page:.1f}x the median page, "
        f"{worst / TARGET_MS:.2f}x the {TARGET_MS:.0f} ms target; {len(over)} of {len(results)} pages over the target"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
