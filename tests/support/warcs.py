"""Real WARC files for tests and benchmarks: good sample-page records and bad or huge ones."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
HTML = [("Content-Type", "text/html; charset=utf-8")]
# A well-formed digest nobody checks (replay does not verify digests).
UNCHECKED = "sha1:" + "A" * 32


def sample_articles() -> list[tuple[str, bytes]]:
    """(url, html) of the bundled sample pages that are articles, in manifest order."""
    pages = json.loads((SAMPLES / "manifest.json").read_text("utf-8"))["pages"]
    return [(p["url"], (SAMPLES / p["file"]).read_bytes()) for p in pages if p["article"]]


def response(
    writer: WARCWriter,
    url: str,
    payload: BinaryIO | io.RawIOBase | bytes,
    *,
    status: str = "200 OK",
    date: str = "2025-07-26T12:00:00Z",
    length: int | None = None,
) -> None:
    """Write one response record (`length`: payload size when `payload` is a stream)."""
    http = StatusAndHeaders(status, HTML, protocol="HTTP/1.1")
    headers = {"WARC-Date": date}
    if isinstance(payload, bytes):  # with a length warcio reads it in place, not via a temp file
        stream: BinaryIO | io.RawIOBase = io.BytesIO(payload)
        length = len(payload)
    else:  # a stream: given digests spare warcio a temporary copy of it
        stream = payload
        headers.update({"WARC-Block-Digest": UNCHECKED, "WARC-Payload-Digest": UNCHECKED})
    record = writer.create_warc_record(
        url, "response", payload=stream, http_headers=http, length=length,
        warc_headers_dict=headers,
    )  # fmt: skip
    writer.write_record(record)


def not_http(url: str) -> bytes:
    """A plain-WARC response record whose payload is not an HTTP message."""
    payload = b"this is not an HTTP response\r\n\r\n<p>x</p>"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0-not-http>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2025-07-26T12:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n"
    )
    return head.encode() + b"\r\n" + payload + b"\r\n\r\n"


class Repeated(io.RawIOBase):
    """`size` bytes of `chunk` repeated, read in pieces: a huge payload never held in memory."""

    def __init__(self, size: int, chunk: bytes = b"\0") -> None:
        self.left, self.chunk = size, chunk * max(1, 65536 // len(chunk))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.left, len(self.chunk))
        buffer[:count] = self.chunk[:count]
        self.left -= count
        return count
