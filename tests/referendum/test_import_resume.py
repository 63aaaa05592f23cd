"""An import commits chunk by chunk; each chunk is atomic (rows, reviews and audit entry together) and idempotent, so
an import interrupted anywhere and run again reaches exactly the state of an uninterrupted run."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from django.db.models import Count

from atazan.audit.models import AuditEntry
from atazan.referendum import selectors, services
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.models import ProtocolReview, ProtocolVersion

from . import factories

HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"


def _csv(n: int) -> str:
    rows = [f"p-{i:04d},Astana,D{i % 3},1000,{600 + i % 7},{500 + i % 7},80,10,10\n" for i in range(n)]
    rows.insert(5, "bad-1,Astana,D1,1000,600,500,80,10,11\n")  # balance
    rows.insert(17, "p-0003,Astana,D0,1000,603,503,80,10,10\n")  # repeated, identical
    rows.insert(23, "p-0004,Astana,D1,1000,999,500,80,10,10\n")  # repeated, different: conflict
    rows.insert(31, "p-x,Atlantis,,1000,600,500,80,10,10\n")  # unknown unit (refused while parsing)
    return HEADER + "".join(rows)


def _state(q):  # type: ignore[no-untyped-def]
    versions = ProtocolVersion.objects.filter(question=q)
    return {
        "rows": sorted(
            versions.values_list("precinct__number", "version", "is_current", "registered", "took_part", "yes")
        ),
        "twice": versions.values("precinct").annotate(n=Count("id")).filter(n__gt=1).count(),
        "reviews": sorted(ProtocolReview.objects.filter(question=q).values_list("precinct_number", "rule", "source")),
        "audited": AuditEntry.objects.filter(
            action="referendum.protocols.import", target=f"referendum/{q.slug}"
        ).count(),
        "took_part": selectors.result_for(q).totals.took_part,
    }


@pytest.mark.django_db
def test_an_import_failing_inside_a_chunk_keeps_the_chunks_before_and_a_rerun_completes_it() -> None:
    text = _csv(60)
    factories.register_csv(text)
    reference_q = factories.question(slug="reference")
    services.protocols_import(question=reference_q, parsed=read_csv(text), source="f.csv", actor="t", batch_size=10)
    reference = _state(reference_q)
    assert (
        reference["twice"] == 0 and len(reference["rows"]) == 60 and reference["audited"] == 7
    )  # 64 protocols in chunks of 10

    q = factories.question(slug="crashing")
    real_insert = services._insert_rows
    calls = {"n": 0}

    def failing_insert(model, fields, rows):  # type: ignore[no-untyped-def]
        if model is ProtocolVersion:
            calls["n"] += 1
            if calls["n"] == 3:
                raise RuntimeError("power cut in the third chunk")
        real_insert(model, fields, rows)

    with mock.patch.object(services, "_insert_rows", failing_insert), pytest.raises(RuntimeError):
        services.protocols_import(question=q, parsed=read_csv(text), source="f.csv", actor="t", batch_size=10)
    partial = _state(q)
    # The first two chunks (20 protocols, one breaking a rule and one repeated) stay; the third is rolled back.
    assert len(partial["rows"]) == 18
    assert [r[0] for r in partial["reviews"]] == ["bad-1"], "the third chunk's reviews are rolled back too"
    assert partial["audited"] == 2

    again = services.protocols_import(question=q, parsed=read_csv(text), source="f.csv", actor="t", batch_size=10)
    assert again.unchanged == 18 and again.accepted == 42
    final = _state(q)
    assert final == reference
    third = services.protocols_import(question=q, parsed=read_csv(text), source="f.csv", actor="t", batch_size=10)
    assert third.accepted == 0 and _state(q) == final


@pytest.mark.django_db
def test_reviews_are_stored_once_however_often_a_file_is_imported() -> None:
    q = factories.question()
    text = HEADER + "bad-1,Astana,D1,1000,600,500,80,10,11\nbad-2,Astana,D1,10,600,500,80,10,10\n"
    factories.register_csv(text, extra=1000)
    for _ in range(3):
        services.protocols_import(question=q, parsed=read_csv(text), source="f.csv", actor="t")
    assert ProtocolReview.objects.filter(question=q).count() == 2
    assert AuditEntry.objects.filter(action="referendum.protocols.import").count() == 1


SETUP = """
import datetime, django; django.setup()
from atazan.referendum import services
services.units_sync()
services.question_ensure(slug="resume", title="Resume test (synthetic)", voting_date=datetime.date(2026, 3, 15),
                         kind="constitution", text_ru="?", synthetic=True, actor="test")
"""

STATE = """
import json, django; django.setup()
from django.db.models import Count
from atazan.audit.models import AuditEntry
from atazan.audit.selectors import audit_chain_verify
from atazan.referendum import selectors
from atazan.referendum.models import ProtocolReview, ProtocolVersion
q = selectors.question_get("resume")
rows = ProtocolVersion.objects.filter(question=q)
print(json.dumps({
    "rows": sorted(map(list, rows.values_list("precinct__number", "version", "is_current", "took_part", "yes"))),
    "twice": rows.values("precinct").annotate(n=Count("id")).filter(n__gt=1).count(),
    "reviews": sorted([list(r) for r in ProtocolReview.objects.values_list("precinct_number", "rule", "source")]),
    "audited": AuditEntry.objects.filter(action="referendum.protocols.import").count(),
    "chain_ok": audit_chain_verify()[1] is None,
    "took_part": selectors.result_for(q).totals.took_part,
}))
"""


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(ATAZAN_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="atazan.settings", PYTHONUNBUFFERED="1")
    env.update(TTY_COMPATIBLE="1", FORCE_COLOR="0", COLUMNS="160")
    return env


def _atazan(*args: str) -> list[str]:
    return [sys.executable, "-c", "from atazan.cli import main; main()", *args]


def _run(env: dict[str, str], *args: str, status: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == status, f"{args[-6:]}: {done.stdout[-1500:]} {done.stderr[-3000:]}"
    return done


def _register_file(path: Path, text: str) -> Path:
    """The register of every well-formed row's precinct (the file's refused rows stay refused for other rules)."""
    latest = {p.precinct: p for p in read_csv(text).protocols}
    rows = ["precinct,unit,district,registered"] + [
        f"{p.precinct},{p.unit},{p.district},{p.registered}" for p in latest.values()
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_an_import_killed_with_sigkill_and_run_again_equals_an_uninterrupted_one(tmp_path: Path) -> None:
    rows = 6000
    csv = tmp_path / "protocols.csv"
    csv.write_text(_csv(rows), encoding="utf-8")
    base = _env(tmp_path / "base")
    _run(base, *_atazan("migrate"))
    _run(base, sys.executable, "-c", SETUP)
    _run(base, *_atazan("referendum", "register", str(_register_file(tmp_path / "register.csv", csv.read_text()))))
    for name in ("reference", "crash"):
        shutil.copytree(tmp_path / "base", tmp_path / name)
    command = _atazan("referendum", "import", str(csv), "--question", "resume", "--actor", "t", "--chunk", "50")

    reference_env = _env(tmp_path / "reference")
    _run(reference_env, *command, status=1)  # some rows break a rule: refused, the rest taken
    reference = __import__("json").loads(_run(reference_env, sys.executable, "-c", STATE).stdout.splitlines()[-1])
    assert len(reference["rows"]) == rows and reference["twice"] == 0 and reference["chain_ok"]

    crash_env = _env(tmp_path / "crash")
    child = subprocess.Popen(command, env=crash_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = tmp_path / "crash" / "atazan.sqlite3"
    stored, deadline = 0, time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        # Watch the database itself: kill as soon as some chunks are committed and others are not.
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)) as db:
            stored = db.execute("SELECT COUNT(*) FROM referendum_protocolversion").fetchone()[0]
        if 0 < stored < rows - 200:
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, f"not killed mid-way (saw {stored}/{rows})"

    after = __import__("json").loads(_run(crash_env, sys.executable, "-c", STATE).stdout.splitlines()[-1])
    assert 0 < len(after["rows"]) < rows and after["chain_ok"] and after["twice"] == 0
    assert after["audited"] * 50 >= len(after["rows"]), "every stored chunk has its audit entry"

    _run(crash_env, *command, status=1)
    final = __import__("json").loads(_run(crash_env, sys.executable, "-c", STATE).stdout.splitlines()[-1])
    assert final == reference
    again = _run(crash_env, *command, status=1)
    assert f"accepted 0, unchanged {rows}" in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", again.stdout)
