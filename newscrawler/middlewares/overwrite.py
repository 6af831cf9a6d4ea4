"""Which FEEDS outputs an `-O` (overwrite) run empties of what earlier runs wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from w3lib.url import file_uri_to_path

# Feed URI parameters that differ between runs: such a path names a new file each time.
_PER_RUN = ("%(time)s", "%(batch_time)s", "%(batch_id)")


def overwritten_feeds(feeds: dict[str, Any], spider: str = "") -> list[str]:
    """The FEEDS URIs that `-O` (overwrite) will empty of what earlier runs wrote.

    A local file that is absent or empty, or a path with a per-run part (`%(time)s`,
    `%(batch_time)s`, `%(batch_id)d`), loses nothing; `%(name)s` is the same every run, so its
    file is judged as written out; a remote URI (s3://...), or a path with a parameter this
    cannot resolve, may lose what it held, so it counts (the run then fetches everything).
    """
    emptied = []
    for uri, options in feeds.items():
        if not isinstance(options, dict) or not options.get("overwrite"):  # bad: refused later
            continue
        text = str(uri)
        if any(part in text for part in _PER_RUN):
            continue  # a new file every run
        text = text.replace("%(name)s", spider) if spider else text
        scheme = urlsplit(text).scheme
        if "%(" not in text and (scheme in ("", "file") or len(scheme) == 1):  # a local path
            path = Path(file_uri_to_path(text) if scheme == "file" else text)
            if not path.is_file() or path.stat().st_size == 0:
                continue
        emptied.append(text)
    return emptied
