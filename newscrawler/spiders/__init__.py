"""newscrawler spiders: each yields raw article items; the pipelines clean them."""
