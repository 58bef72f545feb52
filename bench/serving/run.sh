#!/usr/bin/env bash
# make bench-serving N=10000: serving speed of home, category, article and search pages, in one run:
#   (a₀) granian, nothing kept: page cache, fragments and the ward chrome off (a cold render)
#   (a) granian, page cache off (CONGPHUONG_PAGE_CACHE=0)   (b) granian, page cache on
#   (c) through the shipped nginx config (micro-cache)       (d) nginx serving the same bytes as a file
#   (s) a stock `wagtail start` home page served by granian the same way (the peer of a₀)
# plus the CPU ms and queries of one cold render per page (bench/render_cost.py) beside (a₀),
# with `wrk -t2 -c32 -d10s` on loopback (after a 2 s warm-up each), req/s, p50 and p99, ratios to (d).
#
# The stack is deploy/local_stack.sh's (production settings, PostgreSQL db congphuong_benchserving,
# Redis db 13, ports 8410/8411/8412 granian, 8453 nginx HTTPS, 8454 static copy). Needs Debian's wrk
# and nginx (see bench/serving/README.md). BENCH_KEEP=1 keeps the database and run directory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=deploy/local_stack.sh
. "$ROOT/deploy/local_stack.sh"
. "$ROOT/bench/serving/data.sh"

N=${N:-10000}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
PORT_A0=8410
PORT_A=8411
PORT_B=8412
PORT_STOCK=8413
HTTP_PORT=8490
HTTPS_PORT=8453
STATIC_PORT=8454
KEEP=${BENCH_KEEP:-0}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/congphuong-benchserving.XXXXXX")
OUT="$ROOT/bench/out"
STARTED=$(date +%s)

trap 'stack_stop "$KEEP"' EXIT
trap 'exit 130' INT TERM
bench_require_wrk
stack_require_tools
STACK_HTTPS_PORT=$HTTPS_PORT
stack_init "$RUN" congphuong_benchserving 13 "localhost,.localhost"
mkdir -p "$OUT"

bench_load_data "$N" "$HTTPS_PORT"
bench_render_cost "$RUN/render_cost.json" "$HTTPS_PORT"

# Measurement, not diagnosis: no access logs (they would be part of what is measured).
# Django's own access line stays: production writes it for every request.
export STACK_APP_WORKERS="${BENCH_WORKERS:-}" # empty: deploy/granian.env's
export STACK_NGINX_ACCESS_LOG=off
step "granian (a₀) :$PORT_A0, (a) :$PORT_A, (b) :$PORT_B"
stack_start_app "$PORT_A0" CONGPHUONG_PAGE_CACHE=0 CONGPHUONG_FRAGMENT_CACHE=0 CONGPHUONG_CHROME_CACHE=0
stack_start_app "$PORT_A" CONGPHUONG_PAGE_CACHE=0
stack_start_app "$PORT_B" CONGPHUONG_PAGE_CACHE=1
bench_start_stock "$PORT_STOCK"
stack_render_nginx "$HTTP_PORT" "$HTTPS_PORT" "$PORT_B" "localhost *.localhost"
sed -i 's#^\(\s*access_log\) [^ ]*/log/congphuong.access.log congphuong;#\1 off;#' "$RUN/congphuong.conf"

# (d): the bytes (c) sends, as plain files behind the same TLS settings.
mkdir -p "$RUN/copy"
chmod 755 "$RUN/copy"
cat >"$RUN/extra-static-copy.conf" <<EOF
server {
    listen 127.0.0.1:$STATIC_PORT ssl http2;
    server_name localhost;
    ssl_certificate $RUN/tls/fullchain.pem;
    ssl_certificate_key $RUN/tls/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:congphuong_bench_tls:10m;
    access_log off;
    root $RUN/copy;
    default_type text/html;
    location / { try_files /\$arg_page.html =404; }
}
EOF
"$STACK_NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf" || stack_die "nginx -t"
stack_start_nginx

pages=(home category article search)
declare -A path
for page in "${pages[@]}"; do
  path[$page]=$("$STACK_PY" -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$RUN/pages.json" "$page")
  curl -sk -o "$RUN/copy/$page.html" -w "$page ${path[$page]} → %{http_code}, %{size_download} B\n" \
    "https://localhost:$HTTPS_PORT${path[$page]}" >&2
done

declare -A base
base[a0]="http://127.0.0.1:$PORT_A0"
base[a]="http://127.0.0.1:$PORT_A"
base[b]="http://127.0.0.1:$PORT_B"
base[c]="https://localhost:$HTTPS_PORT"
base[d]="https://localhost:$STATIC_PORT"

results="$RUN/results.tsv"
: >"$results"
load_before=$(cut -d' ' -f1 /proc/loadavg)
for page in "${pages[@]}"; do
  for mode in a0 a b c d; do
    if [ "$mode" = d ]; then url="${base[d]}/?page=$page"; else url="${base[$mode]}${path[$page]}"; fi
    # granian directly: the headers nginx would add (host with port, HTTPS).
    case $mode in
    a0 | a | b) headers=(-H "Host: localhost:$HTTPS_PORT" -H "X-Forwarded-Proto: https") ;;
    *) headers=() ;;
    esac
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$url" >/dev/null 2>&1 || true
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s "$ROOT/bench/serving/report.lua" \
      "${headers[@]}" "$url" 2>&1 | grep WRK_RESULT || echo "WRK_RESULT requests=0 duration_us=1 p50_us=0 p99_us=0 non2xx=0 errors=1 bytes=0")
    printf '%s\t%s\t%s\n' "$page" "$mode" "$line" >>"$results"
    step "$page ($mode): $line"
  done
done
# (s): the stock Wagtail home page, the same wrk run.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT_STOCK/" >/dev/null 2>&1 || true
line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s "$ROOT/bench/serving/report.lua" \
  "http://127.0.0.1:$PORT_STOCK/" 2>&1 | grep WRK_RESULT || echo "WRK_RESULT requests=0 duration_us=1 p50_us=0 p99_us=0 non2xx=0 errors=1 bytes=0")
printf '%s\t%s\t%s\n' stock s "$line" >>"$results"
step "stock wagtail home (s): $line"
load_after=$(cut -d' ' -f1 /proc/loadavg)

page_cache_note="CONGPHUONG_PAGE_CACHE is read by the code: (a) is the page cache off, (b) on."
if ! grep -rqs CONGPHUONG_PAGE_CACHE "$ROOT/congphuong"; then
  page_cache_note="NOTE: no page cache in this branch yet (CONGPHUONG_PAGE_CACHE is read by nothing): (a) and (b) run the same code, their difference is noise."
fi

workers_desc=$(app_server_desc)
report="$OUT/serving-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "## Serving (issue 6) — \`make bench-serving N=$N\`"
  echo
  echo "Run on $(date -u '+%Y-%m-%d %H:%M') UTC, \`nproc\` = $(nproc), $(uname -m), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
    "$("$STACK_NGINX" -v 2>&1 | sed 's#nginx version: ##'), $(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)," \
    "$workers_desc, PostgreSQL $(psql "$STACK_PG_URL/postgres" -tAc 'SHOW server_version' | cut -d' ' -f1), Redis db $STACK_REDIS_DB;" \
    "demo ward + $N generated articles; \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\` after a $WARMUP warm-up, on loopback;" \
    "1-minute load average $load_before → $load_after (the machine is shared with other sessions)."
  echo
  echo "Cells: req/s / p50 ms / p99 ms. (c) and (d) over HTTPS (TLS 1.3, keep-alive), (a) and (b) plain HTTP (keep-alive) to granian."
  echo "Page paths: home \`${path[home]}\`, category \`${path[category]}\`, article \`${path[article]}\`, search \`${path[search]}\`."
  echo
  (cd "$ROOT" && "$STACK_PY" -m bench.serving.report "$results" "$RUN/render_cost.json")
  echo
  echo "$page_cache_note"
} >"$report"
echo
cat "$report"
echo
echo "(saved to ${report#"$ROOT"/}; append it to bench/RESULTS.md)"
