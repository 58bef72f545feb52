#!/usr/bin/env bash
# Lighthouse through the shipped production stack: nginx (deploy/nginx: TLS, HTML compression,
# micro-cache, static files precompressed with long lifetimes) in front of granian with the
# production settings, PostgreSQL and Redis — deploy/local_stack.sh on this machine, the demo loaded.
# `make bench-lighthouse-nginx` (RUNS=3 by default); the stack is stopped and its database dropped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/deploy/local_stack.sh"

APP_PORT=8711
HTTP_PORT=8790
HTTPS_PORT=8753
RUNS=${RUNS:-3}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/congphuong-lighthouse.XXXXXX")
trap 'stack_stop 0' EXIT
trap 'exit 130' INT TERM

stack_require_tools
STACK_HTTPS_PORT=$HTTPS_PORT
stack_init "$RUN" congphuong_benchlighthouse 15 "localhost,.localhost"
stack_manage collectstatic --noinput -v 0 >"$RUN/log/collectstatic.log" 2>&1
stack_manage migrate --noinput -v 0
stack_manage load_demo --port "$HTTPS_PORT" >"$RUN/log/load_demo.log"
stack_start_app "$APP_PORT"
stack_render_nginx "$HTTP_PORT" "$HTTPS_PORT" "$APP_PORT" "localhost *.localhost"
stack_start_nginx
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The stack's certificate is self-signed: Chromium is told to accept it (the page is still HTTPS).
LIGHTHOUSE_EXTRA_CHROME_FLAGS="--ignore-certificate-errors" \
  "$STACK_PY" -m bench.lighthouse.run --base-url "https://localhost:$HTTPS_PORT" --runs "$RUNS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
