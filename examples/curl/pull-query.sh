#!/usr/bin/env bash
# POST /query-stream: a pull query over the stream (a scan that ends), as one JSON array.
. "$(dirname "$0")/_common.sh"
curl -sS $HTTP -X POST "$GATEWAY/query-stream" -H 'Accept: application/json' \
  -d '{"sql":"SELECT * FROM PAGEVIEWS WHERE USERID = '"'"'User_1'"'"' LIMIT 3;"}'; echo
