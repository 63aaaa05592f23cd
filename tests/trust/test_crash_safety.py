"""An import killed with SIGKILL half-way leaves only whole, committed work behind (nothing, or whole chunks);
running it again stores exactly what was missing and reaches the state of an uninterrupted run, with nothing counted
twice. The import runs as the real CLI (`atazan referendum import`) in a
child process on its own SQLite database."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atazan.messages.plain import number_text

SETUP = """
import datetime, django; django.setup()
from atazan.referendum import services
services.units_sync()
services.question_ensure(slug="crash-test", title="Crash test (synthetic)", voting_date=datetime.date(2026, 3, 15),
                         kind="constitution", text_ru="?", synthetic=True, actor="test")
"""

STATE = """
import json, django; django.setup()
from django.db.models import Count, Sum
from atazan.audit.models import AuditEntry
from atazan.audit.selectors import audit_chain_verify
from atazan.referendum import selectors
from atazan.referendum.models import ProtocolReview, ProtocolVersion
q = selectors.question_get("crash-test")
rows = ProtocolVersion.objects.filter(question=q)
per_precinct = rows.values("precinct__number").annotate(n=Count("id")).filter(n__gt=1).count()
fields = ("registered", "took_part", "yes", "no", "invalid", "not_counted")
result = selectors.result_for(q)
print(json.dumps({
    "versions": rows.count(), "precincts_with_two_versions": per_precinct,
    "sums": rows.aggregate(**{f: Sum(f) for f in fields}),
    "rows": sorted([list(r) for r in rows.values_list("precinct__number", "version", "is_current", *fields)]),
    "reviews": ProtocolReview.objects.filter(question=q).count(),
    "imports_audited": AuditEntry.objects.filter(action__startswith="referendum.protocol").count(),
    "chain": audit_chain_verify()[1] is None,
    "tally": str(result.national) if hasattr(result, "national") else repr(result)[:2000],
}, default=str))
"""


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(
        ATAZAN_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="atazan.settings",
        PYTHONUNBUFFERED="1",
        TTY_COMPATIBLE="1",
        FORCE_COLOR="0",
        COLUMNS="160",
    )
    return env


def _atazan(*args: str) -> list[str]:
    return [sys.executable, "-c", "from atazan.cli import main; main()", *args]


def _prepare(var_dir: Path, csv: Path) -> dict[str, str]:
    env = _env(var_dir)
    register = csv.with_name("register.csv")  # the model's precinct register, written with the protocols
    for command in (
        _atazan("migrate"),
        [sys.executable, "-c", SETUP],
        _atazan("referendum", "register", str(register)),
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return env


def _import(env: dict[str, str], csv: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _atazan("referendum", "import", str(csv), "--question", "crash-test", "--actor", "test"),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _state(env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", STATE], env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_protocol_import_rerun_equals_an_uninterrupted_one(tmp_path: Path) -> None:
    csv = tmp_path / "protocols.csv"
    subprocess.run(
        _atazan("referendum", "model-csv", str(csv), "--register", str(csv.with_name("register.csv"))),
        env=_env(tmp_path / "gen"),
        check=True,
        capture_output=True,
        timeout=300,
    )
    total = sum(1 for _ in csv.open(encoding="utf-8")) - 1
    assert total > 10_000

    reference_env = _prepare(tmp_path / "reference", csv)
    done = _import(reference_env, csv)
    assert done.returncode == 0, done.stderr
    reference = _state(reference_env)
    assert reference["versions"] == total

    crash_env = _prepare(tmp_path / "crash", csv)
    child = subprocess.Popen(
        _atazan("referendum", "import", str(csv), "--question", "crash-test", "--actor", "test"),
        env=crash_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    seen = b""
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline:
        chunk = os.read(child.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        counts = [int(n) for n in re.findall(rb"(\d+)/" + str(total).encode(), seen)]
        stored = max(counts, default=0)
        if 0 < stored < total:  # some batches stored inside the import's transaction, not all
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, f"the import was not killed mid-way (saw {stored}/{total})"

    # Whatever was committed before the kill is whole (one transaction, or whole chunks when the import commits
    # in chunks); the audit chain is intact either way.
    after_crash = _state(crash_env)
    kept = int(after_crash["versions"])  # type: ignore[call-overload]
    assert kept < total and after_crash["chain"] and after_crash["precincts_with_two_versions"] == 0

    rerun = _import(crash_env, csv)
    assert rerun.returncode == 0, rerun.stderr
    # the rerun stores exactly what was missing and recognises what was there: nothing is counted twice
    # figures as the console writes them: five digits or more grouped by thousands (atazan.messages.plain)
    accepted, unchanged = number_text(total - kept, "en"), number_text(kept, "en")
    assert f"accepted {accepted}, unchanged {unchanged}," in _plain(rerun.stdout), _plain(rerun.stdout)[-400:]
    final = _state(crash_env)
    assert _without_audit_count(final) == _without_audit_count(reference)
    assert final["chain"] and final["imports_audited"] >= 1

    again = _import(crash_env, csv)  # and once more: everything is recognised as already there
    assert again.returncode == 0 and f"accepted 0, unchanged {number_text(total, 'en')}," in _plain(again.stdout)
    assert _without_audit_count(_state(crash_env)) == _without_audit_count(reference)


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def _without_audit_count(state: dict[str, object]) -> dict[str, object]:
    # An import committed in chunks writes one audit entry per chunk it stores, so a resumed import's entries are
    # split differently from an uninterrupted one's; every other part of the state must be identical.
    return {key: value for key, value in state.items() if key != "imports_audited"}
