"""Bad sitemap and feed input is bounded: bad entries, endless indexes, huge, deep, entity XML.

One `scrapy crawl article` against the mock site, every listing hostile in its own way; each bad
piece is skipped and counted with one WARNING, every good entry is still crawled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.crawl import crawl_stats, read_jsonl
from tests.support.mockserver.faults_crawl import crawl, reports
from tests.support.mockserver.fixtures import MockSite, running_site

pytestmark = pytest.mark.slow
MIB = 1024 * 1024
FAULTS = {
    # A raw .xml.gz (no Content-Encoding) inflating past DOWNLOAD_MAXSIZE (16 MiB), and one
    # past the sitemaps.org limit of 50 MB.
    "/sitemap-articles.xml": f"gzipped:{20 * MIB}",
    "/sitemap-articles.xml?huge": f"gzipped:{60 * MIB}",
    "/news-sitemap.xml": "badentries",
    "/rss.xml": "badentries",
    "/rss.xml?deep": "deepxml:300",
    "/rss.xml?bomb": "entitybomb",
}


@pytest.fixture(scope="module")
def listing_crawl(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with running_site(articles=30, faults=FAULTS) as site:
        yield site, run(site, tmp_path_factory.mktemp("listings"))


def run(site: MockSite, workdir: Path) -> dict[str, Any]:
    base, out = site.url, workdir / "articles.jsonl"
    sitemaps = [
        "sitemap.xml",
        "sitemap-articles.xml?huge",
        "sitemap-index/1.xml",
        "news-sitemap.xml",
    ]
    feeds = ["rss.xml", "rss.xml?deep", "rss.xml?bomb"]
    result = crawl(
        "crawl", "article", "-a", "allow_offsite=1", "-O", str(out),
        "-a", "sitemap=" + ",".join(f"{base}/{s}" for s in sitemaps),
        "-a", "feed=" + ",".join(f"{base}/{f}" for f in feeds),
        workdir=workdir,
    )  # fmt: skip
    records = read_jsonl(out) if out.exists() else []
    return {"result": result, "stats": crawl_stats(result.stderr), "records": records,
            "reports": reports(workdir)}  # fmt: skip


def test_every_article_is_crawled_and_the_run_is_ok(listing_crawl: Any) -> None:
    site, run_ = listing_crawl
    assert run_["result"].returncode == 0, run_["result"].stderr[-3000:]
    assert sorted(r["url"] for r in run_["records"]) == sorted(site.article_urls)
    assert [r["verdict"] for r in run_["reports"]] == ["OK"]


def test_no_traceback_and_one_warning_per_skip(listing_crawl: Any) -> None:
    _, run_ = listing_crawl
    log = run_["result"].stderr
    assert log.count("Traceback") == 0, log[-4000:]
    warnings = [line for line in log.splitlines() if "WARNING: Skipped (" in line]
    # One line per listing and reason: 2 listings with bad URLs and 2 with bad schemes, the
    # huge sitemap, the 8 deepest indexes, the deep feed, the entity feed.
    assert len(warnings) == 2 + 2 + 1 + 8 + 1 + 1, warnings


@pytest.mark.parametrize(
    ("reason", "count"),
    [
        ("entry_bad_url", 4),  # http://[oops/x and port 99999, in the news sitemap and the feed
        ("entry_bad_scheme", 4),  # mailto: and javascript:, even with allow_offsite=1
        ("sitemap_too_large", 1),  # 60 MiB inflated
        ("sitemap_too_deep", 16),  # 1 + 2 + 4 + 8 indexes fetched, the 16 below refused
        ("listing_over_limit", 1),  # nested 300 deep: the rest of the feed is unread
        ("entry_no_link", 1),  # the link was an entity reference, left unresolved
    ],
)
def test_each_bound_is_counted(listing_crawl: Any, reason: str, count: int) -> None:
    _, run_ = listing_crawl
    assert run_["stats"].get(f"newscrawler/skipped/{reason}") == count


def test_a_big_sitemap_is_read_to_its_end_through_the_feeder(tmp_path: Path) -> None:
    """20,000 entries on another host: read in steps, the spider kept open until the last."""
    with running_site(articles=3) as site:
        url = f"{site.url}/sitemap-big.xml?n=20000&host=http://elsewhere.invalid"
        args = ("crawl", "article", "-a", f"sitemap={url}", "-O", str(tmp_path / "o.jsonl"))
        result = crawl(*args, workdir=tmp_path)
    stats = crawl_stats(result.stderr)
    assert result.stderr.count("Traceback") == 0, result.stderr[-3000:]
    assert stats["newscrawler/spider/offsite_entry"] == 20000
    assert stats["finish_reason"] == "finished"
