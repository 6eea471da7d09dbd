"""The server-rendered pages, in-process: marks, explorer, timeline, article, assets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import Config
from eventwire.pipeline import Pipeline

STORY = ("Germany invited France to talks in Berlin.\n\n"
         "Russia attacked Ukraine on Monday. Poland condemned Russia for the attack.")


@pytest.fixture
def client(tmp_path: Path, coding_pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(Config(), tmp_path / "web.duckdb", pipeline=coding_pipeline)
    with TestClient(app) as client:
        client.post("/v1/articles", json={"text": STORY, "date": "2024-03-04", "title": "T"})
        yield client


def test_the_code_page_marks_trigger_source_and_target(client: TestClient) -> None:
    assert 'name="text"' in client.get("/").text
    page = client.post("/", data={"text": STORY, "title": "Pasted", "date": "2024-03-04"}).text
    assert re.search(r'<mark class="m-trigger ?"[^>]*>invited</mark>', page)
    assert re.search(r'<mark class="m-source ?"[^>]*>Germany</mark>', page)
    assert re.search(r'<mark class="m-target ?"[^>]*>France</mark>', page)
    assert "ASSAULT" in page and "CONSULT" in page and "Pasted" in page


def test_the_code_page_explains_bad_input(client: TestClient) -> None:
    response = client.post("/", data={"text": "", "date": "soon"})
    assert response.status_code == 422
    assert 'class="errors"' in response.text and "text" in response.text


def test_the_explorer_filters_and_reports_unknown_codes(client: TestClient) -> None:
    page = client.get("/events", params={"actor": "RUS", "cameo": "19"}).text
    assert "attacked" in page and "invited" not in page
    bad = client.get("/events", params={"plover": "ATTACK"})
    assert bad.status_code == 422 and "unknown PLOVER type" in bad.text


def test_the_explorer_links_the_next_page(client: TestClient) -> None:
    total = len(client.get("/v1/events").json()["events"])
    assert total > 0
    html = client.get("/events").text
    assert html.count("/articles/1#s") == total and "Next page" not in html


def test_the_timeline_page_embeds_its_data_and_chart_script(client: TestClient) -> None:
    page = client.get("/timeline", params={"a": "RUS", "b": "UKR", "bucket": "month"}).text
    data = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>',
                     page, re.S)
    assert data is not None and '"quad4": 1' in data.group(1)
    assert '<script src="/static/chart.js">' in page
    assert client.get("/timeline", params={"a": "R;S", "b": "UKR"}).status_code == 422


def test_the_article_page_shows_marked_sentences(client: TestClient) -> None:
    page = client.get("/articles/1").text
    assert '<p class="sentence has-events" id="s0"' in page
    assert client.get("/articles/77").status_code == 404


def test_assets_are_served_from_the_package_and_nothing_is_fetched(client: TestClient) -> None:
    assert "function draw" in client.get("/static/chart.js").text
    assert client.get("/static/style.css").status_code == 200
    web = resources.files("eventwire.web")
    for folder in ("templates", "static"):
        for item in web.joinpath(folder).iterdir():
            text = item.read_text("utf-8")
            assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), item.name
            assert "@import" not in text and "url(http" not in text, item.name


def test_fields_the_card_has_no_place_for_are_listed() -> None:
    from eventwire.api.web import extra_fields

    event = {"cameo": "040", "tone": {"score": -0.4}, "voice": "active", "location": None}
    assert extra_fields(event) == [("tone", '{"score": -0.4}'), ("voice", "active")]


def test_the_explorer_filters_by_confidence_and_cards_show_it(client: TestClient) -> None:
    events = client.get("/v1/events").json()["events"]
    top = max(e["confidence"] for e in events)
    html = client.get("/events", params={"min_confidence": str(top)}).text
    assert html.count("/articles/1#s") == sum(e["confidence"] >= top for e in events) > 0
    assert html.count("/articles/1#s") < len(events) or len({e["confidence"] for e in events}) == 1
    bad = client.get("/events", params={"min_confidence": "high"})
    assert bad.status_code == 422 and "not a number" in bad.text
    page = client.post("/", data={"text": STORY, "date": "2024-03-04"}).text
    assert re.search(r"<dt>Confidence</dt><dd>0\.\d\d</dd>", page)


def test_an_actor_no_dictionary_knows_is_shown_by_name(client: TestClient) -> None:
    text = "Acme Holdings accused Zenith Partners of fraud."
    page = client.post("/", data={"text": text, "title": "Firms", "date": "2024-03-04"}).text
    assert re.search(r"<code[^>]*>---</code> Acme Holdings", page)
    client.post("/v1/articles", json={"text": text, "date": "2024-03-05", "title": "Firms"})
    assert re.search(r"<code[^>]*>---</code> Zenith Partners", client.get("/events").text)
