"""Command-line tools beside `scrapy`: `python -m newscrawler.cli.push_seeds`."""
