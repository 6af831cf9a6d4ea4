"""Which FEEDS outputs an `-O` (overwrite) run empties of what earlier runs wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from w3lib.url import file_uri_to_path


def overwritten_feeds(feeds: dict[str, Any]) -> list[str]:
    """The FEEDS URIs that `-O` (overwrite) will empty of what earlier runs wrote.

    A local file that is absent or empty, or a path with a per-run `%(time)s`-like part, loses
    nothing; a remote URI (s3://...) may, so it counts.
    """
    emptied = []
    for uri, options in feeds.items():
        if not isinstance(options, dict) or not options.get("overwrite"):  # bad: refused later
            continue
        text = str(uri)
        scheme = urlsplit(text).scheme
        if scheme in ("", "file") or len(scheme) == 1:  # a path (or a Windows drive letter)
            path = Path(file_uri_to_path(text) if scheme == "file" else text)
            if "%(" in text or not path.is_file() or path.stat().st_size == 0:
                continue
        emptied.append(text)
    return emptied
