"""Build data/samples/sample.warc.gz from data/samples/manifest.json and the sample pages.

Usage: ``python scripts/build_sample_warc.py [--samples DIR] [--output FILE]``.

Each manifest entry becomes a ``request`` record and a ``response`` record (HTTP/1.1 200,
``Content-Type: text/html; charset=utf-8``, a ``Date`` header equal to ``fetched_at``) whose
payload is the page file byte for byte. Record ids are UUID5s of the URL, so rebuilding from
unchanged inputs gives an identical file.
"""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"
USER_AGENT = "newscrawler/0.1 (+sample builder)"


def record_id(kind: str, key: str) -> str:
    """A stable WARC-Record-ID for (record kind, key)."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}:{key}')}>"


def http_date(iso: str) -> str:
    """``2025-07-26T12:00:00Z`` -> ``Sat, 26 Jul 2025 12:00:00 GMT``."""
    return format_datetime(datetime.fromisoformat(iso), usegmt=True)


def load_manifest(samples: Path) -> list[dict[str, Any]]:
    """The manifest's page entries (each with file, url, fetched_at)."""
    data = json.loads((samples / "manifest.json").read_text(encoding="utf-8"))
    pages: list[dict[str, Any]] = data["pages"]
    return pages


def write_warc(samples: Path, output: Path) -> int:
    """Write the WARC; return the number of response records."""
    pages = load_manifest(samples)
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(b"software: newscrawler scripts/build_sample_warc.py\r\n"
                            b"description: invented sample pages, see data/samples/README.md\r\n"),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo", output.name),
                "WARC-Date": pages[0]["fetched_at"],
                "WARC-Filename": output.name,
            },
        )  # fmt: skip
        writer.write_record(info)
        for page in pages:
            url, fetched = page["url"], page["fetched_at"]
            body = (samples / page["file"]).read_bytes()
            split = urlsplit(url)
            target = split.path + (f"?{split.query}" if split.query else "")
            response_id = record_id("response", url)
            request_headers = StatusAndHeaders(
                f"GET {target} HTTP/1.1",
                [("Host", split.netloc), ("User-Agent", USER_AGENT), ("Accept", "text/html")],
                is_http_request=True,
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "request",
                    http_headers=request_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": record_id("request", url),
                        "WARC-Date": fetched,
                        "WARC-Concurrent-To": response_id,
                    },
                )
            )
            response_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Date", http_date(fetched)),
                ],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=response_headers,
                    warc_headers_dict={"WARC-Record-ID": response_id, "WARC-Date": fetched},
                )
            )
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    output = args.output or args.samples / "sample.warc.gz"
    count = write_warc(args.samples, output)
    print(f"wrote {count} response records to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
