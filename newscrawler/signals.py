"""Signals of newscrawler's own components, sent through `crawler.signals` like Scrapy's."""

# A SQLite feed opened its database and will hold items until it commits them.
# Arguments: feed (str, the database path).
sqlite_feed_opened = object()

# A SQLite feed committed: every item it was given before this signal is now on disk.
# Arguments: feed (str, the database path).
sqlite_feed_committed = object()
