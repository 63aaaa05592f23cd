"""`atazan demo --serve` serves its first page within seconds (issue 18): it builds what the first pages need (demo
accounts, official texts) and leaves the heavier parts (10,000 proposals and their analysis, 10,459 protocols, …)
queued as one job for the background worker, whose progress every page shows until it is done."""

from __future__ import annotations

import pytest
from rich.console import Console

from atazan import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "computed": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "demo-test"},
    }
    from django.core.cache import caches

    caches["computed"].clear()
    yield caches["computed"]
    caches["computed"].clear()


def _jobs():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path="atazan.demo.demo_rest_build"))


def test_first_pages_built_and_the_rest_queued_for_the_worker(client, english, shared_cache) -> None:
    from atazan.consultation.models import Proposal
    from atazan.referendum.models import ProtocolVersion
    from atazan.texts.models import Expression

    start = demo.demo_build(console=Console(quiet=True), first_only=True, migrate=False)
    assert set(start.built) == {"texts", "accounts"}
    assert Expression.objects.exists()  # the Constitution's texts are there to read
    # the heavy parts are not built now: they wait in the queue for the worker
    assert not Proposal.objects.exists() and not ProtocolVersion.objects.exists()
    assert {"consultation", "referendum", "commission"} <= set(start.queued)
    (job,) = _jobs()
    assert job.status == "READY" and job.args_kwargs["kwargs"]["parts"] == start.queued
    # every page says the demo is still loading, and how far
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="demo-progress"' in html and f'max="{len(start.queued)}" value="0"' in html
    # a second start does not queue the same work twice
    again = demo.demo_build(console=Console(quiet=True), first_only=True, migrate=False)
    assert again.queued == start.queued and len(_jobs()) == 1


def test_the_worker_job_records_its_progress_and_clears_it_when_done(client, english, shared_cache) -> None:
    demo._progress_set({"parts": ["audit"], "done": [], "current": "", "failed": ""})
    took = demo.demo_rest_build.call(parts=["audit"])  # what the worker runs (the audit part: one signing key)
    assert set(took) == {"audit"}
    assert demo.progress() is None
    assert 'data-testid="demo-progress"' not in client.get("/").content.decode()


def test_without_serve_everything_is_built_before_returning(monkeypatch, shared_cache) -> None:
    built: list[str] = []
    monkeypatch.setattr(demo, "part_build", lambda name, console: built.append(name))
    start = demo.demo_build(console=Console(quiet=True), migrate=False)
    assert built == demo.demo_parts() and start.queued == [] and not _jobs()
