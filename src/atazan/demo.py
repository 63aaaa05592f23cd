"""`atazan demo`: every context's demo data, and with `--serve` the site up within seconds of a fresh clone.

`atazan demo` builds everything before it returns (idempotent: a second run changes nothing). `atazan demo --serve`
builds only what the first pages need (the demo accounts and the official texts), queues the rest as one background
job (the 10,000 synthetic proposals and their analysis, the Commission's record, the 10,459 model protocols, the
elections and the Kurultai) and serves at once, with a worker process (`atazan worker`, at a lower CPU priority than
the pages) running that job. Until it is done every page says which part is loading, with a progress bar
(web/templatetags/demo_progress.py); the progress is kept in the "computed" cache, which every process shares.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django_tasks import task
from rich.console import Console

# What the first pages need, built before the site is served: the demo accounts (one per role) and the official texts.
FIRST = ("accounts", "texts")
PROGRESS_KEY = "demo:progress"


def demo_parts(only: Sequence[str] | None = None) -> list[str]:
    """The contexts with demo data, in the order the demo builds them (atazan.contexts), limited to ``only``."""
    from atazan.contexts import CONTEXT_NAMES

    return [
        name
        for name in CONTEXT_NAMES
        if (not only or name in only) and importlib.util.find_spec(f"atazan.{name}.demo") is not None
    ]


def part_build(name: str, console: Console) -> None:
    importlib.import_module(f"atazan.{name}.demo").build(console=console)


def _cache() -> Any:
    from django.core.cache import caches

    return caches["computed"]


def progress() -> dict[str, Any] | None:
    """The background demo build's progress: ``parts``, ``done``, ``current``, ``failed`` (None when none runs)."""
    found: dict[str, Any] | None = _cache().get(PROGRESS_KEY)
    return found


def _progress_set(state: dict[str, Any] | None) -> None:
    if state is None:
        _cache().delete(PROGRESS_KEY)
    else:
        _cache().set(PROGRESS_KEY, state, timeout=None)


@task()
def demo_rest_build(parts: list[str]) -> dict[str, float]:
    """The demo parts left to the background worker by `atazan demo --serve`, in order, each one's progress
    recorded for the pages; returns the seconds each part took."""
    state = progress() or {"parts": list(parts), "done": [], "current": "", "failed": ""}
    took: dict[str, float] = {}
    quiet = Console(quiet=True)
    for name in parts:
        state["current"] = name
        _progress_set(state)
        started = time.perf_counter()
        try:
            part_build(name, quiet)
        except Exception:
            state["failed"] = name
            _progress_set(state)
            raise
        took[name] = round(time.perf_counter() - started, 1)
        state["done"] = [*state["done"], name]
    _progress_set(None)
    return took


def _queued() -> bool:
    """Whether a background demo build waits for a worker (one left running by a stopped server is queued again)."""
    from django_tasks_db.models import DBTaskResult

    path = f"{demo_rest_build.func.__module__}.{demo_rest_build.func.__qualname__}"
    return DBTaskResult.objects.filter(task_path=path, status="READY").exists()


@dataclass(frozen=True)
class DemoStart:
    built: list[str]
    queued: list[str]
    job_id: str = ""


def demo_build(
    *, only: Sequence[str] | None = None, console: Console, first_only: bool = False, migrate: bool = True
) -> DemoStart:
    """Migrate and build the demo. With ``first_only``, build FIRST now and queue the other parts as one job for
    the background worker (a job already queued or running is not queued twice)."""
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    parts = demo_parts(only)
    now = [p for p in parts if p in FIRST] if first_only else parts
    later = [p for p in parts if p not in now]
    for name in now:
        console.rule(f"[bold]{name}")
        part_build(name, console)
    if not later:
        return DemoStart(now, [])
    if _queued():
        console.print("The rest of the demo is already queued for the background worker.")
        return DemoStart(now, later)
    _progress_set({"parts": later, "done": [], "current": "", "failed": ""})
    job = demo_rest_build.enqueue(parts=later)
    console.print(f"Queued for the background worker: {', '.join(later)}.")
    return DemoStart(now, later, str(job.id))


def _worker_preexec() -> None:  # pragma: no cover - runs in the child between fork and exec
    os.nice(10)  # the pages first: the demo data loads with what the server leaves of the CPU
    # and the worker ends with the server that started it (Linux: PR_SET_PDEATHSIG)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def worker_start() -> subprocess.Popen[bytes]:
    """`atazan worker` as a child process at a lower CPU priority, ended with its parent (the server)."""
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "atazan.cli", "worker"], preexec_fn=_worker_preexec, env=os.environ.copy()
    )


def demo_command(*, serve: bool, only: Sequence[str] | None, serve_site: Callable[[], None]) -> None:
    """`atazan demo [--serve]`: with --serve, the first pages' data now, the rest in the background worker."""
    out = Console()
    start = demo_build(only=only, console=out, first_only=serve)
    if start.queued:
        out.print(
            "[green]First pages ready;[/green] the worker loads the rest in the background "
            "(each page says which part is loading)."
        )
    else:
        out.print("[green]Demo data ready.[/green]")
    if serve:
        if start.queued:
            worker_start()
        serve_site()
