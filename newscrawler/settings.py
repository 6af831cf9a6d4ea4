"""Scrapy settings for newscrawler: polite defaults, the cleaning pipelines and the feed exports."""

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"

# --- Politeness -------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
# Each NEWSCRAWLER_* default lives once, beside the code that reads it (docs/user-guide.md,
# "Settings", lists them all); this file only sets what differs or has no default in code.
# The User-Agent names the bot and a page that says who runs it; set your own contact URL (a live
# crawl with this one logs a WARNING: middlewares/useragent.py).
NEWSCRAWLER_CONTACT_URL = "https://github.com/newscrawler/newscrawler"
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "newscrawler.middlewares.useragent.ContactUserAgentMiddleware": 500,
    # Before RobotsTxt (100): an article already exported is skipped without waiting for robots.txt.
    "newscrawler.middlewares.incremental.IncrementalMiddleware": 50,
    # Around RetryMiddleware (550) and RedirectMiddleware (600): see middlewares/backoff.py.
    "newscrawler.middlewares.backoff.GiveUpMiddleware": 540,
    "newscrawler.middlewares.backoff.BackoffMiddleware": 560,
    "newscrawler.middlewares.guards.GuardMiddleware": 610,
    # a meta-refresh target on another host: refused before robots.txt is asked there
    "newscrawler.middlewares.guards.RedirectedRequestGuard": 50,
    # Sees the body before HttpCompressionMiddleware (590), whose gunzip keeps a cut stream's part.
    "newscrawler.middlewares.gzipcheck.TruncatedGzipMiddleware": 595,
}
# Crawled content must never reach local files or other protocols (a sitemap can list file://).
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
# Wait before each retry: Retry-After when the server sends one, else NEWSCRAWLER_BACKOFF_BASE
# doubled per retry; both capped at NEWSCRAWLER_BACKOFF_MAX (middlewares/backoff.py).
# NEWSCRAWLER_OFFSITE_REDIRECTS: follow redirects to other sites (same site, a registered site's
# domains and allowed_domains always pass); off, they count as giveup/redirect_offsite.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
# Scrapy 2.19 starts CONCURRENT_ITEMS asyncio tasks for every callback's output, even an empty
# one; at the default 100 that was half the crawl's CPU per page (benchmarks/crawl_throughput.py).
# Our callbacks yield one item or a few dozen requests, and the pipelines never wait on I/O.
CONCURRENT_ITEMS = 8
RETRY_TIMES = 3
# Wire pages are small; anything larger is not an article.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
# Input bounds (defaults in newscrawler/spiders/bounds.py, each refusal counted as
# newscrawler/skipped/<reason>): NEWSCRAWLER_MAX_PAGE_BYTES (pages and WARC records, before
# parsing), NEWSCRAWLER_SITEMAP_MAX_BYTES (sitemaps and feeds, inflated; replaces
# DOWNLOAD_MAXSIZE for them), NEWSCRAWLER_SITEMAP_MAX_DEPTH (index levels followed),
# NEWSCRAWLER_SITEMAP_MAX_FILES (sitemaps and feeds per crawl), NEWSCRAWLER_MAX_TAGS.
HTTPCACHE_ENABLED = False

# --- Off in production and under scrapyd: open ports nobody watches ----------------------------
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- Cleaning pipelines, 100 apart. Related blocks are split before repeats are removed, because
# a sidebar legitimately repeats its "15 hours ago" lines; repeats go before datelines, so a body
# rendered twice with its dateline twice is recognised as one copy.
ITEM_PIPELINES = {
    "newscrawler.pipelines.normalize.NormalizePipeline": 100,
    "newscrawler.pipelines.echoes.LeadingEchoPipeline": 200,
    "newscrawler.pipelines.related.RelatedLinksPipeline": 300,
    "newscrawler.pipelines.boilerplate.BoilerplatePipeline": 400,
    "newscrawler.pipelines.dedup.DuplicateParagraphPipeline": 500,
    "newscrawler.pipelines.dateline.DatelinePipeline": 600,
    "newscrawler.pipelines.dates.DatesPipeline": 700,
    "newscrawler.pipelines.validate.ValidatePipeline": 800,
    "newscrawler.pipelines.stories.StoryPipeline": 900,
}
# Zone for local times written without one: the site's own (Site.timezone in newscrawler/sites/),
# else its country-code domain's (text/zones.py), else NEWSCRAWLER_DEFAULT_TIMEZONE
# (pipelines/dates.py). NEWSCRAWLER_SITE_TIMEZONES adds or overrides zones per `source` (site
# key or a domain label), for portals with no Site record.
# Unknown zone names stop the crawl at start-up.
NEWSCRAWLER_SITE_TIMEZONES = {"devdiscourse": "Asia/Kolkata"}
# NEWSCRAWLER_SITE_ALIASES: host[:port] -> site key, to crawl a staging mirror, caching proxy or
# local copy as that site. NEWSCRAWLER_EXTRACT_WORKERS: processes that extract pages beside the
# reactor (spiders/workers.py; benchmarks/crawl_throughput.py).
# NEWSCRAWLER_PROGRESS_INTERVAL: seconds between progress lines of long work (utils/progress.py).
# --- Datelines, dates, validation: NEWSCRAWLER_COLON_DATELINE_SOURCES (unset: the Sites marked
# colon_datelines; set, it replaces that list), NEWSCRAWLER_DATE_LANGUAGES,
# NEWSCRAWLER_DATELINE_MAX_AGE_DAYS (pipelines/dateline.py, dates.py), NEWSCRAWLER_MIN_WORDS
# (pipelines/validate.py): defaults there.

# --- Stories: one story_id per syndicated text (newscrawler/pipelines/stories.py) ---------------
# After validation, so only surviving articles are indexed. NEWSCRAWLER_STORIES_ENABLED, _PATH,
# _COMMIT_EVERY, _COMMIT_SECONDS: defaults in pipelines/stories.py and stores/stories.py. The
# similarity threshold is a measured constant there, not a knob.

# --- Feed exports ------------------------------------------------------------------------------
# A bare `scrapy crawl X` leaves JSON Lines under data/; `-O data/news.sqlite` (or `.db`) writes
# SQLite through the storage below, which hands the exporter a database instead of a file.
# Written only when no -o/-O/FEEDS is given (see newscrawler/addons.py for why not FEEDS itself).
NEWSCRAWLER_DEFAULT_FEEDS = {
    "data/%(name)s/%(name)s-%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf8"},
}
ADDONS = {"newscrawler.addons.DefaultFeeds": 0, "newscrawler.addons.RedisAddon": 10}
FEED_EXPORT_ENCODING = "utf-8"
FEED_STORAGES = {
    "": "newscrawler.feeds.storage.SQLiteAwareFileFeedStorage",
    "file": "newscrawler.feeds.storage.SQLiteAwareFileFeedStorage",
    # Uploads count their items as exported once uploaded (newscrawler/feeds/deferred.py).
    "s3": "newscrawler.feeds.deferred.S3FeedStorage",
    "gs": "newscrawler.feeds.deferred.GCSFeedStorage",
    "ftp": "newscrawler.feeds.deferred.FTPFeedStorage",
    "stdout": "newscrawler.feeds.deferred.StdoutFeedStorage",  # the same through gzip
}
# Every exporter reports an item it cannot write instead of raising (Scrapy's feed loop stops at
# a raising exporter, and the feeds after it lose the item); JSON Lines is appended in whole
# records per batch (NEWSCRAWLER_JSONL_COMMIT_EVERY / _SECONDS, like the SQLite ones).
FEED_EXPORTERS = {
    "sqlite": "newscrawler.feeds.exporter.SQLiteItemExporter",
    "db": "newscrawler.feeds.exporter.SQLiteItemExporter",
    "jsonlines": "newscrawler.feeds.jsonlines.JsonLinesFeedExporter",
    "jsonl": "newscrawler.feeds.jsonlines.JsonLinesFeedExporter",
    "jl": "newscrawler.feeds.jsonlines.JsonLinesFeedExporter",
    "json": "newscrawler.feeds.guard.JsonExporter",
    "csv": "newscrawler.feeds.guard.CsvExporter",
    "xml": "newscrawler.feeds.guard.XmlExporter",
    "marshal": "newscrawler.feeds.guard.MarshalExporter",
    "pickle": "newscrawler.feeds.guard.PickleExporter",
}

# --- Operations: incremental crawls, run verdicts, reports, exit codes (middlewares/, extensions/,
# commands/). `crawl`/`runspider` exit with the verdict's status (docs/operations.md "Verdicts and
# exit statuses"); scrapyd runs the same command, its log says "Process died: exitstatus=N".
COMMANDS_MODULE = "newscrawler.commands"
# Feeds open before the first request: one that cannot be written stops the crawl (one ERROR,
# newscrawler/feeds/open_failed = 1); items a feed could not write count in newscrawler/lost/*.
EXTENSIONS = {
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newscrawler.feeds.extension.CheckedFeedExporter": 0,
    "newscrawler.extensions.report.RunReport": 500,
}
# Skip article pages whose items were already exported (NEWSCRAWLER_INCREMENTAL_ENABLED,
# NEWSCRAWLER_SEEN_PATH: middlewares/incremental.py); `-a refresh=1` or NEWSCRAWLER_REFRESH fetches
# everything again (either turns it on). A JSON report per run under NEWSCRAWLER_REPORT_DIR;
# The run verdict (a spidermon monitor suite, extensions/monitors.py) and its thresholds:
# NEWSCRAWLER_COLLAPSE_EXIT_CODE, _COLLAPSE_MIN_ITEMS, _FIELD_COVERAGE, _COVERAGE_MIN_ITEMS,
# _FINISH_REASONS; NEWSCRAWLER_MONITOR_ACTIONS, spidermon actions (Slack, e-mail, ...) run when
# the verdict is not OK, each configured by its SPIDERMON_* settings (extensions/options.py).
# NEWSCRAWLER_STATE_DIR places seen.sqlite, stories.sqlite and reports/ (empty: data/ beside the
# scrapy.cfg `scrapy` found, else in the working directory; a path setting above moves one of
# them); NEWSCRAWLER_REPORTS_KEEP reports per spider are kept (utils/state.py).

# --- Distributed crawling (newscrawler/addons.py) -------------------------------------------
# NEWSCRAWLER_REDIS_URL, empty: one process. redis://host:port/db: scheduler queue, duplicate
# filter (scrapy-redis) and the seen store live in Redis, shared by every `redis_article` worker.

# --- Scrapy 2.19 defaults made explicit ---------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
