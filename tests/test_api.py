"""The HTTP API in-process: coding, ingest, queries, and clear errors for bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import Config
from eventwire.output.jsonl import CONTRACT_KEYS
from eventwire.pipeline import Pipeline

STORY = ("Germany invited France to talks in Berlin.\n\n"
         "Russia attacked Ukraine on Monday. Poland condemned Russia for the attack.")
OTHER = "Kenya accused Uganda of cattle raids near the border. Uganda denied the claim."


@pytest.fixture
def client(tmp_path: Path, coding_pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(Config(), tmp_path / "api.duckdb", pipeline=coding_pipeline,
                     max_body_bytes=20_000)
    with TestClient(app) as client:
        yield client


def _problem_fields(response: object) -> list[str]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error", "message", "problems"}
    return [p["field"] for p in body["problems"]]


def test_code_returns_contract_events_with_spans_into_the_text(client: TestClient) -> None:
    response = client.post("/v1/code", json={"text": STORY, "date": "2024-03-04"})
    assert response.status_code == 200
    body = response.json()
    assert body["article_id"] is None and body["date"] == "2024-03-04"
    events = body["events"]
    assert {e["cameo_root"] for e in events} >= {"04", "19"}
    for event in events:
        assert list(event)[: len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
        trigger = event["evidence"]["trigger"]
        assert STORY[slice(*trigger["span"])] == trigger["text"]
        assert event["date"] == "2024-03-04"
    assert body["sentences"][0]["text"] == "Germany invited France to talks in Berlin."
    assert client.get("/healthz").json()["articles"] == 0  # coding alone stores nothing


def test_code_with_store_keeps_the_article_once(client: TestClient) -> None:
    first = client.post("/v1/code", json={"text": STORY, "store": True}).json()
    again = client.post("/v1/code", json={"text": STORY, "store": True}).json()
    assert first["status"] == "new" and again["status"] == "duplicate"
    assert first["article_id"] == again["article_id"]
    assert first["events"] and all(e["article_id"] == first["article_id"]
                                    for e in first["events"])
    assert client.get("/healthz").json()["articles"] == 1


def test_ingested_articles_are_queried_and_paged(client: TestClient) -> None:
    made = client.post("/v1/articles", json={"text": STORY, "date": "2024-03-04", "id": "s1"})
    assert made.status_code == 201 and made.json()["status"] == "new"
    client.post("/v1/articles", json={"text": OTHER, "date": "2024-03-05"})
    everything = client.get("/v1/events", params={"limit": 500}).json()
    assert everything["next_cursor"] is None
    ids, cursor = [], None
    while True:
        page = client.get("/v1/events", params={"limit": 1, **({"cursor": cursor} if cursor
                                                                   else {})}).json()
        ids.extend(e["event_id"] for e in page["events"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert ids == [e["event_id"] for e in everything["events"]]
    russian = client.get("/v1/events", params={"actor": "rus", "cameo": "19"}).json()["events"]
    assert russian and all(e["cameo"].startswith("19") for e in russian)
    timeline = client.get("/v1/dyads/RUS/UKR/timeline", params={"bucket": "month"}).json()
    assert timeline["buckets"][0]["bucket"] == "2024-03-01"
    assert timeline["buckets"][0]["quad4"] >= 1
    top = client.get("/v1/actors/top", params={"limit": 3}).json()["actors"]
    assert len(top) == 3 and top[0]["events"] >= top[-1]["events"]


def test_the_article_endpoint_gives_text_sentences_and_events(client: TestClient) -> None:
    article_id = client.post("/v1/articles", json={"text": STORY}).json()["article_id"]
    body = client.get(f"/v1/articles/{article_id}").json()
    for sentence in body["sentences"]:
        assert body["text"][slice(*sentence["span"])] == sentence["text"]
    assert body["events"] and body["events"][0]["article_id"] == article_id
    missing = client.get("/v1/articles/4242")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


@pytest.mark.parametrize(("params", "field"), [
    ({"cameo": "99"}, "cameo"),
    ({"cameo": "1x"}, "query.cameo"),
    ({"plover": "ATTACK"}, "plover"),
    ({"plover": ""}, "plover"),
    ({"from": "1.5"}, "query.from"),
    ({"quad_class": "7"}, "query.quad_class"),
    ({"from": "2024-13-01"}, "from"),
    ({"actor": "RUS;DROP"}, "query.actor"),
    ({"cursor": "12-3"}, "query.cursor"),
    ({"limit": "0"}, "query.limit"),
])
def test_bad_filters_are_422_naming_the_field(client: TestClient, params: dict[str, str],
                                              field: str) -> None:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 422
    assert _problem_fields(response) == [field]


@pytest.mark.parametrize(("body", "field"), [
    ({"text": 5}, "body.text"),
    ({"text": ""}, "body.text"),
    ({"text": " \n "}, "body"),
    ({"text": "Calm.", "id": "  "}, "body"),
    ({"text": "x" * 100_001}, "body.text"),
    ({"text": "Calm.", "date": "yesterday"}, "body.date"),
    ({"text": "Calm.", "date": 86400}, "body.date"),
    ({"text": "Calm.", "store": "perhaps"}, "body.store"),
    ({"text": "Calm.", "colour": "red"}, "body.colour"),
    ({"title": "No text"}, "body.text"),
])
def test_bad_bodies_are_422_naming_the_field(tmp_path: Path, coding_pipeline: Pipeline,
                                             body: dict[str, object], field: str) -> None:
    app = create_app(Config(), tmp_path / "b.duckdb", pipeline=coding_pipeline)
    with TestClient(app) as client:
        response = client.post("/v1/code", json=body)
    assert response.status_code == 422
    assert _problem_fields(response) == [field]


def test_broken_json_and_lone_surrogates_are_422(client: TestClient) -> None:
    broken = client.post("/v1/code", content=b'{"text": "Calm', headers={
        "content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["error"] == "invalid_input"
    surrogate = client.post("/v1/code", content=b'{"text": "a \\ud800 b"}', headers={
        "content-type": "application/json"})
    assert surrogate.status_code == 422
    assert "Unicode" in surrogate.json()["message"]


def test_bodies_over_the_limit_are_413_declared_or_streamed(client: TestClient) -> None:
    big = {"text": "word " * 5_000}
    declared = client.post("/v1/code", json=big)
    assert declared.status_code == 413 and declared.json()["error"] == "too_large"

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"word " * 200
        yield b'"}'

    streamed = client.post("/v1/code", content=chunks(),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_the_schema_documents_every_endpoint_and_takes_no_sql(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/healthz", "/v1/code", "/v1/articles", "/v1/events", "/v1/dyads/{a}/{b}/timeline",
        "/v1/actors/top", "/v1/articles/{article_id}"}
    names = {p["name"] for path in schema["paths"].values() for op in path.values()
             for p in op.get("parameters", [])}
    assert not {n for n in names if "sql" in n.lower() or n in {"query", "where"}}
    code_op = schema["paths"]["/v1/code"]["post"]
    assert {"413", "422"} <= set(code_op["responses"])
