"""A real headless Chromium searches the sample archive in Datasette and sees the article."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.crawl import REPO
from tests.support.datasette import crawl_sample, serve

pytestmark = pytest.mark.slow
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
# Offline and quiet: no sandbox (CI runs as root), no GPU, no update or sync traffic.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1100,700",
)  # fmt: skip
HEADLINE = "Kerala ports to get shore power for cargo ships"
# NEWSCRAWLER_UPDATE_SCREENSHOT=1 also refreshes the one docs/user-guide.md shows.
DOCS_SCREENSHOT = REPO / "docs" / "img" / "datasette-search.png"

webdriver = pytest.importorskip("selenium.webdriver")
if CHROMIUM is None or DRIVER is None:
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="newscrawler-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        # Explicit driver path: Selenium Manager would otherwise look for one on the network.
        driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
        driver.set_page_load_timeout(60)
        try:
            yield driver
        finally:
            driver.quit()


def test_search_in_the_browser_shows_the_article(browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    driver: Any = browser  # a selenium webdriver.Chrome
    with serve(crawl_sample(tmp_path)) as datasette:
        driver.get(f"{datasette.base}/news/articles")
        box = driver.find_element(By.NAME, "_search")
        box.send_keys("kerala")
        box.submit()
        WebDriverWait(driver, 30).until(expected_conditions.url_contains("_search=kerala"))
        table = driver.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
        assert HEADLINE in table.text
        assert "Barge traffic" not in table.text  # the other articles are filtered out
        # The column descriptions fill the first screen: show the search box and its results.
        search = driver.find_element(By.NAME, "_search")
        driver.execute_script("arguments[0].scrollIntoView(true);", search)
        shot = tmp_path / "datasette-search.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("NEWSCRAWLER_UPDATE_SCREENSHOT") == "1":
            DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
            shutil.copyfile(shot, DOCS_SCREENSHOT)
