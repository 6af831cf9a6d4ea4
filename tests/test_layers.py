"""The pure core imports neither Scrapy nor Twisted: each package and module, fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PURE = ("text", "extract", "sites", "stores", "items")
# Pure modules inside Scrapy-facing packages: the run report's rules, read by the extension.
PURE_MODULES = ("extensions.summary", "extensions.checks", "extensions.verdicts")
# Imports the package and each of its modules, then names any Scrapy or Twisted module loaded.
PROBE = """
import importlib, pkgutil, sys
top = importlib.import_module("newscrawler.{name}")
for found in pkgutil.walk_packages(getattr(top, "__path__", []), top.__name__ + "."):
    importlib.import_module(found.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("scrapy", "twisted")))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", [*PURE, *PURE_MODULES])
def test_pure_package_imports_no_scrapy(name: str) -> None:
    code = PROBE.format(name=name)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
