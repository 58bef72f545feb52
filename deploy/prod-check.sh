#!/usr/bin/env bash
# make prod-check: the production stack on this one machine, smoke-tested through nginx.
#
# nginx (deploy/nginx/congphuong.conf, TLS with a throwaway self-signed certificate) in front of
# granian (deploy/granian.env, congphuong.settings.production) on PostgreSQL database
# congphuong_prodcheck and Redis db 14; migrate, collectstatic, load_demo, then HTTP checks.
# Everything stops on exit. Works as root or as any user who can reach PostgreSQL as `postgres`.
#
#   PRODCHECK_KEEP=1      keep the database and the run directory afterwards
#   PRODCHECK_HTTP_PORT / PRODCHECK_HTTPS_PORT (8480 / 8443); granian listens on a Unix socket, as shipped
#   PRODCHECK_APP2_PORT (8482): the second granian, standing in for a second host behind the same nginx
#   PRODCHECK_S3_PORT (8490), PRODCHECK_S3_APP1_PORT / _S3_APP2_PORT (8491 / 8492): moto's S3 server and
#     the two app servers with MEDIA_STORAGE=s3
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/local_stack.sh
. "$ROOT/deploy/local_stack.sh"

HTTP_PORT=${PRODCHECK_HTTP_PORT:-8480}
HTTPS_PORT=${PRODCHECK_HTTPS_PORT:-8443}
APP2_PORT=${PRODCHECK_APP2_PORT:-8482}
# Media on S3-compatible storage: moto's S3 server and two app servers configured for it.
S3_PORT=${PRODCHECK_S3_PORT:-8490}
S3_APP1_PORT=${PRODCHECK_S3_APP1_PORT:-8491}
S3_APP2_PORT=${PRODCHECK_S3_APP2_PORT:-8492}
KEEP=${PRODCHECK_KEEP:-0}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/congphuong-prodcheck.XXXXXX")
BASE="https://localhost:$HTTPS_PORT"
STARTED=$(date +%s)

trap 'stack_stop "$KEEP"' EXIT
trap 'exit 130' INT TERM

step() { printf '== %s (%ss)\n' "$*" "$(($(date +%s) - STARTED))"; }

step "Công cụ / tools"
stack_require_tools
STACK_HTTPS_PORT=$HTTPS_PORT
stack_init "$RUN" congphuong_prodcheck 14 "localhost,.localhost"

step "check --deploy"
stack_manage check --deploy --fail-level WARNING
step "migrate + collectstatic (side by side)"
stack_manage collectstatic --noinput -v 0 >"$RUN/log/collectstatic.log" 2>&1 &
collectstatic=$!
stack_manage migrate --noinput -v 0
wait "$collectstatic" || {
  cat "$RUN/log/collectstatic.log"
  stack_die "collectstatic failed"
}
step "load_demo"
stack_manage load_demo --port "$HTTPS_PORT" >"$RUN/log/load_demo.log"
stack_manage setup_roles >/dev/null

# Addresses of one article, one category, one document file and one image, as the database has them.
stack_manage shell -c '
import html
import shlex
from django.contrib.staticfiles.storage import staticfiles_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from congphuong.news.models import ArticlePage, CategoryPage
site = Site.objects.get(hostname="localhost", is_default_site=True)
home = site.root_page
article = ArticlePage.objects.live().public().descendant_of(home).order_by("-pk").first()
category = CategoryPage.objects.live().public().descendant_of(home).first()
document = get_document_model().objects.exclude(file="").first()
image = get_image_model().objects.first()
rendition = image.get_rendition("width-400") if image else None
print("URL ARTICLE=" + shlex.quote(article.relative_url(site)))
print("URL ARTICLE_TITLE=" + shlex.quote(html.escape(article.title)))
print("URL CATEGORY=" + shlex.quote(category.relative_url(site)))
print("URL CSS=" + shlex.quote(staticfiles_storage.url("css/site.css")))
print("URL DOC_FILE=" + shlex.quote("/media/" + (document.file.name if document else "")))
print("URL DOC_URL=" + shlex.quote((document.url if document else "")))
print("URL IMAGE=" + shlex.quote((rendition.url if rendition else "")))
' >"$RUN/urls.out"
# Only our lines: Django or a library may print to stdout too.
sed -n 's/^URL //p' "$RUN/urls.out" >"$RUN/urls.env"
# shellcheck disable=SC1091
. "$RUN/urls.env"

step "granian + nginx"
stack_start_app "unix:$RUN/app.sock"
APP_LOG="$RUN/log/app-uds.log"
stack_render_nginx "$HTTP_PORT" "$HTTPS_PORT" "unix:$RUN/app.sock" "localhost *.localhost"
stack_start_nginx

# --- smoke tests ------------------------------------------------------------------------------
PASSED=0
FAILED=0
SKIPPED=0
ok() {
  PASSED=$((PASSED + 1))
  printf 'OK    %s\n' "$*"
}
fail() {
  FAILED=$((FAILED + 1))
  printf 'FAIL  %s\n' "$*"
}
skip() {
  SKIPPED=$((SKIPPED + 1))
  printf 'SKIP  %s\n' "$*"
}

# fetch URL [curl args…]: headers in $RUN/h, body in $RUN/b, status in $STATUS.
fetch() {
  local url=$1
  shift
  : >"$RUN/h"
  : >"$RUN/b"
  # A refused connection or TLS handshake prints 000 (and curl exits non-zero).
  STATUS=$(curl -sk --max-time 20 -D "$RUN/h" -o "$RUN/b" -w '%{http_code}' "$@" "$url") || true
}
header() { # header NAME: its value in $RUN/h (last one), or empty
  # `|| true`: a missing header is an empty value, not the end of the script (set -e, pipefail).
  { grep -i "^$1:" "$RUN/h" || true; } | tail -n 1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'
}
expect_status() { # expect_status WANT LABEL
  if [ "$STATUS" = "$1" ]; then ok "$2 → $STATUS"; else fail "$2 → $STATUS (expected $1)"; fi
}
expect_header() { # expect_header NAME REGEX LABEL
  local value
  value=$(header "$1")
  if printf '%s' "$value" | grep -Eq -- "$2"; then ok "$3: $1: $value"; else fail "$3: $1 is '$value' (expected /$2/)"; fi
}
expect_body() { # expect_body TEXT LABEL
  if grep -qF -- "$1" "$RUN/b"; then ok "$2 contains '$1'"; else fail "$2 lacks '$1'"; fi
}

step "smoke tests through nginx ($BASE)"

fetch "http://localhost:$HTTP_PORT/"
expect_status 301 "HTTP /"
expect_header Location "^https://localhost:$HTTPS_PORT/$" "HTTP / redirects to HTTPS"

fetch "$BASE/" -H 'X-Request-ID: prodcheck-0123456789'
expect_status 200 "home /"
expect_body 'lang="vi"' "home"
expect_body "Phường" "home"
expect_header Strict-Transport-Security "max-age=[1-9][0-9]*" "home"
expect_header X-Content-Type-Options "^nosniff$" "home"
expect_header X-Frame-Options "^DENY$" "home"
expect_header Content-Security-Policy "default-src 'self'" "home"
expect_header Referrer-Policy "strict-origin-when-cross-origin" "home"
expect_header X-Request-ID "^prodcheck-0123456789$" "home keeps the caller's request id"
if grep -qi '^server: nginx/' "$RUN/h"; then fail "home: Server header shows the nginx version"; else ok "home: no nginx version"; fi

fetch "$BASE/"
# STALE is a hit too (served from the micro-cache while nginx refreshes it): on a loaded machine the
# second request can come after the one-second validity.
expect_header X-Cache-Status "^(HIT|STALE)$" "home again (micro-cache)"
expect_header X-Request-ID "^[0-9a-f]{32}$" "home without a request id gets nginx's"
fetch "$BASE/" -H 'Cookie: sessionid=abc'
expect_header X-Cache-Status "^BYPASS$" "home with a session cookie"
fetch "$BASE/" -H 'Cookie: csrftoken=abc'
expect_header X-Cache-Status "^BYPASS$" "home with a CSRF cookie"

fetch "https://phuong-tan-son-hoa.localhost:$HTTPS_PORT/" --resolve "phuong-tan-son-hoa.localhost:$HTTPS_PORT:127.0.0.1"
expect_status 200 "second ward (phuong-tan-son-hoa.localhost)"
expect_body "Tân Sơn Hòa" "second ward"

fetch "$BASE$ARTICLE"
expect_status 200 "article $ARTICLE"
expect_body "$ARTICLE_TITLE" "article"
fetch "$BASE$ARTICLE" -H 'Accept-Encoding: gzip'
expect_header Content-Encoding "^gzip$" "article, Accept-Encoding: gzip"

fetch "$BASE$CATEGORY"
expect_status 200 "category $CATEGORY"

fetch "$BASE/tim-kiem/?q=h%E1%BB%8Dc+b%E1%BB%95ng"
expect_status 200 "search /tim-kiem/?q=học bổng"

fetch "$BASE$CSS" -H 'Accept-Encoding: br, gzip'
expect_status 200 "static $CSS"
expect_header Cache-Control "max-age=31536000.*immutable" "static (hashed)"
expect_header Strict-Transport-Security "max-age=" "static"
if [ "$STACK_BROTLI" = 1 ]; then
  expect_header Content-Encoding "^br$" "static, Accept-Encoding: br"
else
  skip "brotli: nginx module missing (apt-get install libnginx-mod-http-brotli-static)"
fi
fetch "$BASE$CSS" -H 'Accept-Encoding: gzip'
expect_header Content-Encoding "^gzip$" "static, Accept-Encoding: gzip"
fetch "$BASE/static/css/site.css"
expect_header Cache-Control "max-age=3600" "static (unhashed name, short cache)"
for ext in gz br; do
  if [ -f "$VAR_DIR$CSS.$ext" ]; then ok "collectstatic wrote $CSS.$ext"; else fail "collectstatic did not write $CSS.$ext"; fi
done

if [ -n "${IMAGE:-}" ]; then
  fetch "$BASE$IMAGE"
  expect_status 200 "image rendition $IMAGE"
  expect_header Cache-Control "max-age=604800" "image rendition"
else
  skip "image rendition: the demo has no image"
fi

if [ "$DOC_FILE" != "/media/" ] && [ -f "$VAR_DIR$DOC_FILE" ]; then
  fetch "$BASE$DOC_FILE"
  case "$STATUS" in
  403 | 404) ok "raw document $DOC_FILE → $STATUS (file exists on disk, nginx refuses it)" ;;
  *) fail "raw document $DOC_FILE → $STATUS (expected 403/404)" ;;
  esac
  fetch "$BASE${DOC_URL}"
  expect_status 200 "document through Django $DOC_URL"
else
  fail "no document file on disk to test /media/documents/ with"
fi
fetch "$BASE/media/documents/../documents/x.pdf" --path-as-is
case "$STATUS" in 400 | 403 | 404) ok "/media/documents/../documents/ → $STATUS" ;; *) fail "/media/documents/../documents/ → $STATUS" ;; esac

fetch "$BASE/admin/login/"
expect_status 200 "admin /admin/login/"
expect_body "csrfmiddlewaretoken" "admin login"
if [ -z "$(header X-Cache-Status)" ]; then ok "admin is not micro-cached"; else fail "admin has X-Cache-Status $(header X-Cache-Status)"; fi

fetch "$BASE/khong-co-trang-nay/"
expect_status 404 "unknown page"

for probe in healthz readyz; do
  fetch "$BASE/$probe"
  case "$STATUS" in
  200) ok "/$probe → 200" ;;
  404) skip "/$probe → 404: endpoint not in this branch yet (issue 6, another branch)" ;;
  *) fail "/$probe → $STATUS" ;;
  esac
done

fetch "https://127.0.0.1:$HTTPS_PORT/"
if [ "$STATUS" = 000 ]; then ok "unknown host (no SNI) refused at TLS"; else fail "unknown host answered $STATUS"; fi

# Django's access line (congphuong.access, JSON) carries the id nginx passed on.
if grep -q 'rid=prodcheck-0123456789' "$RUN/log/congphuong.access.log" &&
  grep -q '"request_id": "prodcheck-0123456789"' "$APP_LOG"; then
  ok "request id in nginx's and the app's access logs"
else
  fail "request id missing from an access log"
fi

# --- two app servers behind one nginx (issue 20, "Past one machine") ----------------------------
# A second granian on a TCP port stands in for a second host: nginx's upstream gets both, and both
# share PostgreSQL and Redis (sessions, the page cache, its purge clock). Each server keeps its own
# per-process copy of recent pages (docs/caching.md), so a publish must reach both through Redis.
step "two app servers (second granian on 127.0.0.1:$APP2_PORT)"
stack_start_app "$APP2_PORT"
APP2_LOG="$RUN/log/app-$APP2_PORT.log"
sed -i "s#^\([[:space:]]*\)server unix:$RUN/app.sock\(.*\)#&\n\1server 127.0.0.1:$APP2_PORT\2#" "$RUN/congphuong.conf"
if [ "$(grep -c "^[[:space:]]*server \(unix:$RUN/app.sock\|127.0.0.1:$APP2_PORT\)" "$RUN/congphuong.conf")" = 2 ]; then
  ok "nginx upstream has both app servers"
else
  fail "nginx upstream: could not add the second app server"
fi
stack_nginx -s reload
sleep 1

# nginx spreads requests over both (past its micro-cache: a CSRF cookie bypasses it).
for i in $(seq 1 12); do
  curl -sk -o /dev/null -H 'Cookie: csrftoken=twoservers' -H "X-Request-ID: twoservers-$i" "$BASE/"
done
on_first=$(grep -c '"request_id": "twoservers-' "$APP_LOG" || true)
on_second=$(grep -c '"request_id": "twoservers-' "$APP2_LOG" || true)
if [ "$on_first" -gt 0 ] && [ "$on_second" -gt 0 ]; then
  ok "nginx spreads requests: $on_first on the first server, $on_second on the second"
else
  fail "nginx spreads requests: $on_first on the first server, $on_second on the second"
fi

# direct SERVER PATH [curl args…]: one app server without nginx (so its micro-cache hides nothing).
direct() {
  local server=$1 path=$2
  shift 2
  if [ "$server" = second ]; then
    fetch "http://127.0.0.1:$APP2_PORT$path" -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "$@"
  else
    fetch "http://localhost$path" --unix-socket "$RUN/app.sock" -H 'X-Forwarded-Proto: https' "$@"
  fi
}

# The page cache is shared: what the first server stored, the second serves without rendering.
direct first "$CATEGORY"
direct first "$CATEGORY"
direct second "$CATEGORY"
expect_header X-Page-Cache "^hit$" "category on the second server after the first rendered it"
direct second "$CATEGORY" # now in the second server's own per-process copy too

# A session made on one host is known on the other: Django's session store is shared (the database).
# The user has no authenticator yet, so a signed-in request is sent to enrol one, not to the login.
SESSION=$(stack_manage shell -c '
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
user, _ = get_user_model().objects.get_or_create(username="kiemtra_hai_may_chu", defaults={"is_superuser": True, "is_staff": True})
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
print("SESSION " + store.session_key)
' | sed -n 's/^SESSION //p')
for server in first second; do
  direct "$server" /admin/ -H "Cookie: sessionid=$SESSION"
  location=$(header Location)
  case "$STATUS:$location" in
  302:/admin/2fa/dang-ky/*) ok "session on the $server server: signed in (sent to enrol two-factor: $location)" ;;
  *) fail "session on the $server server → $STATUS ${location:-} (expected the two-factor enrolment)" ;;
  esac
done

# A publish (as the admin's Publish does: a draft child, then its revision published, the purge on
# commit), made by a process of its own, as an editor on either host would: both servers show the
# new article on the category page within 2 s.
# The publishing process then asks both servers itself (no process start between the publish and
# the first look), each in its own thread, every 50 ms, until the title is on the category page.
TITLE="Tin kiểm tra hai máy chủ $(date +%s)"
CATEGORY="$CATEGORY" TITLE="$TITLE" APP_SOCKET="$RUN/app.sock" APP2_PORT="$APP2_PORT" stack_manage shell -c '
import html, http.client, os, socket, time
from concurrent.futures import ThreadPoolExecutor
from wagtail.models import Site
from congphuong.news.models import ArticlePage, CategoryPage

class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(os.environ["APP_SOCKET"])

def seen_after(connect, path, needle, published):
    while time.monotonic() - published < 10:
        connection = connect()
        connection.request("GET", path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        if response.status == 200 and needle in body:
            return "%.2f" % (time.monotonic() - published)
        time.sleep(0.05)
    return "never"

site = Site.objects.get(hostname="localhost", is_default_site=True)
category = next(page for page in CategoryPage.objects.live().descendant_of(site.root_page)
                if page.relative_url(site) == os.environ["CATEGORY"])
page = ArticlePage(title=os.environ["TITLE"], slug="kiem-tra-hai-may-chu", lead="Kiểm tra hai máy chủ.", live=False)
category.add_child(instance=page)
page.save_revision(log_action=False).publish()
published = time.monotonic()
servers = {
    "first": lambda: UnixConnection("localhost", timeout=10),
    "second": lambda: http.client.HTTPConnection("127.0.0.1", int(os.environ["APP2_PORT"]), timeout=10),
}
with ThreadPoolExecutor(2) as pool:
    found = {name: pool.submit(seen_after, connect, os.environ["CATEGORY"], html.escape(os.environ["TITLE"]), published)
             for name, connect in servers.items()}
for name, future in found.items():
    print("SEEN %s %s" % (name, future.result()))
' >"$RUN/publish.out" 2>&1 || true
for server in first second; do
  seen=$(sed -n "s/^SEEN $server //p" "$RUN/publish.out")
  if [ -n "$seen" ] && [ "$seen" != never ] && awk -v s="$seen" 'BEGIN { exit !(s <= 2) }'; then
    ok "publish seen on the $server server after $seen s"
  else
    fail "publish not seen on the $server server within 2 s (${seen:-no answer}; load $(cut -d' ' -f1 /proc/loadavg))"
    tail -n 5 "$RUN/publish.out"
  fi
done

# An upgrade is `systemctl reload` (HUP): granian starts new workers before it stops the old ones.
# Requests through nginx past its micro-cache (a csrftoken cookie) all the while must all be answered.
step "reload (HUP) under requests"
reload_log="$RUN/reload-statuses.txt"
workers=$(stack_app_setting GRANIAN_WORKERS)
(
  while [ ! -e "$RUN/reload.done" ]; do
    curl -sk -o /dev/null -w '%{http_code}\n' -H 'Cookie: csrftoken=prodcheck' "$BASE/" || echo 000
  done
) >"$reload_log" &
poller=$!
sleep 1
kill -HUP "$(cat "$RUN/app-uds.pid")"
# granian replaces the workers one after another, GRANIAN_RESPAWN_INTERVAL apart.
for _ in $(seq 1 600); do
  grep -q "Stopped old worker-$workers" "$APP_LOG" && break
  sleep 0.1
done
sleep 1
touch "$RUN/reload.done"
wait "$poller"
answered=$(grep -c '^200$' "$reload_log" || true)
refused=$(grep -vc '^200$' "$reload_log" || true)
replaced=$(grep -c 'Stopped old worker' "$APP_LOG" || true)
if [ "$replaced" = "$workers" ] && [ "$refused" = 0 ] && [ "$answered" -gt 0 ]; then
  ok "reload: $replaced of $workers workers replaced, $answered requests answered meanwhile, none refused"
else
  fail "reload: $replaced of $workers workers replaced, $answered answered, $refused not 200 ($(sort "$reload_log" | uniq -c | tr '\n' ' '))"
fi

# --- media on S3-compatible storage (issue 20, "Past one machine") -------------------------------
# Two more app servers with MEDIA_STORAGE=s3 against moto's S3 server (standing in for the city's
# object store, requirements/prodcheck.lock): an image uploaded by an editor's process lands in the
# bucket, not on a host's disk; the article that shows it, published, is seen on both servers'
# category page within 2 s, and the image address both give is the bucket's and answers with the image.
step "media on S3-compatible storage (moto on 127.0.0.1:$S3_PORT)"
"$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$RUN/log/moto.log" 2>&1 &
STACK_PIDS+=("$!")
stack_wait_http "$RUN/log/moto.log" "http://127.0.0.1:$S3_PORT/" || stack_die "moto_server did not start"
S3_ENV=(
  MEDIA_STORAGE=s3 AWS_STORAGE_BUCKET_NAME=congphuong-prodcheck AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
  AWS_S3_REGION_NAME=us-east-1 AWS_ACCESS_KEY_ID=prodcheck AWS_SECRET_ACCESS_KEY=prodcheck
)
(
  export "${S3_ENV[@]}"
  # The bucket policy docs/deploy.md (section 9) requires: images public, documents private.
  "$STACK_PY" -c 'import boto3, json, os
bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"])
s3.create_bucket(Bucket=bucket)
s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
    "Resource": ["arn:aws:s3:::%s/original_images/*" % bucket, "arn:aws:s3:::%s/images/*" % bucket]}]}))'
)
# One worker each, so that warming them up below reaches every worker.
STACK_APP_WORKERS=1 stack_start_app "$S3_APP1_PORT" "${S3_ENV[@]}"
STACK_APP_WORKERS=1 stack_start_app "$S3_APP2_PORT" "${S3_ENV[@]}"
S3_TITLE="Tin kiểm tra ảnh trên S3 $(date +%s)"
(
  export "${S3_ENV[@]}"
  CATEGORY="$CATEGORY" TITLE="$S3_TITLE" PORTS="$S3_APP1_PORT $S3_APP2_PORT" stack_manage shell -c '
import html, http.client, io, json, os, re, time
from concurrent.futures import ThreadPoolExecutor
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Workflow
from congphuong.core import renditions
from wagtail.images import get_image_model
from wagtail.models import Site
from congphuong.news.models import ArticlePage, CategoryPage

def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body

def seen_after(port, path, needle, published):
    while time.monotonic() - published < 10:
        status, body = get(port, path)
        if status == 200 and needle in body.decode():
            return round(time.monotonic() - published, 2)
        time.sleep(0.05)
    return None

site = Site.objects.get(hostname="localhost", is_default_site=True)
category = next(page for page in CategoryPage.objects.live().descendant_of(site.root_page)
                if page.relative_url(site) == os.environ["CATEGORY"])
ports = [int(port) for port in os.environ["PORTS"].split()]
# Servers in use are warm: a worker'"'"'s first render with an image also starts its S3 client (boto3
# loads its service models: seconds on a loaded machine), which is not what a publish costs. Each
# address differs (a query string), so each is a render, not a page-cache hit.
warm_up = {}
for port in ports:
    for attempt in range(3):
        started = time.monotonic()
        get(port, os.environ["CATEGORY"] + "?kiem-tra=%d" % attempt)
        warm_up.setdefault(port, []).append(round(time.monotonic() - started, 2))
document = get_document_model()(title="Văn bản kiểm tra S3", file=ContentFile(b"%PDF-1.4 kiem tra", name="van-ban-s3.pdf"))
document.save()
picture = io.BytesIO()
PillowImage.new("RGB", (1200, 800), (30, 110, 60)).save(picture, "JPEG")
image = get_image_model()(title="Ảnh kiểm tra S3", file=ImageFile(picture, name="anh-kiem-tra-s3.jpg"))
image.save()
page = ArticlePage(title=os.environ["TITLE"], slug="kiem-tra-anh-s3", lead="Ảnh lưu trên S3.", live=False,
                   listing_image=image)
category.add_child(instance=page)
revision = page.save_revision(log_action=False)
# Sent for review, as every article is: its renditions are made while the leader reads it
# (core/renditions.py); the review takes minutes, waiting for the resizing stands in for it.
editor, _ = get_user_model().objects.get_or_create(username="bientap_kiemtra_s3")
(page.get_workflow() or Workflow.objects.filter(active=True).first()).start(page, editor)
renditions.wait()
revision.publish()
published = time.monotonic()
with ThreadPoolExecutor(2) as pool:
    seen = dict(zip(ports, pool.map(lambda port: seen_after(port, os.environ["CATEGORY"],
                                                            html.escape(os.environ["TITLE"]), published), ports)))
article = {}
for port in ports:
    status, body = get(port, os.environ["CATEGORY"])  # the new article'"'"'s card, with its image
    found = re.findall(r"""(?:src|srcset)="([^" ]+)""", body.decode())
    article[port] = {"status": status, "images": [url for url in found if "anh-kiem-tra-s3" in url]}
bucket_prefix = os.environ["AWS_S3_ENDPOINT_URL"] + "/" + os.environ["AWS_STORAGE_BUCKET_NAME"] + "/"
first_image = next(iter(article[ports[0]]["images"]), "")

def anonymous_get(url):
    """GET from the bucket with no credentials, as a reader'"'"'s browser does."""
    connection = http.client.HTTPConnection("127.0.0.1", int(os.environ["AWS_S3_ENDPOINT_URL"].rsplit(":", 1)[1]))
    connection.request("GET", url[len(os.environ["AWS_S3_ENDPOINT_URL"]):])
    answer = connection.getresponse()
    return {"status": answer.status, "type": answer.getheader("Content-Type"), "bytes": len(answer.read())}

fetched = anonymous_get(first_image) if first_image.startswith(bucket_prefix) else None
document_url = default_storage.url(document.file.name).split("?")[0]
print("S3RESULT " + json.dumps({
    "original": image.file.name, "original_url": image.file.url, "seen": seen, "article": article,
    "warm_up": warm_up,
    "bucket_prefix": bucket_prefix, "fetched": fetched,
    "document": {"url": document_url, "stored": default_storage.exists(document.file.name), **anonymous_get(document_url)},
    "on_local_disk": os.path.exists(os.path.join(os.environ["MEDIA_ROOT"], image.file.name)),
}))
' >"$RUN/s3.out" 2>&1 || true
)
S3_RESULT=$(sed -n 's/^S3RESULT //p' "$RUN/s3.out")
if [ -z "$S3_RESULT" ]; then
  fail "media on S3: the editor's process failed"
  tail -n 15 "$RUN/s3.out"
else
  # shellcheck disable=SC2016
  while IFS= read -r line; do
    case "$line" in ok\ *) ok "${line#ok }" ;; *) fail "${line#fail }" ;; esac
  done < <(S3_RESULT="$S3_RESULT" S3_APP1_PORT="$S3_APP1_PORT" S3_APP2_PORT="$S3_APP2_PORT" "$STACK_PY" -c '
import json, os
result = json.loads(os.environ["S3_RESULT"])
prefix = result["bucket_prefix"]
say = lambda good, text: print(("ok " if good else "fail ") + text)
say(result["original_url"].startswith(prefix) and not result["on_local_disk"],
    "the uploaded image is in the bucket, not on the disk: " + result["original_url"])
for port in (os.environ["S3_APP1_PORT"], os.environ["S3_APP2_PORT"]):
    seen = result["seen"][port]
    say(seen is not None and seen <= 2, "S3 server :%s shows the published article on its category after %s s (renders before it, warming up: %s s)"
        % (port, seen, result["warm_up"][port]))
    page = result["article"][port]
    say(page["status"] == 200 and page["images"] and all(url.startswith(prefix) for url in page["images"]),
        "S3 server :%s: the article'"'"'s card gives its image from the bucket (%s)" % (port, ", ".join(page["images"][:1]) or "none"))
fetched = result["fetched"] or {}
say(fetched.get("status") == 200 and fetched.get("type", "").startswith("image/") and fetched.get("bytes", 0) > 0,
    "the bucket answers the image address: %s" % fetched)
document = result["document"]
say(document["stored"] and document["url"].startswith(prefix) and document["status"] == 403,
    "a document is in the bucket but not readable from it (%s → %s)" % (document["url"], document["status"]))
')
fi

for log in "$APP_LOG" "$APP2_LOG" "$RUN/log/app-$S3_APP1_PORT.log" "$RUN/log/app-$S3_APP2_PORT.log"; do
  if grep -E '(Traceback|"level": "ERROR"|\[ERROR\])' "$log" >/dev/null; then
    fail "the app logged errors ($(basename "$log")):"
    grep -E -A3 '(Traceback|"level": "ERROR"|\[ERROR\])' "$log" | head -n 20
  else
    ok "app log clean ($(basename "$log"))"
  fi
done

printf '\nprod-check (%ss): ' "$(($(date +%s) - STARTED))"
printf '%s passed, %s failed, %s skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
[ "$FAILED" = 0 ]
