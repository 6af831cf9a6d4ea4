"""Item pipelines: thin adapters from items to the pure cleaning functions in `newscrawler.text`."""
