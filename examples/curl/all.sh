#!/usr/bin/env bash
# Runs every example once over each transport against a running gateway (npm start).
set -e
dir=$(dirname "$0")
for http in --http1.1 --http2-prior-knowledge --http2; do
  echo "===== $http"
  for script in info ksql inserts-stream push-query pull-query print close-query; do
    echo "--- $script"
    HTTP=$http bash "$dir/$script.sh"
  done
done
