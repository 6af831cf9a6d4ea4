"""Operations: incremental crawling, run reports and exit codes for unattended scheduled runs."""
