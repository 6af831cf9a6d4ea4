"""Command-line tools beside `scrapy`: `python -m newscrawler extract`, `... push-seeds`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import import_module

# Command name -> module with `main(argv) -> int`; imported only when asked for.
COMMANDS = {"extract": "newscrawler.cli.extract", "push-seeds": "newscrawler.cli.push_seeds"}
USAGE = f"usage: python -m newscrawler {{{','.join(COMMANDS)}}} ..."


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch `python -m newscrawler NAME ARGS` to the command's own `main(ARGS)`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if args else 2
    if args[0] not in COMMANDS:
        print(f"newscrawler: error: unknown command {args[0]!r}\n{USAGE}", file=sys.stderr)
        return 2
    command: Callable[[list[str]], int] = import_module(COMMANDS[args[0]]).main
    return command(args[1:])
