# Sourced by bench/serving/run.sh and soak.sh: what both need besides deploy/local_stack.sh.

# step TEXT: a progress line with the seconds since $STARTED.
step() { printf '== %s (%ss)\n' "$*" "$(($(date +%s) - STARTED))" >&2; }

# bench_require_wrk: wrk from Debian's packages (installed when running as root).
bench_require_wrk() {
  command -v wrk >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || stack_die "không cài được wrk"
  else
    stack_die "cần wrk: sudo apt-get install wrk"
  fi
}

# bench_load_data N HTTPS_PORT: migrate and collect static files, load the demo wards, add N generated
# articles (bench/serving/load.py); the paths to measure are left in $STACK_RUN/pages.json.
bench_load_data() {
  local n=$1 https_port=$2 collectstatic
  step "migrate + collectstatic"
  stack_manage collectstatic --noinput -v 0 >"$STACK_RUN/log/collectstatic.log" 2>&1 &
  collectstatic=$!
  stack_manage migrate --noinput -v 0
  wait "$collectstatic" || stack_die "collectstatic failed ($STACK_RUN/log/collectstatic.log)"
  step "load_demo"
  stack_manage load_demo --port "$https_port" >"$STACK_RUN/log/load_demo.log"
  step "$n generated articles + search index"
  (cd "$STACK_ROOT" && "$STACK_PY" -m bench.serving.load --n "$n") >"$STACK_RUN/pages.json"
  cat "$STACK_RUN/pages.json" >&2
}

# bench_start_stock PORT: a stock `wagtail start` project (its welcome home page, SQLite, DEBUG off,
# the Wagtail this project pins) served by granian with deploy/granian.env's workers, as (a₀) is:
# the peer issue 17 compares a cold render with ("≥ 0.4× the stock Wagtail home").
bench_start_stock() {
  local port=$1 dir="$STACK_RUN/stock"
  step "stock wagtail start project :$port"
  mkdir -p "$dir"
  "$STACK_ROOT/.venv/bin/wagtail" start stock "$dir" >"$STACK_RUN/log/stock-start.log" 2>&1 || stack_die "wagtail start"
  # production.py of the project template reads local.py last.
  printf 'SECRET_KEY = "%s"\nALLOWED_HOSTS = ["*"]\n' "bench-only-$(date +%s%N)" >"$dir/stock/settings/local.py"
  (cd "$dir" && env DJANGO_SETTINGS_MODULE=stock.settings.production DATABASE_URL= \
    sh -c '"$1" manage.py migrate --noinput -v 0 && "$1" manage.py collectstatic --noinput -v 0' - \
    "$STACK_ROOT/.venv/bin/python") >"$STACK_RUN/log/stock-migrate.log" 2>&1 ||
    stack_die "stock migrate ($STACK_RUN/log/stock-migrate.log)"
  (
    cd "$dir" &&
      set -a && . "$STACK_ROOT/deploy/granian.env" && set +a &&
      unset GRANIAN_UDS &&
      exec env GRANIAN_HOST=127.0.0.1 GRANIAN_PORT="$port" GRANIAN_PID_FILE="$STACK_RUN/app-stock.pid" \
        ${STACK_APP_WORKERS:+GRANIAN_WORKERS=$STACK_APP_WORKERS} DJANGO_SETTINGS_MODULE=stock.settings.production \
        "$STACK_ROOT/.venv/bin/granian" stock.wsgi:application >>"$STACK_RUN/log/app-stock.log" 2>&1
  ) &
  STACK_PIDS+=("$!")
  stack_wait_http "$STACK_RUN/log/app-stock.log" --fail "http://127.0.0.1:$port/" ||
    stack_die "stock wagtail project did not start (:$port)"
}

# bench_render_cost OUT_JSON: CPU ms, queries and function calls of one cold render of the measured
# home, category and article pages (bench/render_cost.py, in one process, every cache off), against
# the bench's database: the (a₀) column's cost per page.
bench_render_cost() {
  local out=$1 https_port=$2
  step "render cost of one cold render (bench/render_cost.py)"
  (cd "$STACK_ROOT" && env DJANGO_SETTINGS_MODULE=congphuong.settings.dev \
    "$STACK_PY" -m bench.render_cost --json --runs 15 --hostname "localhost:$https_port" \
    --paths-json "$STACK_RUN/pages.json") >"$out" 2>"$STACK_RUN/log/render-cost.log" ||
    { tail -n 20 "$STACK_RUN/log/render-cost.log" >&2; echo '{}' >"$out"; }
}
