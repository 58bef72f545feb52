# shellcheck shell=bash
# Start the production stack (nginx with deploy/nginx/congphuong.conf, granian with
# deploy/granian.env and the production settings) on this one machine, as any user, on
# loopback ports, with everything under one run directory. Sourced by deploy/prod-check.sh and
# bench/serving/run.sh; `stack_stop` undoes everything `stack_*` started.
#
# Needs: nginx (Debian nginx-light; libnginx-mod-http-brotli-static for .br files), openssl, curl,
# a PostgreSQL server and Redis reachable on 127.0.0.1, the project's .venv (make install).

STACK_ROOT=${STACK_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
STACK_PY="$STACK_ROOT/.venv/bin/python"
STACK_PG_URL=${STACK_PG_URL:-postgres://postgres@127.0.0.1:5432}
STACK_REDIS=${STACK_REDIS:-redis://127.0.0.1:6379}
STACK_NGINX=${STACK_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
STACK_BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
STACK_PIDS=()

stack_log() { printf '%s\n' "$*" >&2; }
stack_die() {
  stack_log "LỖI / ERROR: $*"
  exit 2
}

# stack_require_tools: nginx (installed with apt when missing and root), openssl, curl, psql, redis-cli.
stack_require_tools() {
  if [ ! -x "$STACK_NGINX" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      stack_log "nginx chưa có: apt-get install -y nginx-light libnginx-mod-http-brotli-static"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static >/dev/null ||
        stack_die "không cài được nginx-light"
      STACK_NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    else
      stack_die "cần nginx: sudo apt-get install nginx-light libnginx-mod-http-brotli-static"
    fi
  fi
  local tool
  for tool in openssl curl psql createdb dropdb redis-cli; do
    command -v "$tool" >/dev/null || stack_die "cần lệnh '$tool' (Debian: openssl curl postgresql-client redis-tools)"
  done
  [ -x "$STACK_PY" ] || stack_die "chưa có .venv: chạy 'make install' trước"
  psql "$STACK_PG_URL/postgres" -tAc 'SELECT 1' >/dev/null 2>&1 || stack_die "PostgreSQL không trả lời ở $STACK_PG_URL"
  redis-cli -u "$STACK_REDIS" ping >/dev/null 2>&1 || stack_die "Redis không trả lời ở $STACK_REDIS"
}

# stack_init RUN_DIR DB_NAME REDIS_DB HOSTNAMES: directories, a fresh database, an empty Redis db,
# the production environment (exported) and a self-signed certificate for the hostnames.
stack_init() {
  STACK_RUN=$1
  STACK_DB=$2
  STACK_REDIS_DB=$3
  STACK_HOSTS=$4 # comma-separated, e.g. localhost,.localhost
  mkdir -p "$STACK_RUN"/{var/static,var/media,var/private,log,tls,acme,tmp}
  # nginx workers run as another user when the master is root: they must read static and media.
  chmod 755 "$STACK_RUN" "$STACK_RUN/var" "$STACK_RUN/var/static" "$STACK_RUN/var/media"
  chmod 700 "$STACK_RUN/var/private"

  dropdb --if-exists --force -h 127.0.0.1 -U postgres "$STACK_DB" 2>/dev/null ||
    dropdb --if-exists -h 127.0.0.1 -U postgres "$STACK_DB"
  createdb -h 127.0.0.1 -U postgres "$STACK_DB"
  redis-cli -u "$STACK_REDIS/$STACK_REDIS_DB" flushdb >/dev/null

  export DJANGO_SETTINGS_MODULE=congphuong.settings.production
  SECRET_KEY=$("$STACK_PY" -c 'import secrets; print(secrets.token_urlsafe(64))')
  export SECRET_KEY
  export ALLOWED_HOSTS=$STACK_HOSTS
  export DATABASE_URL="$STACK_PG_URL/$STACK_DB"
  export REDIS_URL="$STACK_REDIS/$STACK_REDIS_DB"
  export VAR_DIR="$STACK_RUN/var"
  export STATIC_ROOT="$VAR_DIR/static" MEDIA_ROOT="$VAR_DIR/media" PRIVATE_MEDIA_ROOT="$VAR_DIR/private"
  export CSRF_TRUSTED_ORIGINS="https://localhost:${STACK_HTTPS_PORT:-8443}"
  export WAGTAILADMIN_BASE_URL="https://localhost:${STACK_HTTPS_PORT:-8443}"
  export EMAIL_HOST=127.0.0.1 EMAIL_PORT=9 # nothing listens: a mail attempt fails loudly instead of leaving
  export PYTHONDONTWRITEBYTECODE=1

  local san="" host
  IFS=',' read -ra _hosts <<<"$STACK_HOSTS"
  for host in "${_hosts[@]}"; do
    host=${host#.}
    san="${san:+$san,}DNS:$host,DNS:*.$host"
  done
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=$san" \
    -keyout "$STACK_RUN/tls/privkey.pem" -out "$STACK_RUN/tls/fullchain.pem" >/dev/null 2>&1 ||
    stack_die "openssl không tạo được chứng chỉ thử"
}

stack_manage() {
  (cd "$STACK_ROOT" && "$STACK_PY" manage.py "$@")
}

# stack_render_nginx HTTP_PORT HTTPS_PORT APP_PORT|unix:PATH SERVER_NAMES: the shipped site file
# with only its ports, paths and names changed, inside a minimal main nginx.conf of our own.
stack_render_nginx() {
  local http_port=$1 https_port=$2 upstream=$3 names=$4
  [ "${upstream#unix:}" != "$upstream" ] || upstream="127.0.0.1:$upstream"
  STACK_HTTPS_PORT=$https_port
  local site="$STACK_RUN/congphuong.conf"
  sed -e '/^[[:space:]]*#/d' \
    -e "s#/var/cache/nginx/congphuong#$STACK_RUN/nginx-cache#" \
    -e "s#unix:/run/congphuong/app.sock#$upstream#" \
    -e "s#root /var/lib/congphuong;#root $STACK_RUN/var;#" \
    -e "s#/var/log/nginx/#$STACK_RUN/log/#" \
    -e "s#/var/www/letsencrypt#$STACK_RUN/acme#" \
    -e "s#/etc/letsencrypt/live/phuong.example.gov.vn/#$STACK_RUN/tls/#" \
    -e "s#server_name phuong.example.gov.vn;#server_name $names;#" \
    -e "s#listen 80\b#listen 127.0.0.1:$http_port#" \
    -e "s#listen 443 #listen 127.0.0.1:$https_port #" \
    -e '/listen \[::\]/d' \
    -e "s#return 301 https://\$host\$request_uri;#return 301 https://\$host:$https_port\$request_uri;#" \
    "$STACK_ROOT/deploy/nginx/congphuong.conf" >"$site"
  local modules=""
  if [ -f "$STACK_BROTLI_MODULE" ]; then
    modules="load_module $STACK_BROTLI_MODULE;"
    STACK_BROTLI=1
  else
    sed -i '/brotli_static/d' "$site"
    STACK_BROTLI=0
  fi
  if grep -nE '/var/lib/congphuong|/run/congphuong|example\.gov\.vn|/var/log/nginx|/etc/letsencrypt|/var/cache/nginx|listen (80|443)[ ;]' "$site"; then
    stack_die "deploy/nginx/congphuong.conf đã đổi: cập nhật stack_render_nginx trong deploy/local_stack.sh"
  fi
  cat >"$STACK_RUN/nginx.conf" <<EOF
$modules
worker_processes ${STACK_NGINX_WORKERS:-auto};
pid $STACK_RUN/nginx.pid;
error_log $STACK_RUN/log/nginx-main-error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log ${STACK_NGINX_ACCESS_LOG:-$STACK_RUN/log/nginx-access.log};
    client_body_temp_path $STACK_RUN/tmp/body;
    proxy_temp_path $STACK_RUN/tmp/proxy;
    fastcgi_temp_path $STACK_RUN/tmp/fastcgi;
    uwsgi_temp_path $STACK_RUN/tmp/uwsgi;
    scgi_temp_path $STACK_RUN/tmp/scgi;
    include $STACK_RUN/extra-*.conf;
    include $site;
}
EOF
  stack_nginx -t -q 2>"$STACK_RUN/log/nginx-t.log" ||
    {
      cat "$STACK_RUN/log/nginx-t.log" >&2
      stack_die "nginx -t thất bại"
    }
}

# stack_nginx [ARGS…]: our nginx.conf, our prefix, our error log from the first line (-e: the
# compiled-in /var/log/nginx/error.log is not writable for a non-root user).
stack_nginx() {
  "$STACK_NGINX" -p "$STACK_RUN" -e "$STACK_RUN/log/nginx-main-error.log" -c "$STACK_RUN/nginx.conf" "$@"
}

stack_start_nginx() {
  stack_nginx 2>>"$STACK_RUN/log/nginx-main-error.log" ||
    stack_die "nginx không khởi động (xem $STACK_RUN/log/)"
  local _
  for _ in $(seq 1 50); do
    [ -s "$STACK_RUN/nginx.pid" ] && return 0
    sleep 0.1
  done
  stack_die "nginx không ghi pid"
}

stack_stop_nginx() {
  if [ -s "${STACK_RUN:-/nonexistent}/nginx.pid" ]; then
    kill -QUIT "$(cat "$STACK_RUN/nginx.pid")" 2>/dev/null || true
    local _
    for _ in $(seq 1 50); do
      [ -e "$STACK_RUN/nginx.pid" ] || break
      sleep 0.1
    done
  fi
}

# stack_start_app PORT|unix:PATH [ENV=VALUE…]: granian with deploy/granian.env on 127.0.0.1:PORT or on
# the Unix socket PATH (as the unit runs it) instead of the unit's socket. Its output (granian's
# lines, Django's JSON log lines with the access lines) goes to $STACK_RUN/log/app-NAME.log, its pid
# to $STACK_RUN/app-NAME.pid, NAME being the port or "uds".
stack_start_app() {
  local bind=$1 name probe
  shift
  local listen=()
  if [ "${bind#unix:}" != "$bind" ]; then
    name=uds
    listen=(GRANIAN_UDS="${bind#unix:}")
    probe=(--unix-socket "${bind#unix:}" "http://localhost/robots.txt")
  else
    name=$bind
    listen=(GRANIAN_HOST=127.0.0.1 GRANIAN_PORT="$bind")
    probe=("http://127.0.0.1:$bind/robots.txt")
  fi
  (
    cd "$STACK_ROOT" &&
      set -a && . deploy/granian.env && set +a &&
      unset GRANIAN_UDS &&
      exec env "${listen[@]}" GRANIAN_PID_FILE="$STACK_RUN/app-$name.pid" \
        ${STACK_APP_WORKERS:+GRANIAN_WORKERS=$STACK_APP_WORKERS} "$@" \
        "$STACK_ROOT/.venv/bin/granian" congphuong.wsgi:application >>"$STACK_RUN/log/app-$name.log" 2>&1
  ) &
  STACK_PIDS+=("$!")
  stack_wait_http "$STACK_RUN/log/app-$name.log" -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "${probe[@]}" ||
    stack_die "granian không khởi động ($bind)"
}

# stack_wait_http LOG CURL_ARGS…: wait (30 s at most) until curl with CURL_ARGS succeeds, while the
# last process started (STACK_PIDS) lives; on failure print the end of LOG and return 1.
stack_wait_http() {
  local log=$1 _
  shift
  for _ in $(seq 1 150); do
    if curl -s -o /dev/null "$@"; then
      return 0
    fi
    kill -0 "${STACK_PIDS[-1]}" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 30 "$log" >&2
  return 1
}

# stack_app_setting NAME: the value deploy/granian.env gives NAME.
stack_app_setting() {
  (
    set -a && . "$STACK_ROOT/deploy/granian.env" && set +a
    printf '%s\n' "${!1-}"
  )
}

# app_server_desc: "granian 2.8.9 (3 workers × 1 thread)", as stack_start_app runs it.
app_server_desc() {
  printf 'granian %s (%s workers × %s thread)' \
    "$("$STACK_ROOT/.venv/bin/granian" --version | awk '{print $NF}')" \
    "${STACK_APP_WORKERS:-$(stack_app_setting GRANIAN_WORKERS)}" "$(stack_app_setting GRANIAN_BLOCKING_THREADS)"
}

stack_stop_apps() {
  local pid
  for pid in "${STACK_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STACK_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  STACK_PIDS=()
}

# stack_stop [KEEP]: stop nginx and the app servers; unless KEEP=1, drop the database and the run directory.
stack_stop() {
  local keep=${1:-0}
  stack_stop_nginx
  stack_stop_apps
  if [ "$keep" != 1 ] && [ -n "${STACK_DB:-}" ]; then
    dropdb --if-exists --force -h 127.0.0.1 -U postgres "$STACK_DB" 2>/dev/null || true
    redis-cli -u "$STACK_REDIS/$STACK_REDIS_DB" flushdb >/dev/null 2>&1 || true
    rm -rf "$STACK_RUN"
  elif [ -n "${STACK_RUN:-}" ]; then
    stack_log "Giữ lại / kept: $STACK_RUN, database $STACK_DB"
  fi
}
