#!/usr/bin/env bash
# Starts a push query, reads its queryId from the header line, then ends it with POST /close-query.
. "$(dirname "$0")/_common.sh"
out=$(mktemp)
curl -sS -N $HTTP -X POST "$GATEWAY/query-stream" \
  -d '{"sql":"SELECT * FROM PAGEVIEWS EMIT CHANGES;"}' > "$out" &
pid=$!
for _ in $(seq 50); do [ -s "$out" ] && break; sleep 0.1; done
id=$(head -1 "$out" | sed -E 's/.*"queryId":"([^"]+)".*/\1/')
echo "closing $id"
curl -sS $HTTP -X POST "$GATEWAY/close-query" -d "{\"queryId\":\"$id\"}" -w 'close-query: %{http_code}\n'
wait $pid
echo "push query response ended:"; cat "$out"; rm -f "$out"
