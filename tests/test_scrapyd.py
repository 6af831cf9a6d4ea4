"""A real scrapyd on loopback: deploy the egg, schedule with deploy/schedule.sh, crawl twice."""

from __future__ import annotations

import ast
import base64
import configparser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.support.crawl import read_jsonl, stop_process
from tests.support.ops_site import tiny_site

pytest.importorskip(
    "scrapyd", reason="scrapyd is a deploy-time package: pip install scrapyd==1.6.*"
)
pytest.importorskip("scrapyd_client", reason="pip install scrapyd-client==2.0.*")
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USER, PASSWORD = "newsbot", "test-password-not-secret"
TOKEN = "token-in-scrapyd-environment-9f3"  # any secret-looking variable of scrapyd's
DEPLOY = REPO / "deploy"
# What settings.py must wire (see newscrawler/ops): appended to the temporary copy when missing, so
# this test checks deployment even before the lead merges it; test_settings_wire_ops fails then.
OPS_SETTINGS = """
COMMANDS_MODULE = "newscrawler.commands"
DOWNLOADER_MIDDLEWARES = {
    **DOWNLOADER_MIDDLEWARES, "newscrawler.middlewares.incremental.IncrementalMiddleware": 50
}
EXTENSIONS = {"newscrawler.extensions.report.RunReport": 500}
"""
OPS_NAMES = (
    "newscrawler.commands",
    "IncrementalMiddleware",
    "newscrawler.extensions.report.RunReport",
)


class Scrapyd(NamedTuple):
    url: str
    home: Path
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def api(
    server: Scrapyd, endpoint: str, data: dict[str, str] | None = None, *, auth: bool = True
) -> Any:
    """GET (or POST `data`) a scrapyd endpoint: its JSON, or the HTTP status on error."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(f"{server.url}/{endpoint}", data=body)
    if auth:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code


def write_conf(home: Path, port: int, password: str = PASSWORD) -> None:
    """deploy/scrapyd.conf as shipped, with a free port and directories under `home`."""
    conf = configparser.ConfigParser(interpolation=None)
    conf.read(REPO / "deploy" / "scrapyd.conf")
    section = conf["scrapyd"]
    assert section["bind_address"] == "127.0.0.1"
    assert section["items_dir"] == ""
    section.update(http_port=str(port), username=USER, password=password)
    for name in ("eggs_dir", "logs_dir", "dbs_dir"):
        section[name] = str(home / section[name])
    with (home / "scrapyd.conf").open("w") as out:
        conf.write(out)


def stop(process: subprocess.Popen[bytes]) -> None:
    stop_process(process, timeout=15)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    home = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    write_conf(home, port)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPYD_", "SCRAPY_"))}
    # As scrapyd.service runs it: the password in the environment, deploy/ on the path (launcher).
    env |= {"SCRAPYD_PASSWORD": PASSWORD, "NEWS_API_TOKEN": TOKEN, "PYTHONPATH": str(DEPLOY)}
    with (home / "stdout.log").open("wb") as out:
        # cwd=home: scrapyd reads ./scrapyd.conf (it has no --config option).
        process = subprocess.Popen(
            [str(BIN / "scrapyd"), "--pidfile=", "--logfile=scrapyd.log"],
            cwd=home, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    server = Scrapyd(f"http://127.0.0.1:{port}", home, process)
    try:
        wait_until_up(server)
        yield server
    finally:
        stop(process)


def wait_until_up(server: Scrapyd, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"scrapyd exited: {(server.home / 'stdout.log').read_text()}")
        try:
            if api(server, "daemonstatus.json") == api(server, "daemonstatus.json") != 401:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("scrapyd did not answer daemonstatus.json")


def project_copy(dest: Path, url: str) -> Path:
    """The files scrapyd-deploy needs, copied so build/ and *.egg-info stay out of the repo."""
    shutil.copytree(
        REPO / "newscrawler", dest / "newscrawler", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("scrapy.cfg", "setup.py", "pyproject.toml", "README.md"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, dest / name)
    if not (dest / "README.md").exists():
        (dest / "README.md").write_text("newscrawler\n")  # pyproject.toml names a readme
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(dest / "scrapy.cfg")
    assert not cfg["deploy"]["url"].endswith("/")
    cfg["deploy"]["url"] = url
    with (dest / "scrapy.cfg").open("w") as out:
        cfg.write(out)
    settings = dest / "newscrawler" / "settings.py"
    if not all(name in settings.read_text() for name in OPS_NAMES):
        settings.write_text(settings.read_text() + OPS_SETTINGS)
    # A spider that needs nothing but Scrapy, so scheduling is tested whatever the site spiders do.
    spiders = dest / "newscrawler" / "spiders"
    shutil.copy(REPO / "tests" / "support" / "ops_spider.py", spiders / "ops_test.py")
    shutil.copy(REPO / "tests" / "support" / "env_spider.py", spiders / "env_test.py")
    return dest


def deploy(src: Path, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRAPYD_PASSWORD": password}
    command = [str(BIN / "scrapyd-deploy"), *args]
    return subprocess.run(command, cwd=src, env=env, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd, tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = project_copy(tmp_path_factory.mktemp("src"), scrapyd.url)
    result = deploy(src)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Packing version" in result.stderr
    assert '"status": "ok"' in result.stdout
    return src


def schedule(server: Scrapyd, data_dir: Path, spider: str, *args: str) -> str:
    """Schedule through deploy/schedule.sh, as the systemd timer and cron do; returns the job id."""
    env = {
        **os.environ,
        "NEWSCRAWLER_ENV_FILE": str(data_dir / "absent.env"),
        "SCRAPYD_URL": server.url + "/",  # the script strips a trailing slash itself
        "SCRAPYD_USERNAME": USER,
        "SCRAPYD_PASSWORD": PASSWORD,
        "NEWSCRAWLER_DATA_DIR": str(data_dir),
    }
    command = [str(REPO / "deploy" / "schedule.sh"), spider, *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout.strip()


def wait_finished(server: Scrapyd, job: str, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = api(server, f"status.json?job={job}")
        if status["currstate"] == "finished":
            log = server.home / "logs" / "newscrawler"
            text = next(log.glob(f"*/{job}.log")).read_text()
            stats = crawl_stats(text) if "Dumping Scrapy stats:" in text else {}
            return {"stats": stats, "log": text}
        time.sleep(0.5)
    pytest.fail(f"job {job} did not finish")


def crawl_stats(log: str) -> dict[str, Any]:
    """The stats dump at the end of a job log (datetimes replaced by None)."""
    text = log[log.rindex("Dumping Scrapy stats:") :]
    body = text[text.index("{") : text.index("}\n") + 1]
    stats: dict[str, Any] = ast.literal_eval(re.sub(r"datetime\.datetime\([^)]*\)", "None", body))
    return stats


def run_job(server: Scrapyd, data_dir: Path, spider: str, *args: str) -> dict[str, Any]:
    return wait_finished(server, schedule(server, data_dir, spider, *args))


def test_api_and_deploy_need_credentials(scrapyd: Scrapyd, deployed: Path) -> None:
    assert api(scrapyd, "daemonstatus.json", auth=False) == 401
    assert (
        api(scrapyd, "schedule.json", {"project": "newscrawler", "spider": "ops"}, auth=False)
        == 401
    )
    result = deploy(deployed, password="wrong")
    assert result.returncode == 1
    assert "(401)" in result.stderr


def test_egg_holds_only_our_package(deployed: Path, tmp_path: Path) -> None:
    result = deploy(deployed, "--build-egg", str(tmp_path / "project.egg"))
    assert result.returncode == 0, result.stderr
    names = zipfile.ZipFile(tmp_path / "project.egg").namelist()
    assert {name.split("/")[0] for name in names} == {"newscrawler", "EGG-INFO"}
    assert "newscrawler/schema/article.schema.json" in names  # runtime data as package data


def test_incremental_under_scrapyd_with_exit_code(
    scrapyd: Scrapyd, deployed: Path, tmp_path: Path
) -> None:
    with tiny_site(5) as base:
        first = run_job(scrapyd, tmp_path, "ops", f"base={base}")
        second = run_job(scrapyd, tmp_path, "ops", f"base={base}")
        collapsed = schedule(scrapyd, tmp_path, "ops", f"base={base}", "mode=empty", "refresh=1")
        # One job per spider at a time: the script declines while the last one is pending/running.
        assert schedule(scrapyd, tmp_path, "ops", f"base={base}").startswith("skipped: ops")
        wait_finished(scrapyd, collapsed)
        raised = schedule(scrapyd, tmp_path, "ops", f"base={base}", "mode=raise", "refresh=1")
        wait_finished(scrapyd, raised)
    feeds = sorted((tmp_path / "feeds" / "ops").glob("*.jsonl"))
    assert len(read_jsonl(feeds[0])) == 5, first["log"][-3000:]
    assert second["stats"]["newscrawler/incremental/skipped"] == 5
    assert second["stats"]["downloader/request_count"] == 2  # robots.txt and the listing
    assert (tmp_path / "seen.sqlite").exists()
    assert len(list((tmp_path / "reports").glob("ops-*.json"))) == 4
    # scrapyd marks the job finished either way; its own log names the non-zero exit status:
    # 3 for COLLAPSE, 7 for ERRORS (the callback raised), as `scrapy crawl` exits by hand.
    log = (scrapyd.home / "scrapyd.log").read_text()
    assert f"Process died: exitstatus=3 project='newscrawler' spider='ops' job='{collapsed}'" in log
    assert f"Process died: exitstatus=7 project='newscrawler' spider='ops' job='{raised}'" in log


def test_article_spider_on_mock_site_twice(
    scrapyd: Scrapyd, deployed: Path, tmp_path: Path, start_mock_site: Callable[..., Any]
) -> None:
    site = start_mock_site(articles=8)
    # Extraction workers are spawned processes: they must import the package from the egg.
    workers = "setting=NEWSCRAWLER_EXTRACT_WORKERS=1"
    first = run_job(scrapyd, tmp_path, "article", f"sitemap={site.url}/sitemap.xml", workers)
    second = run_job(scrapyd, tmp_path, "article", f"sitemap={site.url}/sitemap.xml")
    records = read_jsonl(sorted((tmp_path / "feeds" / "article").glob("*.jsonl"))[0])
    assert sorted(r["url"] for r in records) == sorted(site.article_urls), first["log"][-3000:]
    assert "Traceback" not in first["log"]
    assert "Extracting pages in 1 worker process(es)" in first["log"]  # the setting reached it
    assert "newscrawler/spider/worker_restarts" not in first["stats"]
    stats = second["stats"]
    assert stats.get("newscrawler/incremental/skipped") == len(site.article_urls), second["log"][
        -3000:
    ]
    # robots.txt, the sitemap index and its article urlset: no article page.
    assert stats["downloader/request_count"] <= 3
    assert stats.get("item_scraped_count", 0) == 0


def test_settings_wire_ops() -> None:
    settings = (REPO / "newscrawler" / "settings.py").read_text()
    missing = [name for name in OPS_NAMES if name not in settings]
    assert not missing, f"newscrawler/settings.py does not enable {missing}"


def test_crawls_inherit_no_secrets_and_logs_show_none(
    scrapyd: Scrapyd, deployed: Path, tmp_path: Path
) -> None:
    secret_setting, secret_arg = "setting-secret-77ab31", "arg-secret-4f1c9e"
    job = run_job(
        scrapyd, tmp_path, "env_report", f"http_pass={secret_arg}", "http_auth_domain=127.0.0.1",
        f"setting=AWS_SECRET_ACCESS_KEY={secret_setting}",
    )  # fmt: skip
    record = read_jsonl(next((tmp_path / "feeds" / "env_report").glob("*.jsonl")))[0]
    assert "SCRAPYD_PASSWORD" not in record["environment"]
    assert "NEWS_API_TOKEN" not in record["environment"]
    assert "NEWSCRAWLER_JOB_SECRETS" not in record["environment"]  # taken, not passed on
    # The crawl still got both, off its command line.
    assert (record["setting"], record["argument"]) == (secret_setting, secret_arg)
    logs = job["log"] + (scrapyd.home / "scrapyd.log").read_text()
    for secret in (PASSWORD, TOKEN, secret_setting, secret_arg):
        assert secret not in logs
    assert "'AWS_SECRET_ACCESS_KEY': '***'" in job["log"]
    assert "Traceback" not in logs


def test_config_error_exit_status_under_scrapyd(
    scrapyd: Scrapyd, deployed: Path, tmp_path: Path
) -> None:
    job = schedule(scrapyd, tmp_path, "article", "urls=http://127.0.0.1:9/a", "since=abc")
    result = wait_finished(scrapyd, job)
    log = (scrapyd.home / "scrapyd.log").read_text()
    assert f"Process died: exitstatus=2 project='newscrawler' spider='article' job='{job}'" in log
    assert "newscrawler: error: -a since='abc' is not a duration" in log
    assert "Traceback" not in result["log"]
    assert "Spider opened" not in result["log"]


@pytest.mark.parametrize("password", ["change-me-to-a-long-random-string", "short", ""])
def test_scrapyd_refuses_a_placeholder_password(tmp_path: Path, password: str) -> None:
    write_conf(tmp_path, free_port(), password=password)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPYD_", "SCRAPY_"))}
    env["PYTHONPATH"] = str(DEPLOY)
    result = subprocess.run(
        [str(BIN / "scrapyd"), "--pidfile=", "--nodaemon", "--logfile=-"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "scrapyd: error: refusing to start, SCRAPYD_PASSWORD:" in result.stderr + result.stdout


def test_schedule_script_refuses_the_placeholder(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSCRAWLER_ENV_FILE": str(tmp_path / "absent.env")}
    env["SCRAPYD_PASSWORD"] = "change-me-to-a-long-random-string"
    env["SCRAPYD_URL"] = "http://127.0.0.1:9"
    command = [str(REPO / "deploy" / "schedule.sh"), "article"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "SCRAPYD_PASSWORD is the placeholder" in result.stderr
