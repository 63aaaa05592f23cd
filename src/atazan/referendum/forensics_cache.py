"""The forensics of a question computed once per version of its protocols and kept in the shared cache ("computed":
Redis, or files under the var directory), so that no web process repeats the Monte Carlo of the integer-percentage
test (about a second for the 10,459 precincts) for itself.

One entry per (question, number of simulations) holds the figures with the data version they were computed from.
A reader who finds the entry current gets it. A reader who finds it older than the protocols (a protocol arrived
since) gets the older figures, said so on the page, while one process recomputes them in the background. Only the
first reader of a question that has never been computed waits for the computation, and only one process computes
it: the others wait for its result.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import caches
from django.db import close_old_connections, connections
from django.db.models import Count, Max
from django.utils import timezone

from atazan.referendum import selectors
from atazan.referendum.models import ProtocolVersion, Question

CACHE_ALIAS = "computed"
LOCK_SECONDS = 300  # a computation that died leaves its lock this long at most
WAIT_SECONDS = 30.0  # how long a reader waits for another process's first computation before computing itself

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Kept:
    """Forensics as kept: the figures, the data version they describe, when and from how many protocols."""

    version: str
    computed_at: datetime
    protocols: int
    forensics: selectors.Forensics
    current: bool = True  # False when newer protocols arrived and the figures are being recomputed


def data_version(question: Question) -> tuple[str, int]:
    """(version, number of protocol versions stored): changes with every protocol version stored for the question
    (ids alone could repeat after a database is emptied and refilled, so the newest one's time is part of it)."""
    state = ProtocolVersion.objects.filter(question=question).aggregate(
        n=Count("id"), last=Max("id"), at=Max("created_at")
    )
    at = state["at"].isoformat() if state["at"] else "-"
    return f"{question.created_at.isoformat()}:{state['n']}:{state['last']}:{at}", int(state["n"])


def _key(question: Question, simulations: int) -> str:
    return f"referendum:forensics:{question.pk}:{simulations}"


def _compute(question: Question, simulations: int, version: str, protocols: int) -> Kept:
    kept = Kept(version, timezone.now(), protocols, selectors.forensics_for(question, simulations=simulations))
    caches[CACHE_ALIAS].set(_key(question, simulations), kept, timeout=None)
    return kept


def forensics_kept(question: Question, *, simulations: int = 50) -> Kept:
    """The forensics of the question, computed once per data version by one process and shared by all."""
    cache = caches[CACHE_ALIAS]
    key = _key(question, simulations)
    version, protocols = data_version(question)
    kept: Kept | None = cache.get(key)
    if kept is not None and kept.version == version:
        return kept
    lock = f"{key}:lock:{version}"
    if kept is not None:
        # figures of an older version: shown (marked so) while one process brings them up to date
        if cache.add(lock, 1, timeout=LOCK_SECONDS):
            refresh_in_background(question.pk, simulations, lock)
        return Kept(kept.version, kept.computed_at, kept.protocols, kept.forensics, current=False)
    if cache.add(lock, 1, timeout=LOCK_SECONDS):
        try:
            return _compute(question, simulations, version, protocols)
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.1)
        kept = cache.get(key)
        if kept is not None and kept.version == version:
            return kept
    return _compute(question, simulations, version, protocols)


def refresh(question_pk: int, simulations: int) -> Kept:
    """Compute and keep the forensics of the question's current protocols (the background refresh; also run after
    the demo loads its protocols, so the first reader finds them ready)."""
    question = Question.objects.get(pk=question_pk)
    version, protocols = data_version(question)
    return _compute(question, simulations, version, protocols)


def _refresh_thread(question_pk: int, simulations: int, lock: str) -> None:
    close_old_connections()
    try:
        refresh(question_pk, simulations)
    except Exception:  # a failed refresh leaves the older figures in place; the next reader tries again
        log.exception("forensics refresh of question %s failed", question_pk)
    finally:
        caches[CACHE_ALIAS].delete(lock)
        connections.close_all()


def refresh_in_background(question_pk: int, simulations: int, lock: str) -> None:
    """Recompute in a thread of this process: the reader who noticed the change is not kept waiting."""
    threading.Thread(
        target=_refresh_thread, args=(question_pk, simulations, lock), name="forensics-refresh", daemon=True
    ).start()
