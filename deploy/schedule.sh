#!/usr/bin/env bash
# Schedule one newscrawler spider on scrapyd (used by newscrawler@.service and deploy/crontab).
#
#   schedule.sh SPIDER [NAME=VALUE ...]      NAME=VALUE: a spider argument (-a), e.g. sitemap=URL;
#                                            setting=KEY=VALUE: a Scrapy setting (-s)
#
# Environment; $NEWSCRAWLER_ENV_FILE (default /etc/newscrawler/scrapyd.env) is read first if it
# exists, and its values win over the caller's:
#   SCRAPYD_USERNAME, SCRAPYD_PASSWORD   basic auth; sent on stdin, never on the command line
#   SCRAPYD_URL      default http://127.0.0.1:6800 (no trailing slash)
#   SCRAPYD_PROJECT  default newscrawler
#   NEWSCRAWLER_DATA_DIR  default /var/lib/newscrawler: feeds/ below it, and it is the jobs'
#                    NEWSCRAWLER_STATE_DIR (seen.sqlite, stories.sqlite, reports/)
#   NEWSCRAWLER_FEEDS_JSON  replaces the FEEDS setting (JSON), e.g. to add a SQLite feed
# A spider that still has a pending or running job is not scheduled again (exit 0, "skipped").
# Prints the job id. Exit status: 0 scheduled or skipped, 1 scrapyd refused or unreachable, 2 usage
# or a placeholder/short SCRAPYD_PASSWORD.
set -euo pipefail

env_file=${NEWSCRAWLER_ENV_FILE:-/etc/newscrawler/scrapyd.env}
if [[ -r $env_file ]]; then
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    set +a
fi
if [[ $# -lt 1 || $1 == -* ]]; then
    sed -n '2,17p' "$0" >&2
    exit 2
fi
spider=$1
shift
# The example env file's placeholder must never be a working password (scrapyd refuses it too).
password=${SCRAPYD_PASSWORD:-}
if [[ $password == change-me-to-a-long-random-string || ${#password} -lt 16 ]]; then
    echo "schedule.sh: error: SCRAPYD_PASSWORD is the placeholder or shorter than 16 characters;" \
        "set a real one in $env_file (openssl rand -hex 24)" >&2
    exit 2
fi
url=${SCRAPYD_URL:-http://127.0.0.1:6800}
url=${url%/}
project=${SCRAPYD_PROJECT:-newscrawler}
data=${NEWSCRAWLER_DATA_DIR:-/var/lib/newscrawler}
feeds=${NEWSCRAWLER_FEEDS_JSON:-"{\"$data/feeds/%(name)s/%(name)s-%(time)s.jsonl\": {\"format\": \"jsonlines\", \"encoding\": \"utf8\"}}"}

# curl reads the credentials from stdin (-K -): they never appear in `ps` or shell history.
api() {
    local endpoint=$1
    shift
    printf 'user = "%s:%s"\n' "${SCRAPYD_USERNAME:-}" "${SCRAPYD_PASSWORD:-}" |
        curl --silent --show-error --fail --max-time 30 -K - "$@" "$url/$endpoint"
}

# scrapyd has no "one job per spider" rule: overlapping runs of one site would fetch everything twice.
if ! jobs=$(api "listjobs.json?project=$project"); then
    echo "scrapyd not reachable or refused credentials at $url" >&2
    exit 1
fi
active=$(python3 -c '
import json, sys
jobs = json.load(sys.stdin)
print(sum(job["spider"] == sys.argv[1] for key in ("pending", "running") for job in jobs.get(key, [])))
' "$spider" <<<"$jobs")
if [[ $active != 0 ]]; then
    echo "skipped: $spider already has $active pending/running job(s)"
    exit 0
fi

args=(--data-urlencode "project=$project" --data-urlencode "spider=$spider"
      --data-urlencode "setting=FEEDS=$feeds"
      --data-urlencode "setting=NEWSCRAWLER_STATE_DIR=$data")
for pair in "$@"; do
    args+=(--data-urlencode "$pair")
done
# --data-urlencode: FEEDS holds "%(name)s", which a plain -d would send as a broken %-escape.
reply=$(api schedule.json "${args[@]}")
if [[ $reply != *'"status": "ok"'* ]]; then
    echo "scrapyd refused $spider: $reply" >&2
    exit 1
fi
python3 -c 'import json, sys; print(json.load(sys.stdin)["jobid"])' <<<"$reply"
