"""`python -m newscrawler COMMAND ...`: the project's tools beside `scrapy` (newscrawler/cli/)."""

from __future__ import annotations

import sys

from newscrawler.cli import main

if __name__ == "__main__":
    sys.exit(main())
