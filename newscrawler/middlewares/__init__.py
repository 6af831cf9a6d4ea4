"""Downloader middlewares: User-Agent, backoff, give-ups, guards, incremental skips."""
