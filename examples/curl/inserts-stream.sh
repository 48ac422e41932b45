#!/usr/bin/env bash
# POST /inserts-stream: an arguments line, then one JSON row per line; each row is acked with its seq.
. "$(dirname "$0")/_common.sh"
printf '%s\n' '{"target":"PAGEVIEWS"}' \
  '{"VIEWTIME":1700000000000,"USERID":"User_curl","PAGEID":"Page_1"}' \
  '{"VIEWTIME":1700000000001,"USERID":"User_curl","PAGEID":"Page_2"}' |
  curl -sS $HTTP -X POST "$GATEWAY/inserts-stream" --data-binary @-
