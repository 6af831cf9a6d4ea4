"""newscrawler.clean_page and `python -m newscrawler extract`: a crawl's record, no crawl."""

from __future__ import annotations

import json
import subprocess
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import newscrawler
from newscrawler import cli
from newscrawler.api import PageCleaner
from newscrawler.sites import SITES
from tests.support.crawl import REPO, read_jsonl, run_scrapy
from tests.support.mockserver.__main__ import DEFAULT_DATE

# A stored AP page at its real URL, so it goes through the apnews page class.
AP_PAGE = "apnews/APNews_2023_04_28.html"
AP_URL = "https://apnews.com/article/mexico-economy-growth-3cc842471fb9df42315d658d88c8403a"
FETCHED = "2023-04-28T20:32:23+00:00"


def stored_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


@pytest.mark.slow
def test_clean_page_equals_the_crawl_on_every_stored_page(
    tmp_path: Path, shared_pages: Path, start_mock_site: Any
) -> None:
    site = start_mock_site(pages=shared_pages)
    pages = stored_pages(shared_pages)
    urls = {f"{site.url}/pages/{quote(str(p.relative_to(shared_pages)))}": p for p in pages}
    (tmp_path / "urls.txt").write_text("\n".join(urls), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = run_scrapy(
        "crawl", "article", "-a", f"url_file={tmp_path / 'urls.txt'}", "-O", str(out),
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCRAWLER_STORIES_ENABLED=False",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    crawled = {record["url"]: record for record in read_jsonl(out)}
    fetched_at = parsedate_to_datetime(site.date)
    cleaned = {
        url: newscrawler.clean_page(p.read_bytes(), url, fetched_at) for url, p in urls.items()
    }
    assert len(pages) >= 38
    assert len(crawled) >= 30
    for url, record in cleaned.items():
        # JSON round trip: the crawl's record as its feed wrote it.
        assert json.loads(json.dumps(record)) == crawled.get(url), url


@pytest.mark.slow
def test_clean_page_equals_the_crawl_through_each_sites_page_class(
    tmp_path: Path, shared_pages: Path, start_mock_site: Any
) -> None:
    """One mock site per site key, mapped to it by NEWSCRAWLER_SITE_ALIASES: site selectors."""
    aliases: dict[str, str] = {}
    urls: dict[str, Path] = {}
    for key in (k for k in SITES if (shared_pages / k).is_dir()):
        base = start_mock_site(articles=1, pages=shared_pages).url
        aliases[base.removeprefix("http://")] = key
        for page in stored_pages(shared_pages / key):
            urls[f"{base}/pages/{quote(str(page.relative_to(shared_pages)))}"] = page
    (tmp_path / "urls.txt").write_text("\n".join(urls), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = run_scrapy(
        "crawl", "article", "-a", f"url_file={tmp_path / 'urls.txt'}", "-O", str(out),
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCRAWLER_STORIES_ENABLED=False",
        "-s", f"NEWSCRAWLER_SITE_ALIASES={json.dumps(aliases)}",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    crawled = {record["url"]: record for record in read_jsonl(out)}
    cleaner = PageCleaner({"NEWSCRAWLER_SITE_ALIASES": aliases})
    fetched_at = parsedate_to_datetime(DEFAULT_DATE)
    assert len(aliases) >= 8
    assert {record["source"] for record in crawled.values()} == set(aliases.values())
    for url, page in urls.items():
        record = cleaner.outcome(page.read_bytes(), url, fetched_at).record
        assert json.loads(json.dumps(record)) == crawled.get(url), url


def test_text_and_bytes_give_the_same_record(shared_pages: Path) -> None:
    page = shared_pages / AP_PAGE
    from_bytes = newscrawler.clean_page(page.read_bytes(), AP_URL, FETCHED)
    from_text = newscrawler.clean_page(page.read_text(encoding="utf-8"), AP_URL, FETCHED)
    assert from_bytes is not None
    assert from_bytes == from_text
    assert from_bytes["crawled_at"] == FETCHED
    assert from_bytes["story_id"] is None
    assert (from_bytes["source"], from_bytes["agency"]) == ("apnews", "AP")


def test_a_page_the_crawl_would_not_export_gives_none_and_a_reason() -> None:
    html = "<html><head><title>Tags</title></head><body><p>Short.</p></body></html>"
    outcome = PageCleaner().outcome(html, "https://example.com/tag/x", FETCHED)
    assert outcome.record is None
    assert outcome.reason
    assert newscrawler.clean_page(html, "https://example.com/tag/x", FETCHED) is None


def extract_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newscrawler", "extract", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_extract_command_prints_the_record_as_json(shared_pages: Path) -> None:
    page = shared_pages / AP_PAGE
    result = extract_cli(str(page), "--url", AP_URL, "--fetched-at", FETCHED)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == newscrawler.clean_page(page.read_bytes(), AP_URL, FETCHED)


@pytest.mark.slow
def test_extract_command_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    missing = extract_cli(str(tmp_path / "absent.html"), "--url", AP_URL)
    assert missing.returncode == 2
    assert missing.stderr.startswith("newscrawler: error: cannot read")
    page = tmp_path / "p.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    bad_time = extract_cli(str(page), "--url", AP_URL, "--fetched-at", "yesterday")
    assert bad_time.returncode == 2
    assert "not ISO 8601" in bad_time.stderr
    assert "Traceback" not in missing.stderr + bad_time.stderr
    empty = extract_cli(str(page), "--url", AP_URL)
    assert empty.returncode == 1
    assert empty.stderr.startswith("newscrawler: no record for")


def test_the_command_dispatcher_names_its_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["nope"]) == 2
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newscrawler: error: unknown command 'nope'")
    assert "{extract,push-seeds}" in err
