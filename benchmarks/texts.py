"""Benchmark: parse both Constitutions, align and diff everything; compare with a naive all-pairs difflib baseline.

Run: .venv/bin/python benchmarks/texts.py   (make bench)

Both are measured in the same run, on one core (pure Python, single thread), as CPU time of this process
(time.process_time) so that other load on the machine does not count; wall time is printed too.
The baseline is what one would write first: for every 1995 article, difflib's ratio against every 2026 article
on word lists, the best one taken as its counterpart, then a difflib diff of that pair.
"""

from __future__ import annotations

import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from atazan.texts.domain.align import normative_text, words  # noqa: E402
from atazan.texts.domain.parser import load_official  # noqa: E402
from atazan.texts.domain.stats import compare  # noqa: E402


def ours(lang: str) -> int:
    c = compare(load_official(1995, lang), load_official(2026, lang))
    return len(c.pair_diffs)


def baseline(lang: str) -> int:
    old, new = load_official(1995, lang), load_official(2026, lang)
    new_words = [(a.num, words(normative_text(a))) for a in new.articles()]
    n = 0
    for a in old.articles():
        ow = words(normative_text(a))
        best = max(((SequenceMatcher(None, ow, nw, autojunk=False).ratio(), num, nw) for num, nw in new_words))
        SequenceMatcher(None, ow, best[2], autojunk=False).get_opcodes()
        n += 1
    return n


def timed(fn, lang: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    c0, w0 = time.process_time(), time.perf_counter()
    fn(lang)
    return time.process_time() - c0, time.perf_counter() - w0


def main() -> None:
    for lang in ("rus", "kaz"):
        ours(lang)  # warm up imports and regex caches
        runs = [timed(ours, lang) for _ in range(3)]
        cpu, wall = min(r[0] for r in runs), min(r[1] for r in runs)
        b_cpu, b_wall = timed(baseline, lang)
        print(
            f"{lang}: full comparison (parse both, align, diff every pair, stats) {cpu:.3f} s CPU ({wall:.3f} s wall); "
            f"naive all-pairs difflib {b_cpu:.3f} s CPU ({b_wall:.3f} s wall); "
            f"ratio baseline/ours {b_cpu / cpu:.1f}x; target < 1 s: {'met' if cpu < 1 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
