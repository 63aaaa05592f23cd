"""Schemathesis against the OpenAPI schema: for every operation, generated requests (valid and invalid) must
never produce a server error, and every response must match the schema it documents."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from atazan.wsgi import application

SCHEMA = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
EXAMPLES = int(os.environ.get("ATAZAN_FUZZ_EXAMPLES", "20"))
# What the platform promises every API client: no server error, and a body that matches the documented schema.
# (An undocumented 404 for an unknown article is not a broken promise; a 500 or a malformed body is.)
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Calls go straight to the WSGI app, which closes the database connection after each request; inside a test
    transaction that would close the test's own connection (Django's test client disconnects it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_api_operation_never_errors_and_matches_its_schema(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
