"""Schemathesis against the OpenAPI schema, with every check a client relies on: no server error, only documented
status codes, content types and headers, bodies that match the documented schema (errors included), and invalid
input refused. Each operation is called anonymously and signed in as each role.

Bounded: ``ATAZAN_FUZZ_EXAMPLES`` examples per operation and role (default 10). ``ATAZAN_FUZZ_REPORT=path`` writes the
distinct failures (check, operation, role, title) found to ``path`` as JSON, to count them by check.
"""

from __future__ import annotations

import atexit
import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from atazan.accounts.domain.roles import Role
from atazan.wsgi import application

SCHEMA = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
EXAMPLES = int(os.environ.get("ATAZAN_FUZZ_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]
# Anonymous, then one signed-in user per role (accounts.domain.roles): a write operation answers differently to each.
ROLES = ["anonymous", *(role.value for role in Role)]
WRITES = {"POST", "PUT", "PATCH", "DELETE"}

_FOUND: set[tuple[str, str, str, str]] = set()
_REPORT = os.environ.get("ATAZAN_FUZZ_REPORT")
if _REPORT:

    def _write_report() -> None:
        rows = sorted(_FOUND)
        by_check: dict[str, int] = {}
        for check, *_ in rows:
            by_check[check] = by_check.get(check, 0) + 1
        with open(_REPORT, "w") as out:
            json.dump({"total": len(rows), "by_check": by_check, "failures": rows}, out, indent=1)

    atexit.register(_write_report)


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Calls go straight to the WSGI app, which closes the database connection after each request; inside a test
    transaction that would close the test's own connection (Django's test client disconnects it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _signed_in(role: str) -> tuple[dict[str, str], dict[str, str]]:
    """Cookies and headers of a session signed in as ``role``, with its CSRF token (Django accepts the unmasked
    32-character secret in both the cookie and the X-CSRFToken header)."""
    if role == "anonymous":
        return {}, {}
    from django.conf import settings as dj
    from django.test import Client
    from django.utils.crypto import get_random_string

    from atazan.accounts.services import user_create

    user = user_create(username=f"fuzz-{role}", password=get_random_string(20), roles=[Role(role)])
    client = Client()
    client.force_login(user)
    token = get_random_string(32)
    cookies = {dj.SESSION_COOKIE_NAME: client.cookies[dj.SESSION_COOKIE_NAME].value, dj.CSRF_COOKIE_NAME: token}
    return cookies, {"X-CSRFToken": token}


def _record(error: BaseException, operation: str, role: str) -> None:
    failures = error.exceptions if isinstance(error, FailureGroup) else [error]
    for failure in failures:
        if isinstance(failure, Failure):
            _FOUND.add((type(failure).__name__, operation, role, failure.title))


def _cases() -> list[tuple[object, str]]:
    out = []
    for op in OPERATIONS:
        roles = ROLES if op.method.upper() in WRITES else ROLES[:1]
        out.extend((op, role) for role in roles)
    return out


CASES = _cases()


@pytest.mark.django_db
@pytest.mark.parametrize(("operation", "role"), CASES, ids=[f"{op.label}[{role}]" for op, role in CASES])
def test_api_operation_keeps_every_promise_of_its_schema(operation, role) -> None:
    cookies, headers = _signed_in(role)

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case) -> None:
        try:
            case.call_and_validate(checks=CHECKS, cookies=cookies, headers=headers)
        except (Failure, FailureGroup) as error:
            _record(error, operation.label, role)
            raise

    check()
