#!/usr/bin/env bash
# make bench-province WARDS=168 PER_WARD=10000: a province on one install, built in bulk, then measured
# in one run (bench/province/README.md):
#   build: WARDS wards of TP.HCM from the official units (add_ward), PER_WARD articles each + documents,
#          Q&A, images (bench/province/build.py), then the honesty checks (bench/province/checks.py);
#   serving: home, category, article, search of a random ward with wrk, as make bench-serving does:
#          (a₀) granian nothing kept, (a) page cache off, (b) on, (c) through nginx, (d) nginx static file;
#   measure.py: search p95 in the ward and across the province, recall@10, the ward editor's admin,
#          publish → visible and no other ward purged, sitemap/RSS, memory per worker, database size,
#          time to add one more ward.
#
# The stack is deploy/local_stack.sh's (production settings, PostgreSQL db congphuong_bench_province,
# Redis db 12, granian 8810/8811/8812, nginx HTTPS 8853, static copy 8854). BENCH_KEEP=1 keeps the
# database and the run directory; BENCH_JOBS (default 2) wards are filled at once; BENCH_WARD picks the
# measured ward (its place in the build, 1-based; default random).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=deploy/local_stack.sh
. "$ROOT/deploy/local_stack.sh"
. "$ROOT/bench/serving/data.sh"

WARDS=${WARDS:-4}
PER_WARD=${PER_WARD:-2000}
JOBS=${BENCH_JOBS:-2}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
PORT_A0=8810
PORT_A=8811
PORT_B=8812
HTTP_PORT=8890
HTTPS_PORT=8853
STATIC_PORT=8854
KEEP=${BENCH_KEEP:-0}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/congphuong-benchprovince.XXXXXX")
OUT="$ROOT/bench/out"
STARTED=$(date +%s)

trap 'stack_stop "$KEEP"' EXIT
trap 'exit 130' INT TERM
bench_require_wrk
stack_require_tools
STACK_HTTPS_PORT=$HTTPS_PORT
stack_init "$RUN" congphuong_bench_province 12 "localhost,.localhost"
mkdir -p "$OUT"
json() { "$STACK_PY" -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {'d': d}))" "$@"; }

step "migrate + collectstatic"
stack_manage collectstatic --noinput -v 0 >"$RUN/log/collectstatic.log" 2>&1 &
collectstatic=$!
stack_manage migrate --noinput -v 0
wait "$collectstatic" || stack_die "collectstatic failed ($RUN/log/collectstatic.log)"
stack_manage load_admin_units >"$RUN/log/units.log"

step "build: $WARDS wards × $PER_WARD articles ($JOBS at once)"
disk_before=$(psql "$STACK_PG_URL/congphuong_bench_province" -tAc 'SELECT pg_database_size(current_database())')
(cd "$ROOT" && "$STACK_PY" -m bench.province.build --wards "$WARDS" --per-ward "$PER_WARD" --jobs "$JOBS" \
  --port "$HTTPS_PORT") >"$RUN/build.json" 2> >(tee "$RUN/log/build.log" | grep --line-buffered -v '^INFO' >&2)
step "build done: $(json "$RUN/build.json" "f\"{d['pages']:,} pages in {d['seconds']} s, {d['pages_per_second']} pages/s\"")"

if [ -n "${BENCH_WARD:-}" ]; then index=$((BENCH_WARD - 1)); else index=$((RANDOM % WARDS)); fi
site_id=$(json "$RUN/build.json" "sorted(d['wards'], key=lambda w: w['code'])[$index]['site_id']")
seed=$(json "$RUN/build.json" "sorted(d['wards'], key=lambda w: w['code'])[$index]['seed']")
other_id=$(json "$RUN/build.json" "sorted(d['wards'], key=lambda w: w['code'])[($index + 1) % len(d['wards'])]['site_id']")
next_code=$(cd "$ROOT" && "$STACK_PY" -c "
import django; django.setup()
from bench.province.build import pick_units
print(pick_units('Hồ Chí Minh', $WARDS + 1)[-1].code)")

step "checks (bench/province/checks.py) on ward site $site_id"
(cd "$ROOT" && "$STACK_PY" -m bench.province.checks --site-id "$site_id") >"$RUN/checks.json" 2>"$RUN/log/checks.log" ||
  { cat "$RUN/checks.json" >&2; stack_die "the built pages are not like editor-made ones"; }
(cd "$ROOT" && "$STACK_PY" -m bench.province.measure pages --site-id "$site_id") >"$RUN/pages.json"
cat "$RUN/pages.json" >&2
host="$(json "$RUN/pages.json" "d['host']"):$HTTPS_PORT"

export STACK_APP_WORKERS="${BENCH_WORKERS:-}"
export STACK_NGINX_ACCESS_LOG=off
step "granian (a₀) :$PORT_A0, (a) :$PORT_A, (b) :$PORT_B"
stack_start_app "$PORT_A0" CONGPHUONG_PAGE_CACHE=0 CONGPHUONG_FRAGMENT_CACHE=0 CONGPHUONG_CHROME_CACHE=0
stack_start_app "$PORT_A" CONGPHUONG_PAGE_CACHE=0
stack_start_app "$PORT_B" CONGPHUONG_PAGE_CACHE=1
stack_render_nginx "$HTTP_PORT" "$HTTPS_PORT" "$PORT_B" "localhost *.localhost"
sed -i 's#^\(\s*access_log\) [^ ]*/log/congphuong.access.log congphuong;#\1 off;#' "$RUN/congphuong.conf"
mkdir -p "$RUN/copy"
chmod 755 "$RUN/copy"
cat >"$RUN/extra-static-copy.conf" <<EOF
server {
    listen 127.0.0.1:$STATIC_PORT ssl http2;
    server_name localhost *.localhost;
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

# *.localhost does not resolve here: wrk and curl connect to localhost (the TLS name nginx accepts) and
# send the ward's Host header, which picks the Wagtail Site.
pages=(home category article search)
declare -A path
for page in "${pages[@]}"; do
  path[$page]=$(json "$RUN/pages.json" "d['$page']")
  curl -sk -H "Host: $host" -o "$RUN/copy/$page.html" -w "$page ${path[$page]} → %{http_code}, %{size_download} B\n" \
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
    case $mode in
    a0 | a | b) headers=(-H "Host: $host" -H "X-Forwarded-Proto: https") ;;
    c) headers=(-H "Host: $host") ;;
    *) headers=() ;;
    esac
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$url" >/dev/null 2>&1 || true
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s "$ROOT/bench/serving/report.lua" \
      "${headers[@]}" "$url" 2>&1 | grep WRK_RESULT || echo "WRK_RESULT requests=0 duration_us=1 p50_us=0 p99_us=0 non2xx=0 errors=1 bytes=0")
    printf '%s\t%s\t%s\n' "$page" "$mode" "$line" >>"$results"
    step "$page ($mode): $line"
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)

step "search, admin, publish, sitemap/RSS, memory, database, add_ward (bench/province/measure.py)"
(cd "$ROOT" && "$STACK_PY" -m bench.province.measure all --site-id "$site_id" --other-site-id "$other_id" \
  --https-port "$HTTPS_PORT" --app-port "$PORT_A" --cached-port "$PORT_B" \
  --app-pid-file "$RUN/app-$PORT_A0.pid" --app-pid-file "$RUN/app-$PORT_A.pid" --app-pid-file "$RUN/app-$PORT_B.pid" \
  --per-ward "$PER_WARD" --seed "$seed" --next-code "$next_code") >"$RUN/measure.json" 2>"$RUN/log/measure.log" ||
  { tail -n 20 "$RUN/log/measure.log" >&2; stack_die "measure.py"; }

report="$OUT/province-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "## Province (issue 20) — \`make bench-province WARDS=$WARDS PER_WARD=$PER_WARD\`"
  echo
  echo "Run on $(date -u '+%Y-%m-%d %H:%M') UTC, \`nproc\` = $(nproc), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
    "$(app_server_desc), PostgreSQL $(psql "$STACK_PG_URL/postgres" -tAc 'SHOW server_version' | cut -d' ' -f1);" \
    "\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\`; 1-minute load average $load_before → $load_after (shared machine)."
  echo "Measured ward: \`$host\` (site $site_id). Paths: home \`${path[home]}\`, category \`${path[category]}\`," \
    "article \`${path[article]}\`, search \`${path[search]}\`."
  echo
  (cd "$ROOT" && "$STACK_PY" -m bench.serving.report "$results")
  echo
  (cd "$ROOT" && "$STACK_PY" -m bench.province.report --build "$RUN/build.json" --checks "$RUN/checks.json" \
    --measure "$RUN/measure.json" --disk-before "$disk_before" --wards-target 168 --per-ward-target 10000)
} >"$report"
echo
cat "$report"
echo
echo "(saved to ${report#"$ROOT"/}; raw JSON in $RUN when BENCH_KEEP=1)"
