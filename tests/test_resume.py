"""Crash and resume: a crawl killed mid-way and restarted with the same JOBDIR loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.crawl import REPO, read_jsonl
from tests.support.mockserver.faults_crawl import scrapy_command
from tests.support.mockserver.fixtures import MockSite, _start, _stop

pytestmark = pytest.mark.slow

ARTICLES = 40
KILL_AFTER = 8  # items a run exports before it is killed
DEADLINE_S = 90.0


@pytest.fixture(scope="module")
def slow_site() -> Iterator[MockSite]:
    """Every article page takes 0.8 s, so a stop lands while most articles are still queued.

    At 0.3 s a loaded machine (CI beside other jobs) noticed the 8th record only when every
    request had left the queue: nothing was left to resume, and the resume assertion failed.
    """
    proc, site = _start(articles=ARTICLES, faults={"rate": {"slow:0.8": 1.0}})
    try:
        yield site
    finally:
        _stop(proc)


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def run_until(
    cmd: list[str], out: Path, log: Path, stop: signal.Signals | None, times: int = 1
) -> int:
    """Run a crawl; send `stop` (`times` times) once `out` holds KILL_AFTER lines (None: never)."""
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + DEADLINE_S
        sent = False
        while proc.poll() is None and time.monotonic() < deadline:
            if stop is not None and not sent and lines(out) >= KILL_AFTER:
                for _ in range(times):
                    os.kill(proc.pid, stop)
                    time.sleep(0.05)
                sent = True
            time.sleep(0.05)
        if proc.poll() is None:  # bounded: a hung crawl fails the test instead of hanging it
            proc.kill()
        return proc.wait()


def interrupted_crawls(
    site: MockSite, workdir: Path, stop: signal.Signals, **settings: str
) -> dict[str, Any]:
    """An interrupted run and its restart, same JOBDIR; one JSONL per run plus one SQLite.

    `committed` holds the urls the SQLite feed had committed when the first run stopped.
    """
    runs, codes, committed = [], [], set()
    for n, signal_ in enumerate((stop, None)):
        out = workdir / f"run{n}.jsonl"
        args: tuple[str, ...] = ("crawl", "article", "-a", f"sitemap={site.url}/sitemap.xml")
        args += ("-o", str(out))
        args += ("-o", str(workdir / "all.sqlite"))
        cmd = scrapy_command(*args, workdir=workdir, JOBDIR=str(workdir / "job"), **settings)
        codes.append(run_until(cmd, out, workdir / f"run{n}.log", signal_))
        runs.append(read_jsonl(out) if out.exists() else [])
        if n == 0 and (workdir / "all.sqlite").exists():
            committed = set(sqlite_urls(workdir / "all.sqlite"))
    sqlite = workdir / "all.sqlite"
    return {"runs": runs, "codes": codes, "sqlite": sqlite, "dir": workdir, "committed": committed}


def sqlite_urls(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        urls = [row[0] for row in db.execute("SELECT url FROM articles")]
    db.close()
    return urls


@pytest.fixture(scope="module")
def killed(slow_site: MockSite, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return interrupted_crawls(slow_site, tmp_path_factory.mktemp("killed"), signal.SIGKILL)


def test_killed_runs_resume_to_the_full_set_in_jsonl(
    killed: dict[str, Any], slow_site: MockSite
) -> None:
    assert killed["codes"] == [-signal.SIGKILL, 0]
    for run in killed["runs"]:
        urls = [r["url"] for r in run]
        assert len(urls) == len(set(urls))  # no duplicates within a run
    every = [r["url"] for run in killed["runs"] for r in run]
    assert sorted(set(every)) == sorted(slow_site.article_urls)
    assert KILL_AFTER <= len(killed["runs"][0]) < ARTICLES  # the kill landed mid-way
    # The seen-store records an item once the SQLite feed has committed it: the restart exports
    # again only what the killed run had not committed (its last batch), never a committed one.
    first, second = ({r["url"] for r in run} for run in killed["runs"])
    assert first & second <= first - killed["committed"]


@pytest.fixture(scope="module")
def killed_in_a_batch(
    slow_site: MockSite, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    # One batch for the whole run (count only, no clock): the kill lands before any commit.
    batch = {"NEWSCRAWLER_SQLITE_COMMIT_EVERY": "1000", "NEWSCRAWLER_SQLITE_COMMIT_SECONDS": "0"}
    return interrupted_crawls(slow_site, tmp_path_factory.mktemp("batch"), signal.SIGKILL, **batch)


def test_a_batch_killed_before_its_commit_is_fetched_again_in_full(
    killed_in_a_batch: dict[str, Any], slow_site: MockSite
) -> None:
    assert killed_in_a_batch["codes"] == [-signal.SIGKILL, 0]
    assert KILL_AFTER <= len(killed_in_a_batch["runs"][0]) < ARTICLES  # exported, uncommitted
    assert killed_in_a_batch["committed"] == set()
    # Nothing was recorded as exported, so the resumed run fetches and stores every article.
    assert sorted(r["url"] for r in killed_in_a_batch["runs"][1]) == sorted(slow_site.article_urls)
    assert sorted(sqlite_urls(killed_in_a_batch["sqlite"])) == sorted(slow_site.article_urls)


def test_killed_runs_resume_to_the_full_set_in_sqlite(
    killed: dict[str, Any], slow_site: MockSite
) -> None:
    assert sorted(sqlite_urls(killed["sqlite"])) == sorted(slow_site.article_urls)


BIG_SITE = 600  # its sitemap's fingerprints pass the duplicate filter's 8 KiB write buffer


@pytest.fixture(scope="module")
def killed_big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    proc, site = _start(articles=BIG_SITE, faults={"rate": {"slow:0.2": 1.0}})
    try:
        workdir = tmp_path_factory.mktemp("big")
        yield {**interrupted_crawls(site, workdir, signal.SIGKILL), "site": site}
    finally:
        _stop(proc)


def test_a_killed_crawl_of_a_big_sitemap_resumes_to_the_full_set(
    killed_big: dict[str, Any],
) -> None:
    # Before: the killed run had written the sitemap's and 390 articles' fingerprints but not
    # its queue's index; the resumed run found every request "seen", fetched nothing of the
    # 590 left and said OK (exit 0).
    assert killed_big["codes"] == [-signal.SIGKILL, 0]
    every = {r["url"] for run in killed_big["runs"] for r in run}
    assert every == set(killed_big["site"].article_urls)
    assert len(sqlite_urls(killed_big["sqlite"])) == BIG_SITE
    log = (killed_big["dir"] / "run1.log").read_text()
    assert log.count("did not stop cleanly") == 1
    assert not (killed_big["dir"] / "job" / "newscrawler.running").exists()


@pytest.fixture(scope="module")
def jobdir_only(slow_site: MockSite, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # JOBDIR alone (no seen-store): Scrapy saves its queue on a graceful stop (one SIGINT, as
    # Ctrl-C); after SIGKILL its saved fingerprints can outlive the lost queue
    # (docs/reliability.md).
    workdir = tmp_path_factory.mktemp("jobdir")
    return interrupted_crawls(
        slow_site, workdir, signal.SIGINT, NEWSCRAWLER_INCREMENTAL_ENABLED="False"
    )


def test_jobdir_alone_resumes_after_a_graceful_stop(
    jobdir_only: dict[str, Any], slow_site: MockSite
) -> None:
    # The stopped run did not finish: INCOMPLETE, exit 8 (it used to exit 0, as if complete).
    assert jobdir_only["codes"] == [8, 0]
    assert "Resuming crawl" in (jobdir_only["dir"] / "run1.log").read_text()
    assert len(jobdir_only["runs"][0]) < ARTICLES
    every = [r["url"] for run in jobdir_only["runs"] for r in run]
    assert len(every) == len(set(every)) == ARTICLES  # each article once over all runs
    assert sorted(every) == sorted(slow_site.article_urls)
    assert sorted(sqlite_urls(jobdir_only["sqlite"])) == sorted(slow_site.article_urls)


def test_a_finished_jobdir_reused_reads_its_sitemap_again(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # Before: the finished crawl's fingerprints filtered the next run's sitemap: 0 pages, OK,
    # and any article published since would never have been fetched.
    logs = []
    for n in range(2):
        out = tmp_path / f"run{n}.jsonl"
        args = ("crawl", "article", "-a", f"sitemap={mock_site.url}/sitemap.xml", "-o", str(out))
        cmd = scrapy_command(*args, workdir=tmp_path, JOBDIR=str(tmp_path / "job"),
                             NEWSCRAWLER_INCREMENTAL_ENABLED="False")  # fmt: skip
        assert run_until(cmd, out, tmp_path / f"run{n}.log", None) == 0
        logs.append((tmp_path / f"run{n}.log").read_text())
        assert len(read_jsonl(out)) == mock_site.articles  # no seen-store: exported again
    assert "fingerprints are cleared" in logs[0]
    assert "'dupefilter/filtered'" not in logs[1]


def test_a_second_crawl_on_a_running_crawls_jobdir_is_refused(
    slow_site: MockSite, tmp_path: Path
) -> None:
    # Before: it would have resumed the first crawl's half-written queue under it.
    def crawl(n: int) -> list[str]:
        sitemap = f"sitemap={slow_site.url}/sitemap.xml"
        args = ("crawl", "article", "-a", sitemap, "-o", str(tmp_path / f"run{n}.jsonl"))
        return scrapy_command(*args, workdir=tmp_path / f"ops{n}", JOBDIR=str(tmp_path / "job"))

    with (tmp_path / "first.log").open("w") as log:
        first = subprocess.Popen(crawl(0), cwd=REPO, stdout=subprocess.DEVNULL, stderr=log)
        try:
            deadline = time.monotonic() + DEADLINE_S
            while lines(tmp_path / "run0.jsonl") < 1 and time.monotonic() < deadline:
                time.sleep(0.1)  # the first crawl is under way
            second = subprocess.run(crawl(1), cwd=REPO, capture_output=True, text=True, timeout=120)
        finally:
            assert first.wait(timeout=DEADLINE_S) == 0
    assert second.returncode == 2
    assert "is in use by another crawl" in second.stderr
    assert "Traceback" not in second.stderr
    assert len(read_jsonl(tmp_path / "run0.jsonl")) == ARTICLES


def seen_urls(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        query = "SELECT url FROM seen WHERE last_exported_at IS NOT NULL"
        urls = {row[0] for row in db.execute(query)}
    db.close()
    return urls


def test_a_forced_shutdown_is_incomplete_and_marks_only_what_every_feed_holds(
    slow_site: MockSite, tmp_path: Path
) -> None:
    # SIGTERM twice (scrapyd's cancel.json twice, systemctl stop after its own SIGTERM): Scrapy
    # stops uncleanly, without spider_closed. Before: no verdict, exit 0, as if complete.
    out, db, log = tmp_path / "out.jsonl", tmp_path / "out.sqlite", tmp_path / "run.log"
    args = ("crawl", "article", "-a", f"sitemap={slow_site.url}/sitemap.xml")
    cmd = scrapy_command(*args, "-O", str(out), "-O", str(db), workdir=tmp_path)
    code = run_until(cmd, out, log, signal.SIGTERM, times=2)
    text = log.read_text(encoding="utf-8")
    assert "forcing unclean shutdown" in text
    assert code == 8, text[-3000:]
    assert "Run verdict INCOMPLETE (exit 8): the crawl stopped before it could be judged" in text
    assert "Traceback" not in text
    in_jsonl = [r["url"] for r in read_jsonl(out)]
    assert KILL_AFTER <= len(in_jsonl) < ARTICLES
    assert len(in_jsonl) == len(set(in_jsonl))
    # Remembered as exported: only items every feed holds; the rest is fetched again next run.
    assert seen_urls(tmp_path / "seen.sqlite") <= set(in_jsonl) & set(sqlite_urls(db))


def test_a_forced_shutdown_without_the_run_report_is_incomplete_too(
    slow_site: MockSite, tmp_path: Path
) -> None:
    # NEWSCRAWLER_REPORT_ENABLED=False gives no verdict, but a crawl stopped uncleanly never
    # finished: before, it exited 0.
    out, log = tmp_path / "out.jsonl", tmp_path / "run.log"
    args = ("crawl", "article", "-a", f"sitemap={slow_site.url}/sitemap.xml", "-O", str(out))
    cmd = scrapy_command(*args, workdir=tmp_path, NEWSCRAWLER_REPORT_ENABLED="False")
    code = run_until(cmd, out, log, signal.SIGTERM, times=2)
    text = log.read_text(encoding="utf-8")
    assert "forcing unclean shutdown" in text
    assert code == 8, text[-3000:]
    assert "Traceback" not in text
