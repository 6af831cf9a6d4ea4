"""A real Datasette over a database crawled from the bundled sample, on a free loopback port."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.parse import urlencode

from tests.support.crawl import REPO, run_scrapy, stop_process

METADATA = REPO / "newscrawler" / "datasette" / "metadata.yml"
SAMPLE = "data/samples/sample.warc.gz"
START_TIMEOUT = 60.0


def crawl_sample(folder: Path) -> Path:
    """The Quickstart's first command into `folder`: returns its news.sqlite."""
    database = folder / "news.sqlite"
    result = run_scrapy("crawl", "warc", "-a", f"path={SAMPLE}", "-O", str(database))
    if result.returncode != 0 or not database.is_file():
        raise RuntimeError(f"sample crawl failed:\n{result.stderr[-3000:]}")
    return database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Datasette:
    """A running `datasette DB --metadata metadata.yml`; `get` reads its JSON API."""

    def __init__(self, base: str) -> None:
        self.base = base

    def get(self, path: str, **params: str) -> Any:
        url = f"{self.base}{path}" + (f"?{urlencode(params)}" if params else "")
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)


@contextmanager
def serve(database: Path) -> Iterator[Datasette]:
    """Start Datasette as the docs say, wait until it answers, stop it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(METADATA)]
    cmd += ["--host", "127.0.0.1", "--port", str(port)]
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        try:
            server = Datasette(f"http://127.0.0.1:{port}")
            _wait(server, proc, log)
            yield server
        finally:
            stop_process(proc)


def _wait(server: Datasette, proc: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            server.get("/-/versions.json")
            return
        except (URLError, ConnectionError):
            time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"datasette did not start:\n{log.read()[-3000:]}")
