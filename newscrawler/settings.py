"""Scrapy settings for newscrawler: polite defaults, the cleaning pipelines and the feed exports."""

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"

# --- Politeness -------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
# The User-Agent names the bot and a page that says who runs it; set your own contact URL.
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
}
# Crawled content must never reach local files or other protocols (a sitemap can list file://).
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
# Wait before each retry: Retry-After when the server sends one, else 1 s doubled per retry;
# both capped at NEWSCRAWLER_BACKOFF_MAX seconds.
NEWSCRAWLER_BACKOFF_ENABLED = True
NEWSCRAWLER_BACKOFF_BASE = 1.0
NEWSCRAWLER_BACKOFF_MAX = 60.0
# Follow redirects to other sites (same site, a registered site's domains and allowed_domains
# always pass); off, such redirects are counted as newscrawler/giveup/redirect_offsite.
NEWSCRAWLER_OFFSITE_REDIRECTS = False
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
# Zone for local times written without one, per `source` (site key or domain).
NEWSCRAWLER_DEFAULT_TIMEZONE = "UTC"
NEWSCRAWLER_SITE_TIMEZONES = {
    "timesofindia": "Asia/Kolkata",
    "ndtv": "Asia/Kolkata",
    "deccanherald": "Asia/Kolkata",
    "indiapost": "Asia/Kolkata",
    "indialife": "Asia/Kolkata",
    "apnews": "America/New_York",
    "hearst": "America/New_York",
    "ianslive": "Asia/Kolkata",
    "aninews": "Asia/Kolkata",
    "uniindia": "Asia/Kolkata",
    "devdiscourse": "Asia/Kolkata",
    "anadolu": "Europe/Istanbul",
    "xinhua": "Asia/Shanghai",
}
# host[:port] -> site key: crawl a staging mirror, caching proxy or local copy as that site
# (routing, article-URL patterns, listing/sitemap filtering). Empty: route by real domains only.
NEWSCRAWLER_SITE_ALIASES: dict[str, str] = {}
# Worker processes that extract pages (parse HTML, find the body) beside the reactor, which then
# only fetches, cleans and exports; 0 extracts inline. One per spare core: on 2 cores, 1 (see
# benchmarks/crawl_throughput.py). WARC replay uses them too, a few pages per worker ahead.
NEWSCRAWLER_EXTRACT_WORKERS = 0
# Seconds between progress lines of long work: WARC replay (records, bytes of the total, rates,
# time left) and sitemap/feed crawls (article URLs discovered against fetched). 0: none.
NEWSCRAWLER_PROGRESS_INTERVAL = 10.0
# --- Datelines, dates, validation -------------------------------------------------------------
# Sites whose own copy opens "New Delhi: " in title case; elsewhere only CAPS colon datelines count.
NEWSCRAWLER_COLON_DATELINE_SOURCES = ["timesofindia", "ndtv", "indiapost"]
# Languages dateparser may try for odd date shapes (the fast paths read English month names).
NEWSCRAWLER_DATE_LANGUAGES = ["en"]
# A dateline year is guessed from the crawl time only if the story then lies this close before it.
NEWSCRAWLER_DATELINE_MAX_AGE_DAYS = 7
# Fewer words than this in the cleaned body: NotAnArticle.
NEWSCRAWLER_MIN_WORDS = 20

# --- Stories: one story_id per syndicated text (newscrawler/pipelines/stories.py) ---------------
# After validation, so only surviving articles are indexed.
NEWSCRAWLER_STORIES_ENABLED = True
# Empty: <NEWSCRAWLER_STATE_DIR>/stories.sqlite. A path given here is relative to the working dir.
NEWSCRAWLER_STORIES_PATH = ""
# Estimated Jaccard of 6-word shingles from which two bodies are one story (measured; README).
NEWSCRAWLER_STORIES_THRESHOLD = 0.28
# A story-index batch is committed after this many copies or seconds, whichever comes first (and
# at close); a SIGKILL loses at most that batch. One commit per copy cost more than the lookup.
NEWSCRAWLER_STORIES_COMMIT_EVERY = 100
NEWSCRAWLER_STORIES_COMMIT_SECONDS = 1.0

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
NEWSCRAWLER_JSONL_COMMIT_EVERY = 500
NEWSCRAWLER_JSONL_COMMIT_SECONDS = 1.0

# --- Operations: incremental crawls, run reports, exit codes (middlewares/, extensions/, commands/)
# `crawl`/`runspider` that exit NEWSCRAWLER_COLLAPSE_EXIT_CODE when the run report says COLLAPSE;
# scrapyd runs the same command, and its log then says "Process died: exitstatus=3".
COMMANDS_MODULE = "newscrawler.commands"
# Feeds open before the first request: one that cannot be written stops the crawl (one ERROR,
# newscrawler/feeds/open_failed = 1); items a feed could not write count in newscrawler/lost/*.
EXTENSIONS = {
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newscrawler.feeds.extension.CheckedFeedExporter": 0,
    "newscrawler.extensions.report.RunReport": 500,
}
# Skip article pages whose items were already exported; `-a refresh=1` fetches everything again.
NEWSCRAWLER_INCREMENTAL_ENABLED = True
# Where seen.sqlite, stories.sqlite and reports/ live. Empty: `data/` beside the scrapy.cfg that
# `scrapy` found (so a crawl started from scripts/ still uses the project's data/), else data/ in
# the working directory (a scrapyd job has no scrapy.cfg: deploy/schedule.sh sets this).
NEWSCRAWLER_STATE_DIR = ""
# Empty: <NEWSCRAWLER_STATE_DIR>/seen.sqlite. A path given here is relative to the working dir.
NEWSCRAWLER_SEEN_PATH = ""
NEWSCRAWLER_REFRESH = False
# A JSON report per run: <dir>/<spider>-<start time>.json, the time written like feeds' %(time)s.
NEWSCRAWLER_REPORT_ENABLED = True
# Empty: <NEWSCRAWLER_STATE_DIR>/reports. The newest NEWSCRAWLER_REPORTS_KEEP reports of each
# spider are kept (0: all); a crawl every 10 minutes otherwise leaves 52,000 files a year.
NEWSCRAWLER_REPORT_DIR = ""
NEWSCRAWLER_REPORTS_KEEP = 100
# Exit status on COLLAPSE (Scrapy uses 1 for start-up failures, 2 for usage errors).
NEWSCRAWLER_COLLAPSE_EXIT_CODE = 3
# Fewer items than this never count as "most bodies empty".
NEWSCRAWLER_COLLAPSE_MIN_ITEMS = 3

# --- Distributed crawling (newscrawler/addons.py) -------------------------------------------
# Empty: one process. redis://host:port/db: scheduler queue, duplicate filter (scrapy-redis) and the
# incremental seen store live in Redis, shared by every worker (`scrapy crawl redis_article`).
NEWSCRAWLER_REDIS_URL = ""

# --- Scrapy 2.19 defaults made explicit ---------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
