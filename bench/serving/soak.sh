#!/usr/bin/env bash
# make bench-soak: issue 6's "a 5-minute run at 64 connections while an editor publishes every 10 s:
# zero 5xx, memory flat, every publish visible within 2 s".
#
#   - wrk -t2 -c64 -d5m through the shipped nginx config (TLS, micro-cache) rotating over home,
#     category pages 1 and 2, five articles and search (soak.lua), counting statuses and socket errors;
#   - meanwhile an editor process (soak.py editor, production settings) publishes a new article every
#     10 s with save_revision().publish() and polls home, category and the article through nginx until
#     the title shows;
#   - the RSS of granian's main process and workers, nginx, Redis and the PostgreSQL backends is sampled
#     every 10 s from /proc;
#   - a Markdown report with PASS/FAIL per target, also saved as bench/out/soak-<date>.md. Exit 1 if a
#     target fails.
#
# The stack is deploy/local_stack.sh's (production settings, PostgreSQL db congphuong_benchsoak,
# Redis db 14, granian on 8611, nginx on 8690/8653). BENCH_SOAK_DURATION (5m), BENCH_SOAK_CONNECTIONS
# (64), BENCH_SOAK_THREADS (2), BENCH_SOAK_INTERVAL (10), BENCH_WORKERS, BENCH_KEEP=1: see
# bench/serving/README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=deploy/local_stack.sh
. "$ROOT/deploy/local_stack.sh"
. "$ROOT/bench/serving/data.sh"

N=${N:-10000}
THREADS=${BENCH_SOAK_THREADS:-2}
CONNECTIONS=${BENCH_SOAK_CONNECTIONS:-64}
DURATION=${BENCH_SOAK_DURATION:-5m}
INTERVAL=${BENCH_SOAK_INTERVAL:-10}
MAX_DELAY=${BENCH_SOAK_MAX_DELAY:-2}
MAX_GROWTH=${BENCH_SOAK_MAX_GROWTH:-0.10}
REDIS_DB=${BENCH_SOAK_REDIS_DB:-14}
APP_PORT=8611
HTTP_PORT=8690
HTTPS_PORT=8653
KEEP=${BENCH_KEEP:-0}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/congphuong-benchsoak.XXXXXX")
OUT="$ROOT/bench/out"
STARTED=$(date +%s)
BG_PIDS=()

case $DURATION in
*h) SECONDS_TOTAL=$((${DURATION%h} * 3600)) ;;
*m) SECONDS_TOTAL=$((${DURATION%m} * 60)) ;;
*s) SECONDS_TOTAL=${DURATION%s} ;;
*) SECONDS_TOTAL=$DURATION ;;
esac
[[ $SECONDS_TOTAL =~ ^[0-9]+$ ]] && [ "$SECONDS_TOTAL" -ge 20 ] ||
  stack_die "BENCH_SOAK_DURATION: whole seconds, minutes or hours, at least 20 s (e.g. 60s, 5m)"

cleanup() {
  local pid
  for pid in "${BG_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  stack_stop "$KEEP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
bench_require_wrk
stack_require_tools
uptime_before=$(uptime)
load_before=$(cut -d' ' -f1 /proc/loadavg)
STACK_HTTPS_PORT=$HTTPS_PORT
stack_init "$RUN" congphuong_benchsoak "$REDIS_DB" "localhost,.localhost"
mkdir -p "$OUT"

bench_load_data "$N" "$HTTPS_PORT"
(cd "$ROOT" && "$STACK_PY" -m bench.serving.soak paths --pages "$RUN/pages.json") >"$RUN/paths.json"
mapfile -t paths < <("$STACK_PY" -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$RUN/paths.json")
category=$("$STACK_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["category"])' "$RUN/pages.json")

# The production set-up as shipped (workers, memory limit, Django's access lines), except that nginx
# logs only the answers worth a look: thousands of lines a second would be part of what is measured.
export STACK_APP_WORKERS="${BENCH_WORKERS:-}" # empty: deploy/granian.env's
export STACK_NGINX_ACCESS_LOG=off
step "granian :$APP_PORT, nginx :$HTTPS_PORT"
stack_start_app "$APP_PORT" CONGPHUONG_PAGE_CACHE=1
APP_LOG="$RUN/log/app-$APP_PORT.log"
cat >"$RUN/extra-soak.conf" <<'EOF'
map $status $congphuong_soak_log {
    ~^[23] 0;
    default 1;
}
EOF
stack_render_nginx "$HTTP_PORT" "$HTTPS_PORT" "$APP_PORT" "localhost *.localhost"
sed -i 's#^\(\s*access_log [^ ]*/log/congphuong.access.log congphuong\);#\1 if=$congphuong_soak_log;#' "$RUN/congphuong.conf"
grep -q 'if=$congphuong_soak_log' "$RUN/congphuong.conf" || stack_die "access_log line of the nginx site changed: update soak.sh"
stack_start_nginx

base="https://localhost:$HTTPS_PORT"
for path in "${paths[@]}"; do
  code=$(curl -sk -o /dev/null -w '%{http_code} %{size_download} B %{time_total} s' "$base$path")
  step "warm $path → $code"
  [ "${code%% *}" = 200 ] || stack_die "$path answered ${code%% *} before the soak"
done

max_rss=$(stack_app_setting GRANIAN_WORKERS_MAX_RSS)
app_log_offset=$(stat -c %s "$APP_LOG" 2>/dev/null || echo 0)
: >"$RUN/log/congphuong.access.log" # the warm-up's lines are not the soak's

step "editor, sampler, wrk for ${SECONDS_TOTAL}s at $CONNECTIONS connections"
(cd "$ROOT" && exec "$STACK_PY" -m bench.serving.soak editor --category "$category" --port "$HTTPS_PORT" \
  --app-port "$APP_PORT" \
  --duration "$SECONDS_TOTAL" --interval "$INTERVAL" --ready "$RUN/editor.ready" --start-file "$RUN/start" \
  --out "$RUN/publishes.jsonl") 2> >(tee "$RUN/log/editor.log" >&2) &
editor=$!
BG_PIDS+=("$editor")
(cd "$ROOT" && exec "$STACK_PY" -m bench.serving.soak sample --app-pid "$RUN/app-$APP_PORT.pid" \
  --nginx-pid "$RUN/nginx.pid" --pg-url "$STACK_PG_URL/postgres" --db "$STACK_DB" --redis-url "$STACK_REDIS/0" \
  --duration "$SECONDS_TOTAL" --start-file "$RUN/start" --out "$RUN/samples.jsonl") 2>"$RUN/log/sampler.log" &
sampler=$!
BG_PIDS+=("$sampler")
for _ in $(seq 1 600); do
  [ -e "$RUN/editor.ready" ] && break
  kill -0 "$editor" 2>/dev/null || stack_die "the editor stopped before starting (see above)"
  sleep 0.2
done
[ -e "$RUN/editor.ready" ] || stack_die "the editor is not ready after 120 s"

wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_TOTAL}s" --timeout 5s -s "$ROOT/bench/serving/soak.lua" \
  "$base" -- "${paths[@]}" >"$RUN/wrk.out" 2>&1 &
wrk_pid=$!
BG_PIDS+=("$wrk_pid")
date +%s.%N >"$RUN/start.tmp" && mv "$RUN/start.tmp" "$RUN/start"
wait "$wrk_pid" || true
wait "$editor" || step "the editor exited with $?"
wait "$sampler" || step "the sampler exited with $? (see $RUN/log/sampler.log)"
BG_PIDS=()
uptime_after=$(uptime)
load_after=$(cut -d' ' -f1 /proc/loadavg)
grep -v WRK_SOAK "$RUN/wrk.out" >&2 || true

report="$OUT/soak-$(date -u +%Y%m%d-%H%M%S).md"
paths_md=$(printf '`%s`, ' "${paths[@]}")
# (`wrk -v` exits with 1: every version probe may fail without ending the script.)
nginx_version=$("$STACK_NGINX" -v 2>&1 | sed 's#nginx version: ##' || true)
wrk_version=$(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2 || true)
pg_version=$(psql "$STACK_PG_URL/postgres" -tAc 'SHOW server_version' | cut -d' ' -f1 || true)
redis_version=$(redis-cli -u "$STACK_REDIS" info server | tr -d '\r' | sed -n 's/^redis_version://p' || true)
software="$nginx_version, $wrk_version, $(app_server_desc),"
software+=" PostgreSQL $pg_version, Redis $redis_version db $STACK_REDIS_DB"
status=0
(cd "$ROOT" && "$STACK_PY" -m bench.serving.soak report --wrk "$RUN/wrk.out" --publishes "$RUN/publishes.jsonl" \
  --samples "$RUN/samples.jsonl" --app-log "$APP_LOG" \
  --app-log-offset "$app_log_offset" --nginx-access "$RUN/log/congphuong.access.log" \
  --nginx-error "$RUN/log/congphuong.error.log" --max-delay "$MAX_DELAY" --max-growth "$MAX_GROWTH" \
  --meta "duration=$DURATION" --meta "connections=$CONNECTIONS" --meta "threads=$THREADS" \
  --meta "interval=$INTERVAL" --meta "n=$N" --meta "nproc=$(nproc)" \
  --meta "machine=$(uname -m), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
  --meta "software=$software" --meta "paths=${paths_md%, }" --meta "paths_count=${#paths[@]}" \
  --meta "load_before=$load_before" --meta "load_after=$load_after" --meta "uptime=${uptime_before# }" \
  --meta "max_rss=$max_rss") >"$report" || status=$?
{
  echo
  echo "\`uptime\` after: \`${uptime_after# }\`."
} >>"$report"
echo
cat "$report"
echo
echo "(saved to ${report#"$ROOT"/}; run directory $RUN$([ "$KEEP" = 1 ] || echo ', removed on exit: BENCH_KEEP=1 keeps it'))"
exit "$status"
