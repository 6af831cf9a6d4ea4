"""Signals of newscrawler's own components, sent through `crawler.signals` like Scrapy's."""

# A feed opened and will hold items until it commits them (SQLite: a transaction; JSON Lines:
# a buffer written and flushed in one piece). Arguments: feed (str, the path or URI).
feed_opened = object()

# A feed committed: every item it was given before this signal is now written to its file,
# except those it reported with `feed_item_lost`. Arguments: feed (str).
feed_committed = object()

# A feed closed: it holds every item it was given, except those it reported lost, and gets no
# more (a batch file that is done; the next batch is a new feed). Arguments: feed (str).
feed_closed = object()

# A feed's file holds nothing until it is stored (an upload, a gzip stream): its commits do not
# count; sent when the storage opens it. Arguments: feed (str).
feed_deferred = object()

# Such a feed was stored: it holds every item it was given, except those it reported lost.
# Arguments: feed (str).
feed_stored = object()

# A feed could not write one item (a value its format cannot hold, a full disk): the item is
# not in that feed. Arguments: feed (str), url (str | None), reason (str, a stat name part).
feed_item_lost = object()

# An item that passed every pipeline is about to be given to the feeds (sent by
# feeds/extension.py before any feed sees it), so a commit made while a feed writes it covers it.
# Arguments: item, response (Response | None).
item_reaching_feeds = object()

# Every feed has been given that item (sent after item_reaching_feeds, even if a feed raised).
# No arguments.
item_reached_feeds = object()

# The names of the first SQLite-only version of these signals.
sqlite_feed_opened = feed_opened
sqlite_feed_committed = feed_committed
