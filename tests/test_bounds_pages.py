"""Hostile pages are bounded: 12 MB or 100k paragraphs, JSON-LD 100k deep, 10k tags, bidi, utf-16.

One `scrapy crawl article` against the mock site with one hostile article page per fault; the
huge page is skipped and counted, the others lose only what was bad in them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.crawl import crawl_stats, read_jsonl
from tests.support.mockserver.faults_crawl import crawl, reports
from tests.support.mockserver.fixtures import MockSite, running_site

pytestmark = pytest.mark.slow
FAULTS = {
    "/article/1": "hugepage:12000000",  # 1M paragraphs, under DOWNLOAD_MAXSIZE (16 MiB)
    "/article/2": "deepjsonld:100000",
    "/article/3": "manytags:10000",
    "/article/4": "bidi",
    "/article/5": "utf16meta",
    "/article/6": "hugepage:1200000",  # 1.2 MB, but 100k paragraphs: over the markup bound
}


@pytest.fixture(scope="module")
def page_crawl(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with running_site(articles=30, faults=FAULTS) as site:
        yield site, run(site, tmp_path_factory.mktemp("pages"))


def run(site: MockSite, workdir: Path) -> dict[str, Any]:
    out = workdir / "articles.jsonl"
    args = ("crawl", "article", "-a", f"sitemap={site.url}/sitemap.xml", "-O", str(out))
    result = crawl(*args, workdir=workdir)
    records = {int(r["url"].rsplit("/", 1)[1]): r for r in read_jsonl(out)} if out.exists() else {}
    return {"result": result, "stats": crawl_stats(result.stderr), "records": records,
            "reports": reports(workdir)}  # fmt: skip


def test_only_the_huge_pages_are_lost_and_the_run_is_ok(page_crawl: Any) -> None:
    _, run_ = page_crawl
    log = run_["result"].stderr
    assert run_["result"].returncode == 0, log[-3000:]
    assert log.count("Traceback") == 0, log[-3000:]
    assert sorted(run_["records"]) == [n for n in range(2, 31) if n != 6]
    assert run_["stats"]["newscrawler/skipped/page_too_large"] == 1
    assert run_["stats"]["newscrawler/skipped/page_too_much_markup"] == 1
    assert [r["verdict"] for r in run_["reports"]] == ["OK"]
    assert sum("WARNING: Skipped (" in line for line in log.splitlines()) == 3  # 2 pages, tags


def test_deep_jsonld_loses_only_its_block(page_crawl: Any) -> None:
    site, run_ = page_crawl
    record, expected = run_["records"][2], site.expected(2)
    assert (record["headline"], record["body"]) == (expected["headline"], expected["body"])
    assert "newscrawler/spider/extraction_error" not in run_["stats"]


def test_tags_are_capped_and_counted(page_crawl: Any) -> None:
    _, run_ = page_crawl
    assert run_["records"][3]["tags"] == [f"tag{n}" for n in range(50)]
    assert run_["stats"]["newscrawler/skipped/tags_over_cap"] == 10000 - 50


def test_bidi_controls_are_removed(page_crawl: Any) -> None:
    site, run_ = page_crawl
    record, expected = run_["records"][4], site.expected(4)
    assert (record["headline"], record["body"]) == (expected["headline"], expected["body"])
    text = record["headline"] + "".join(record["body"])
    assert not {"\u202e", "\u202c"} & set(text)


def test_utf16_meta_on_a_utf8_page_reads_as_utf8(page_crawl: Any) -> None:
    site, run_ = page_crawl
    record, expected = run_["records"][5], site.expected(5)
    assert (record["headline"], record["body"]) == (expected["headline"], expected["body"])
