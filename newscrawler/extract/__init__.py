"""Pure extraction core: HTML string in, raw article fields out (no Scrapy, clock or network)."""
