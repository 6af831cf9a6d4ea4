"""COMMANDS_MODULE: `crawl` and `runspider` that exit non-zero when the run report says COLLAPSE."""
