"""Helpers for fault crawls: `scrapy crawl` with the reliability middlewares, reports, replays."""

from __future__ import annotations

import json
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.http import HtmlResponse

import newscrawler.settings as project
from newscrawler.spiders.base import item_from_response
from tests.support.crawl import run_command, setting_args, state_settings
from tests.support.mockserver import pages
from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.fixtures import MockSite
from tests.support.mockserver.server import Site
from tests.support.pipeline_chain import clean

# The reliability middlewares (middlewares/backoff.py) and their priorities around Scrapy's
# RetryMiddleware (550) and RedirectMiddleware (600); passed with -s until settings.py lists them.
RELIABILITY_MIDDLEWARES = {
    "newscrawler.middlewares.backoff.GiveUpMiddleware": 540,
    "newscrawler.middlewares.backoff.BackoffMiddleware": 560,
    "newscrawler.middlewares.guards.GuardMiddleware": 610,
}
# Short waits and timeouts so a fault crawl takes seconds; RETRY_TIMES stays the project's.
FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_TIMEOUT": "1.5",
    "NEWSCRAWLER_BACKOFF_BASE": "0.1",
    "NEWSCRAWLER_BACKOFF_MAX": "0.4",
}


def middlewares_setting() -> str:
    """DOWNLOADER_MIDDLEWARES as JSON: the project's own plus the reliability ones."""
    return json.dumps({**project.DOWNLOADER_MIDDLEWARES, **RELIABILITY_MIDDLEWARES})


def scrapy_command(*args: str, workdir: Path, **settings: str) -> list[str]:
    """`python -m scrapy ARGS` with seen-store and reports under `workdir`, FAST and `settings`."""
    options = {
        **FAST,
        "DOWNLOADER_MIDDLEWARES": middlewares_setting(),
        **state_settings(workdir),
        **settings,
    }
    return [sys.executable, "-m", "scrapy", *args, *setting_args(options)]


def crawl(*args: str, workdir: Path, timeout: float = 120, **settings: str) -> Any:
    """Run the crawl to the end; returns the CompletedProcess (stderr holds the log)."""
    return run_command(scrapy_command(*args, workdir=workdir, **settings), timeout)


def reports(workdir: Path) -> list[dict[str, Any]]:
    """Every run report written under `workdir`, oldest first."""
    paths = sorted((workdir / "reports").glob("*.json"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def servable(spec: dict[str, Any], seed: int, path: str, attempts: int, timeout: float) -> bool:
    """Whether the server answers `path` normally on one of its first `attempts` requests.

    Replays the server's own FaultPlan, so it is exact for rate faults (draws are seeded by path
    and attempt); page faults that still serve the page (cp1252, nocharset) count as normal.
    """
    plan = FaultPlan(json.dumps(spec), seed)
    for _ in range(attempts):
        action = plan.pick(path)
        if action is None:
            return True
        broken = action.drop or action.truncate or action.delay >= timeout
        if action.status is None and not broken:
            return True
    return False


def reference_record(site: MockSite, art_id: int) -> dict[str, Any]:
    """The record of /article/<art_id> fetched without faults: built in-process, fully cleaned."""
    fetched = parsedate_to_datetime(site.date)
    model = Site(site.seed, site.articles, fetched, FaultPlan(None, site.seed))
    model.base = site.url
    article = model.article(art_id)
    assert article is not None
    url = f"{site.url}{article.path}"
    html = pages.article_page(article, site.url, model.latest(art_id), fetched)
    headers = {"Content-Type": "text/html; charset=utf-8", "Date": site.date}
    response = HtmlResponse(url, body=html.encode(), headers=headers, request=Request(url))
    item = clean(item_from_response(response))
    return dict(json.loads(json.dumps(ItemAdapter(item).asdict())))
