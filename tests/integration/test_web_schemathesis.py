"""Schemathesis against our OpenAPI: generated requests to every GET endpoint never get a 500.

Bounded: a few examples per operation (the whole run takes about a minute on two cores)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from web_support import fill_store

schemathesis = pytest.importorskip("schemathesis")

from newsevents.settings import Settings  # noqa: E402
from newsevents.store import open_store  # noqa: E402
from newsevents.web import WebSettings, create_app  # noqa: E402

MAX_EXAMPLES = 50  # per operation (about 1,000 requests in all)


def make_schema(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'st.db'}"
    fill_store(url)
    app = create_app(Settings(), open_store(url), web=WebSettings(cache_check_s=60))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory):
    return make_schema(tmp_path_factory)


@pytest.mark.slow
def test_no_request_makes_the_server_fail(web_schema):
    from hypothesis import given

    checked = []
    for result in web_schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} -> " \
                                               f"{response.status_code}: {response.text[:200]}"

        check()
        checked.append(operation.path)
    assert "/api/events" in checked and len(checked) >= 15
