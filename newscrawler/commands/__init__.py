"""COMMANDS_MODULE: `crawl` and `runspider` that exit with the run verdict's status."""
