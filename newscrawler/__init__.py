"""newscrawler: a Scrapy crawler that turns wire-service pages into clean article records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["clean_page"]

if TYPE_CHECKING:
    from newscrawler.api import clean_page


def __getattr__(name: str) -> Any:
    # Imported on first use: the pure core (newscrawler.text, extract, ...) must load without
    # Scrapy, and `import newscrawler.text` runs this package's __init__ first.
    if name == "clean_page":
        from newscrawler.api import clean_page

        return clean_page
    raise AttributeError(f"module 'newscrawler' has no attribute {name!r}")
