"""Downloader middleware that refuses undecodable gzip and loops, off-site or non-HTTP redirects."""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.url import url_is_from_any_domain
from w3lib.url import safe_url_string

from newscrawler.middlewares.backoff import give_up
from newscrawler.middlewares.gzipcheck import outer_gzip
from newscrawler.sites import GENERIC, site_for_url
from newscrawler.utils.config import get_bool

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

REDIRECTS = {301, 302, 303, 307, 308}
IP_HOST = re.compile(r"^[\d.]+$|:")


class GuardMiddleware:
    """Refuses undecodable gzip and redirect loops, off-site or non-HTTP targets (priority 610).

    Raises IgnoreRequest after counting, where Scrapy would log a traceback or follow blindly.
    Redirects within a site pass: same last two host labels (www.x.com -> x.com), one registered
    site (newscrawler.sites) or the spider's `allowed_domains`; NEWSCRAWLER_OFFSITE_REDIRECTS =
    True follows all.
    """

    def __init__(self, stats: StatsCollector, *, offsite: bool = False) -> None:
        self.stats, self.offsite = stats, offsite
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        offsite = get_bool(crawler.settings, "NEWSCRAWLER_OFFSITE_REDIRECTS", False)
        mw = cls(crawler.stats, offsite=offsite)
        mw.crawler = crawler
        return mw

    def process_response(self, request: Request, response: Response) -> Response:
        reason = self.bad_gzip(response) or self.bad_redirect(request, response)
        if reason:
            where = (response.headers.get(b"Location") or b"").decode("latin-1")
            give_up(self.stats, request, reason, f"to {where}" if where else "gzip does not decode")
            raise IgnoreRequest(f"gave up: {reason}")
        return response

    @staticmethod
    def bad_gzip(response: Response) -> str | None:
        if not response.body or not outer_gzip(response):
            return None
        try:  # the first 64 KiB decide: a broken stream fails early, a good one costs little
            zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(response.body[:65536], 1024)
        except zlib.error:
            return "bad_encoding"
        return None

    def bad_redirect(self, request: Request, response: Response) -> str | None:
        location = response.headers.get(b"Location")
        if response.status not in REDIRECTS or not location or request.meta.get("dont_redirect"):
            return None
        target = redirect_target(request, location)
        if urlsplit(target).scheme not in ("http", "https"):
            return "redirect_scheme"
        if target == request.url or target in request.meta.get("redirect_urls", ()):
            return "redirect_loop"
        if not self.offsite and not self.same_site(request.url, target):
            return "redirect_offsite"
        return None

    def same_site(self, source: str, target: str) -> bool:
        allowed = getattr(self.crawler.spider if self.crawler else None, "allowed_domains", None)
        if allowed and url_is_from_any_domain(target, allowed):
            return True
        registered = site_for_url(source)
        if registered is not GENERIC and registered is site_for_url(target):
            return True
        return site_key(urlsplit(source).hostname) == site_key(urlsplit(target).hostname)


class RedirectedRequestGuard(GuardMiddleware):
    """A redirect no Location header made (a `<meta http-equiv=refresh>`), judged as a request.

    MetaRefreshMiddleware schedules the target as a new request: it must be refused before
    RobotsTxtMiddleware (100) asks the other host for its robots.txt, so this runs at 50.
    """

    def process_request(self, request: Request) -> None:
        earlier = request.meta.get("redirect_urls")
        if earlier and not self.offsite and not self.same_site(earlier[0], request.url):
            give_up(self.stats, request, "redirect_offsite", f"to {request.url}")
            raise IgnoreRequest("gave up: redirect_offsite")

    def process_response(self, request: Request, response: Response) -> Response:
        return response  # responses are GuardMiddleware's, at 610


def redirect_target(request: Request, location: bytes) -> str:
    r"""The URL RedirectMiddleware will fetch for this Location: w3lib-normalised, then joined.

    Judged as the downloader will fetch it: `http://127.0.0.1:1\\x\\@localhost/` is a request
    to 127.0.0.1 (urlsplit alone reads host `localhost`), a full-width host is its ASCII form.
    """
    try:
        target = safe_url_string(location.strip())
        if location.strip().startswith(b"//"):  # scheme-relative, as RedirectMiddleware reads it
            target = f"{urlsplit(request.url).scheme}://{target.lstrip('/')}"
        return str(request.replace(url=urljoin(request.url, target)).url)
    except ValueError:  # no URL the downloader could fetch (`http://[oops`): nothing to follow
        return ""


def site_key(host: str | None) -> str:
    """The host's last two labels (an IP address as a whole): www.x.com and x.com are one site."""
    host = (host or "").lower().rstrip(".")
    return host if IP_HOST.search(host) else ".".join(host.split(".")[-2:])
