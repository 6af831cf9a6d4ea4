"""Pure text cleaning: strings and a `now` in, data out; no Scrapy, no clock, no network."""
