"""Benchmark: how fast `atazan` commands start and finish, as whole processes (issue 18).

Measured in the same run, best of 5 each, wall clock and the CPU time of the child process (user + system, which
other load on a shared machine does not inflate):
- baseline: `python -c pass`, and a standard-library CSV sum of the national file (csv.DictReader, five columns
  summed, no checks) — what the tally is compared with;
- `atazan --help`; target under 0.3 s;
- `atazan referendum tally` of the national file (the synthetic model of the 10,459 protocols of 15 March 2026, as
  `atazan referendum model-csv` writes it), with --json and with the table; target within 4x of the CSV sum;
- other commands that need no database (`elections allocate`, `rules show`), and `atazan referendum --help`.

Run: `.venv/bin/python benchmarks/cli_startup.py` (or `make bench`). The machine's load average is printed with the
figures: on a shared machine compare the ratios, and the CPU columns.
"""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from atazan.referendum.domain.protocol_io import write_csv  # noqa: E402
from atazan.referendum.domain.synthetic import model_precincts  # noqa: E402

REPEAT = 5
HELP_TARGET_S = 0.3
TALLY_TARGET_RATIO = 4.0

CSV_SUM = """
import csv, sys
totals = dict.fromkeys(("registered", "took_part", "yes", "no", "invalid"), 0)
with open(sys.argv[1], encoding="utf-8", newline="") as stream:
    for row in csv.DictReader(stream):
        for name in totals:
            totals[name] += int(row[name])
print(totals)
"""


def atazan() -> list[str]:
    """The installed `atazan` script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("atazan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "atazan"]


def run(argv: list[str], expect: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) of one whole process, its output thrown away."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)  # noqa: S603
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in expect:
        raise SystemExit(f"{' '.join(argv)}: exit {child.returncode}\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def best(argv: list[str], expect: tuple[int, ...] = (0,)) -> tuple[float, float]:
    runs = [run(argv, expect) for _ in range(REPEAT)]
    return min(w for w, _ in runs), min(c for _, c in runs)


def byte_compile() -> None:
    """Byte-compile atazan's sources as an install does (pip writes the .pyc files). Where PYTHONDONTWRITEBYTECODE
    is set, as on some shared machines, no run would write them, and every command would compile each module it
    imports again (tens of ms) while the baseline uses the standard library's compiled modules."""
    compileall.compile_dir(ROOT / "src" / "atazan", quiet=1)


def main() -> None:
    byte_compile()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        national = Path(tmp) / "national.csv"
        with national.open("w", encoding="utf-8", newline="") as stream:
            stream.writelines(write_csv(m.protocol for m in model_precincts()))
        allocation = Path(tmp) / "allocation.json"
        allocation.write_text(
            json.dumps(
                {
                    "seats": 69,
                    "took_part": 6366441,
                    "threshold_percent": 5,
                    "lists": [
                        {"party": "A", "votes": 3431510, "registration_order": 1},
                        {"party": "B", "votes": 1000000, "registration_order": 2},
                        {"party": "C", "votes": 600000, "registration_order": 3},
                    ],
                }
            ),
            encoding="utf-8",
        )
        cli = atazan()
        tally = [*cli, "referendum", "tally", str(national), "--kind", "constitution"]
        rows = {
            "python -c pass": best([sys.executable, "-c", "pass"]),
            "stdlib csv sum of the national file": best([sys.executable, "-c", CSV_SUM, str(national)]),
            "atazan --help": best([*cli, "--help"]),
            "atazan referendum --help": best([*cli, "referendum", "--help"]),
            "atazan referendum tally national --json": best([*tally, "--json"]),
            "atazan referendum tally national (table)": best(tally),
            "atazan elections allocate --json": best([*cli, "elections", "allocate", str(allocation), "--json"]),
            "atazan rules show --json": best([*cli, "rules", "show", "--json"]),
        }
    print(f"{'whole process, best of ' + str(REPEAT):<46} {'wall':>9} {'cpu':>9}")
    for label, (wall, cpu) in rows.items():
        print(f"{label:<46} {wall * 1000:7.0f} ms {cpu * 1000:6.0f} ms")
    help_wall, help_cpu = rows["atazan --help"]
    print(
        f"atazan --help: {help_wall:.3f} s wall, {help_cpu:.3f} s cpu; target < {HELP_TARGET_S} s: "
        f"{'met' if help_wall < HELP_TARGET_S else 'MISSED (wall)'}"
        + (", met on CPU time" if help_wall >= HELP_TARGET_S and help_cpu < HELP_TARGET_S else "")
    )
    base_wall, base_cpu = rows["stdlib csv sum of the national file"]
    for label in ("atazan referendum tally national --json", "atazan referendum tally national (table)"):
        wall, cpu = rows[label]
        ratio_wall, ratio_cpu = wall / base_wall, cpu / base_cpu
        verdict = "met" if ratio_wall <= TALLY_TARGET_RATIO else "MISSED (wall)"
        if ratio_wall > TALLY_TARGET_RATIO and ratio_cpu <= TALLY_TARGET_RATIO:
            verdict += ", met on CPU time"
        print(
            f"{label} / stdlib csv sum: {ratio_wall:.1f}x wall, {ratio_cpu:.1f}x cpu; "
            f"target <= {TALLY_TARGET_RATIO:.0f}x: {verdict}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
