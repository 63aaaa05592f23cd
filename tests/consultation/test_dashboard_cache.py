"""The dashboard's counts are computed once per version of the proposals and shared, not per request (issue 18)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atazan.consultation.demo import load
from tests.consultation.helpers import submit

pytestmark = pytest.mark.django_db


def _group_by_queries(client) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("consultation:dashboard")).status_code == 200
    return sum("GROUP BY" in q["sql"] for q in queries.captured_queries)


def test_dashboard_counts_once_per_version_and_again_after_a_new_proposal(client, english) -> None:  # type: ignore[no-untyped-def]
    load(count=40)
    assert _group_by_queries(client) >= 5  # the first reader computes the five counts
    assert _group_by_queries(client) == 0  # the next reads them back
    submit("Предлагаю закрепить в Конституции право на доступ к интернету для каждого гражданина.")
    assert _group_by_queries(client) >= 5  # a new proposal is a new version: counted again
