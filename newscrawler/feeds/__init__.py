"""Feed exports beyond Scrapy's stock formats: SQLite through the file storage."""
