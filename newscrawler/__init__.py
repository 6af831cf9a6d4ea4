"""newscrawler: a Scrapy crawler that turns wire-service pages into clean article records."""

__version__ = "0.1.0"
