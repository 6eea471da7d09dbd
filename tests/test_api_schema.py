"""Property-based test of the API from its own OpenAPI schema, against a live server.

Schemathesis generates valid and invalid requests for every operation from the
schema the server publishes, sends them over the loopback and checks the answers:
no 5xx, status codes, content types and bodies as documented, invalid data rejected.
Examples per operation are bounded so the suite stays fast.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

STORY = "Germany invited France to talks in Berlin. Russia attacked Ukraine on Monday."
OPERATIONS = [
    ("GET", "/healthz"), ("POST", "/v1/code"), ("POST", "/v1/articles"), ("GET", "/v1/events"),
    ("GET", "/v1/dyads/{a}/{b}/timeline"), ("GET", "/v1/actors/top"),
    ("GET", "/v1/articles/{article_id}"),
]


REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
"""What answers invalid data: schemathesis's own list plus 413, the server's refusal of
a body over its size limit (an invalid text may be longer than the limit)."""
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}}
)


@pytest.fixture(scope="module")
def api_schema(live_server: str) -> schemathesis.BaseSchema:
    # A stored article first, so the query endpoints answer with real events.
    httpx.post(f"{live_server}/v1/articles", json={"text": STORY, "date": "2024-03-04"},
               timeout=60).raise_for_status()
    return schemathesis.openapi.from_url(f"{live_server}/openapi.json", config=CONFIG)


def test_every_operation_is_exercised(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


READ_AS_ARTICLES = {"/v1/code", "/v1/articles"}
"""Bodies the article reader checks beyond what a schema can say (a blank text, text
that is not prose): schema-valid yet refused, always as a 422 on the field ``body``."""


CASES = [
    pytest.param(method, path, mode, id=f"{method} {path} {mode.value}")
    for method, path in OPERATIONS for mode in GenerationMode
    if not (path == "/healthz" and mode == GenerationMode.NEGATIVE)  # it takes no input
]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_the_api_keeps_its_schema(api_schema: schemathesis.BaseSchema, live_server: str,
                                  method: str, path: str, mode: GenerationMode) -> None:
    operation = api_schema[path][method]
    reader_may_refuse = mode == GenerationMode.POSITIVE and path in READ_AS_ARTICLES

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        if not reader_may_refuse:
            case.call_and_validate(base_url=live_server)
            return
        response = case.call_and_validate(base_url=live_server,
                                          excluded_checks=[positive_data_acceptance])
        if response.status_code == 422:
            fields = [p["field"] for p in response.json()["problems"]]
            assert fields == ["body"], response.text

    check()
