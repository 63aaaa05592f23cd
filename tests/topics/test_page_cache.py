"""Topic pages are rendered once per version of the tags, not per request (issue 18): the paragraphs, word diffs and
the rights section's guarantees come from the cache until a tag changes; the most supported proposals on a topic
are sorted once a minute, and a new proposal shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from atazan.topics import neighbours, rights, selectors, services
from atazan.topics.models import Tag, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each expensive read ran."""
    calls = {"comparison": 0, "rights": 0, "proposals": 0}

    def wrap(module: Any, name: str, key: str) -> None:
        real = getattr(module, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            calls[key] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    wrap(selectors, "topic_comparison", "comparison")
    wrap(rights, "rights_page", "rights")
    wrap(neighbours, "proposals_on", "proposals")
    cache.clear()
    return calls


def _main(response: Any) -> str:
    """The page without its header (whose CSRF token differs per response)."""
    return str(response.content.decode().split("<main", 1)[1])


def test_a_topic_page_is_computed_once_per_tags_version(
    client: Client, tagged: None, editor: Any, english: None, counted: dict[str, int]
) -> None:
    first = client.get("/topics/courts/")
    assert first.status_code == 200 and 'data-testid="what-changed"' in first.content.decode()
    assert counted["comparison"] == 1 and counted["proposals"] == 1
    second = client.get("/topics/courts/")
    assert _main(second) == _main(first)
    assert counted["comparison"] == 1, "the word diffs were computed again for the second reader"
    assert counted["proposals"] == 1, "the proposals were sorted again for the second reader"
    # an editor's decision is a new version of the tags: the page is made again, with it
    tag = Tag.objects.filter(topic__key="courts", year=2026, status=Tag.Status.PROPOSED).first()
    if tag is None:  # every tag of the topic confirmed: add one
        services.tag_add(actor=editor, topic=Topic.objects.get(key="courts"), year=2026, eid="art_1__para_1")
    else:
        services.tags_confirm(actor=editor, tags=[tag])
    client.get("/topics/courts/")
    assert counted["comparison"] == 2


def test_the_rights_section_is_computed_once_per_tags_version(
    client: Client, tagged: None, english: None, counted: dict[str, int]
) -> None:
    first = client.get("/topics/rights/").content.decode()
    assert 'class="rights-article"' in first and counted["rights"] == 1
    second = client.get("/topics/rights/").content.decode()
    assert second.split("<main", 1)[1] == first.split("<main", 1)[1] and counted["rights"] == 1
    assert client.get("/topics/rights/?lang=kaz").status_code == 200 and counted["rights"] == 2
