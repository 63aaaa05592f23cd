"""The forensics' Monte Carlo runs once per version of the protocols, whichever process asks (issue 18): a second
reader, even in another web process, gets the kept figures; a new protocol makes them recomputed once, in the
background, while the page says the figures shown are older."""

from __future__ import annotations

import pytest

from atazan.referendum import forensics_cache, selectors
from atazan.referendum.domain.units import UNITS

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    """The "computed" cache as one shared store for the test (a fresh one, not the var directory's files)."""
    settings.CACHES = {
        **settings.CACHES,
        "computed": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "forensics-test"},
    }
    from django.core.cache import caches

    caches["computed"].clear()
    yield caches["computed"]
    caches["computed"].clear()


@pytest.fixture
def monte_carlo_runs(monkeypatch):
    """How many times the integer-percentage test (the Monte Carlo) ran."""
    runs: list[str] = []
    real = selectors.integer_percentage_test

    def counted(protocols, *, measure, simulations=200, seed=2016):
        runs.append(measure)
        return real(protocols, measure=measure, simulations=simulations, seed=seed)

    monkeypatch.setattr(selectors, "integer_percentage_test", counted)
    return runs


@pytest.fixture
def loaded():
    q = factories.question()
    factories.load(q, [factories.protocol(f"{u.code}-1", u.code, yes=400 + i) for i, u in enumerate(UNITS)])
    return q


def _new_process() -> None:
    """What a freshly started web worker holds: nothing computed in this process."""
    selectors._MEMO.clear()


def test_a_second_process_reads_the_kept_forensics(client, english, shared_cache, monte_carlo_runs, loaded):
    url = f"/referendum/{loaded.slug}/forensics/"
    first = client.get(url)
    assert first.status_code == 200 and "<svg" in first.content.decode()
    assert sorted(monte_carlo_runs) == ["turnout", "yes"]
    _new_process()
    second = client.get(url)
    assert second.status_code == 200
    assert sorted(monte_carlo_runs) == ["turnout", "yes"], "the second reader ran the Monte Carlo again"
    assert 'data-testid="forensics-updating"' not in second.content.decode()
    _new_process()
    api = client.get(f"/api/referendum/questions/{loaded.slug}/forensics?simulations=50")
    assert api.status_code == 200
    assert sorted(monte_carlo_runs) == ["turnout", "yes"]


def test_a_new_protocol_is_recomputed_once_in_the_background(
    client, english, shared_cache, monte_carlo_runs, loaded, monkeypatch
):
    url = f"/referendum/{loaded.slug}/forensics/"
    client.get(url)
    queued: list[tuple[int, int]] = []
    monkeypatch.setattr(forensics_cache, "refresh_in_background", lambda pk, sims, lock: queued.append((pk, sims)))
    factories.load(loaded, [factories.protocol("extra-1", "almaty")])
    _new_process()
    stale = client.get(url).content.decode()
    assert 'data-testid="forensics-updating"' in stale  # the older figures, said so, without waiting
    assert len(monte_carlo_runs) == 2
    client.get(url)
    assert queued == [(loaded.pk, 50)], "one refresh per new version, however many readers"
    forensics_cache.refresh(loaded.pk, 50)  # what the background thread does
    assert len(monte_carlo_runs) == 4
    _new_process()
    fresh = client.get(url).content.decode()
    assert 'data-testid="forensics-updating"' not in fresh
    assert len(monte_carlo_runs) == 4
    kept = forensics_cache.forensics_kept(loaded, simulations=50)
    assert kept.current and kept.protocols == len(UNITS) + 1
