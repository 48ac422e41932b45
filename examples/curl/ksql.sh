#!/usr/bin/env bash
# POST /ksql: list and describe the demo stream.
. "$(dirname "$0")/_common.sh"
curl -sS $HTTP -X POST "$GATEWAY/ksql" \
  -H 'Accept: application/vnd.ksql.v1+json' \
  -d '{"ksql":"SHOW STREAMS; DESCRIBE PAGEVIEWS;"}'; echo
