#!/usr/bin/env bash
# POST /query-stream: a push query that ends after 5 rows (delimited format, one JSON line each).
. "$(dirname "$0")/_common.sh"
curl -sS -N $HTTP -X POST "$GATEWAY/query-stream" \
  -d '{"sql":"SELECT USERID, PAGEID FROM PAGEVIEWS EMIT CHANGES LIMIT 5;","properties":{"auto.offset.reset":"earliest"}}'
