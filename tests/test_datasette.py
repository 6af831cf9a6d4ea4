"""The archive in Datasette: the shipped metadata over a crawled sample, through the JSON API."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import pytest

from tests.support.crawl import REPO
from tests.support.datasette import Datasette, crawl_sample, serve

pytestmark = pytest.mark.slow
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crawl_sample(tmp_path_factory.mktemp("datasette"))


@pytest.fixture(scope="module")
def datasette(sample_db: Path) -> Iterator[Datasette]:
    with serve(sample_db) as server:
        yield server


def metadata(datasette: Datasette) -> dict[str, Any]:
    """The shipped metadata.yml as the running Datasette loaded it."""
    loaded: dict[str, Any] = datasette.get("/-/metadata.json")
    return loaded


def query_params(sample_db: Path) -> dict[str, dict[str, str]]:
    """Values from the sample for the canned queries that take a parameter."""
    with closing(sqlite3.connect(sample_db)) as conn:
        story = conn.execute("SELECT story_id FROM articles LIMIT 1").fetchone()[0]
        linked = conn.execute("SELECT article_url FROM related_links LIMIT 1").fetchone()[0]
    return {"story_copies": {"story_id": story}, "related_links_of_article": {"url": linked}}


def test_search_over_headline_and_body_finds_the_article(datasette: Datasette) -> None:
    by_body = datasette.get("/news/articles.json", _search="shore power", _shape="objects")
    assert [row["headline"] for row in by_body["rows"]] == [
        "Kerala ports to get shore power for cargo ships"
    ]
    by_headline = datasette.get("/news/articles.json", _search="Mississippi", _shape="objects")
    assert any("Mississippi" in row["headline"] for row in by_headline["rows"])


def test_facets_on_agency_source_and_section(datasette: Datasette) -> None:
    page = datasette.get("/news/articles.json")
    assert {"agency", "source", "section"} <= set(page["facet_results"])
    agencies = {v["value"] for v in page["facet_results"]["agency"]["results"]}
    assert {"IANS", "AP", "Reuters"} <= agencies


def test_every_canned_query_runs_and_returns_rows(datasette: Datasette, sample_db: Path) -> None:
    queries = metadata(datasette)["databases"]["news"]["queries"]
    params = query_params(sample_db)
    assert len(queries) == 5
    for name in queries:
        result = datasette.get(f"/news/{name}.json", _shape="array", **params.get(name, {}))
        assert result, name


def test_every_column_of_the_archive_is_described(datasette: Datasette, sample_db: Path) -> None:
    tables = metadata(datasette)["databases"]["news"]["tables"]
    with closing(sqlite3.connect(sample_db)) as conn:
        for table in ("articles", "related_links"):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert columns == set(tables[table]["columns"]), table
            assert tables[table]["description"]


def test_search_examples_in_the_docs_return_rows(sample_db: Path) -> None:
    """Every `MATCH '...'` and `_search=...` example in README.md and docs/ finds the sample."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in DOCS if path.is_file())
    matches = re.findall(r"MATCH '([^']+)'", text)
    searches = re.findall(r"_search=([\w+%]+)", text)
    assert matches
    assert len(searches) >= 4
    with closing(sqlite3.connect(sample_db)) as conn:
        for query in matches + [unquote_plus(search) for search in searches]:
            found = conn.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)
            ).fetchone()[0]
            assert found > 0, query
