"""Stores in plain sqlite3 and redis: seen URLs, story index, SQLite articles (no Scrapy)."""
