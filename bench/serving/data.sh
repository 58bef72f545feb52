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
