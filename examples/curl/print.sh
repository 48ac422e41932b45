#!/usr/bin/env bash
# PRINT a topic from the beginning, three records.
. "$(dirname "$0")/_common.sh"
curl -sS -N $HTTP -X POST "$GATEWAY/query-stream" \
  -d '{"sql":"PRINT '"'"'pageviews'"'"' FROM BEGINNING LIMIT 3;"}'
