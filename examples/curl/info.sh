#!/usr/bin/env bash
# GET /info and /healthcheck.
. "$(dirname "$0")/_common.sh"
curl -sS $HTTP "$GATEWAY/info"; echo
curl -sS $HTTP "$GATEWAY/healthcheck"; echo
