"""Run the mock site: ``python -m tests.support.mockserver [--port 0] [--articles N] ...``."""

from __future__ import annotations

import argparse
import signal
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import FrameType

from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.server import Handler, MockServer, Site

DEFAULT_DATE = "Sat, 26 Jul 2025 12:00:00 GMT"


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Parse options, bind 127.0.0.1, print the base URL as the first stdout line, serve."""
    parser = argparse.ArgumentParser(prog="python -m tests.support.mockserver", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--date", default=DEFAULT_DATE, help="fixed Date header (RFC 7231)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--faults", default=None, help='JSON, e.g. {"/article/3": "500"}')
    parser.add_argument(
        "--pages", type=Path, default=None, help="also serve DIR's files at /pages/<path>"
    )
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = parser.parse_args(argv)
    fetched = parsedate_to_datetime(args.date)
    if fetched.tzinfo is None:
        parser.error("--date needs a zone, e.g. 'Sat, 26 Jul 2025 12:00:00 GMT'")
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    Handler.verbose = args.verbose
    site = Site(args.seed, args.articles, fetched, FaultPlan(args.faults, args.seed))
    site.pages = args.pages
    signal.signal(signal.SIGTERM, _stop)
    with MockServer(args.port, site) as server:
        print(site.base, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
