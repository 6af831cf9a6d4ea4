"""Helpers the Scrapy-facing layers share: article-request classification, timers, seed entries."""
