"""SIGKILL during `atazan referendum import` (issue 13): after a re-run the totals equal a clean import's, and the
audit log — with every protocol version it vouches for — verifies against a checkpoint signed before the import.
Runs the real CLI in child processes, each on its own SQLite database (helpers shared with
tests/trust/test_crash_safety.py)."""

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

from atazan.referendum.domain.protocol import precinct_key
from tests.trust.test_crash_safety import _atazan, _env, _import, _plain, _prepare, _state, _without_audit_count


def _audit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_atazan("audit", *args), env=env, capture_output=True, text=True, timeout=300, check=False)


def _verified_against(env: dict[str, str], checkpoint: Path) -> dict:  # type: ignore[type-arg]
    done = _audit(env, "verify", "--checkpoint", str(checkpoint), "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["intact"], done.stdout[-2000:] + done.stderr[-2000:]
    return report  # type: ignore[no-any-return]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_import_rerun_matches_a_clean_one_and_the_log_extends_the_checkpoint_before_it(
    tmp_path: Path,
) -> None:
    csv = tmp_path / "protocols.csv"
    subprocess.run(
        _atazan("referendum", "model-csv", str(csv), "--register", str(csv.with_name("register.csv"))),
        env=_env(tmp_path / "gen"),
        check=True,
        capture_output=True,
    )
    total = sum(1 for _ in csv.open(encoding="utf-8")) - 1

    reference_env = _prepare(tmp_path / "reference", csv)
    assert _import(reference_env, csv).returncode == 0
    reference = _state(reference_env)

    crash_env = _prepare(tmp_path / "crash", csv)
    checkpoint = tmp_path / "before-import.json"
    signed = _audit(crash_env, "checkpoint", "-o", str(checkpoint))
    assert signed.returncode == 0, signed.stderr
    before = json.loads(checkpoint.read_text(encoding="utf-8"))["size"]

    child = subprocess.Popen(
        _atazan("referendum", "import", str(csv), "--question", "crash-test", "--actor", "test"),
        env=crash_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    seen, stored, deadline = b"", 0, time.monotonic() + 300
    while time.monotonic() < deadline:
        chunk = os.read(child.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        stored = max((int(n) for n in re.findall(rb"(\d+)/" + str(total).encode(), seen)), default=0)
        if 0 < stored < total:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, f"the import was not killed mid-way (saw {stored}/{total})"
    _verified_against(crash_env, checkpoint)  # whole chunks only: the log still extends the checkpoint

    rerun = _import(crash_env, csv)
    assert rerun.returncode == 0, _plain(rerun.stdout)[-400:]
    assert _without_audit_count(_state(crash_env)) == _without_audit_count(reference)
    report = _verified_against(crash_env, checkpoint)
    assert report["entries"] > before and report["findings"] == []
    # and a protocol stored by the re-run has an inclusion proof against the log as it is now
    number = precinct_key(csv.read_text(encoding="utf-8").splitlines()[-1].split(",")[0])
    proof = tmp_path / "proof.json"
    assert _audit(crash_env, "prove", f"referendum.protocol:crash-test/{number}", "-o", str(proof)).returncode == 0
    assert _audit(crash_env, "check-proof", str(proof)).returncode == 0
