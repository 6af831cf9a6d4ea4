"""Pytest fixtures that run the mock site as a subprocess (``-m tests.support.mockserver``)."""

from __future__ import annotations

import contextlib
import json
import select
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.support.crawl import stop_process
from tests.support.mockserver.__main__ import DEFAULT_DATE
from tests.support.mockserver.content import expected_record, make_article
from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.feeds import article_urls
from tests.support.mockserver.pages import expected_related
from tests.support.mockserver.server import Site

REPO = Path(__file__).resolve().parents[3]
START_TIMEOUT = 15.0


class MockSite(NamedTuple):
    """A running mock site: base URL, article count, frozen Date header, sitemap article URLs."""

    url: str
    articles: int
    date: str
    article_urls: list[str]
    seed: int = 1

    def expected(self, art_id: int) -> dict[str, Any]:
        """The clean record the pipelines should make of /article/<art_id> (incl. `related`)."""
        fetched = parsedate_to_datetime(self.date)
        site = Site(self.seed, self.articles, fetched, FaultPlan(None, self.seed))
        article = site.article(art_id)
        if article is None:
            raise KeyError(art_id)
        record = expected_record(article, fetched)
        record["url"] = f"{self.url}{article.path}"
        record["related"] = expected_related(site.latest(art_id), fetched, self.url)
        return record


def _start(
    articles: int = 30,
    date: str = DEFAULT_DATE,
    seed: int = 1,
    faults: Mapping[str, object] | str | None = None,
    port: int = 0,
    pages: Path | None = None,
) -> tuple[subprocess.Popen[str], MockSite]:
    """Start the server, wait for its URL line, and describe it."""
    cmd = [sys.executable, "-m", "tests.support.mockserver", "--port", str(port)]
    cmd += ["--articles", str(articles), "--date", date, "--seed", str(seed)]
    if pages is not None:
        cmd += ["--pages", str(pages)]
    if faults is not None:
        cmd += ["--faults", faults if isinstance(faults, str) else json.dumps(dict(faults))]
    # stderr goes to a file: a pipe nobody drains could fill up and block the server
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=err, text=True)
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
        line = proc.stdout.readline().strip() if ready else ""
        if not line.startswith("http://127.0.0.1:"):
            _stop(proc)
            err.seek(0)
            raise RuntimeError(f"mock server did not start: {line!r}\n{err.read()}")
    fetched = parsedate_to_datetime(date)
    site_articles = [make_article(seed, i, articles, fetched) for i in range(1, articles + 1)]
    return proc, MockSite(line, articles, date, article_urls(line, site_articles), seed)


def _stop(proc: subprocess.Popen[str]) -> None:
    """Terminate the server and close its pipe (no ResourceWarning)."""
    stop_process(proc, timeout=5)
    if proc.stdout is not None:
        proc.stdout.close()


@contextlib.contextmanager
def running_site(**options: Any) -> Iterator[MockSite]:
    """A mock site for the block's duration (module-scoped fixtures with their own faults)."""
    proc, site = _start(**options)
    try:
        yield site
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def mock_site() -> Iterator[MockSite]:
    """The default site: 30 articles, Date frozen at Sat, 26 Jul 2025 12:00:00 GMT, no faults."""
    with running_site() as site:
        yield site


@pytest.fixture
def start_mock_site() -> Iterator[Callable[..., MockSite]]:
    """Factory: ``start_mock_site(articles=5, faults={...})``; every server stops at teardown."""
    procs: list[subprocess.Popen[str]] = []

    def start(**options: object) -> MockSite:
        proc, site = _start(**options)  # type: ignore[arg-type]
        procs.append(proc)
        return site

    try:
        yield start
    finally:
        for proc in procs:
            _stop(proc)
