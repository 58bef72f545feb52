"""Gunicorn settings for Cổng Phường (docs/deploy.md). Every value can be changed from the environment.

Run: gunicorn -c deploy/gunicorn.conf.py congphuong.wsgi
Under systemd the socket comes from congphuong-gunicorn.socket (socket activation) and `bind` is ignored.
"""

import gc
import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "congphuong.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "unix:/run/congphuong/gunicorn.sock")

# Sync workers, one per core plus one (the CPU stays busy while a worker waits on PostgreSQL or
# Redis). Measured against gthread (3 workers x 4 threads, keep-alive) with `wrk -t2 -c32` straight
# at gunicorn on 2 cores, production settings, 10,000 articles (docs/deploy.md, "gunicorn"):
# page-cache hits 4,800-5,200 req/s, p99 8-10 ms; gthread 5,100-6,000 req/s, p99 13-26 ms, for no
# less of gunicorn's CPU per hit (0.28-0.33 ms against 0.28-0.30): its edge is the client's saved
# TCP handshakes, which nginx over the Unix socket does not keep alive anyway. Uncached renders:
# the same for both (~85 req/s, p99 ~0.6 s).
# Sync also keeps `timeout` per request: a request stuck past it gets its worker killed, which
# gthread does not do. GUNICORN_THREADS > 1 switches to gthread.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# A worker stuck longer than this is killed and restarted (large PDF exports stay well below).
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Keep-alive with gthread workers (sync workers close every connection).
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Django is imported once, in the master, and the workers are forked from it (copy-on-write, ~1 s
# of CPU less per worker start). Without it, each recycled worker imported Django and Wagtail
# again (~1.1 s of CPU, and ~0.5 s more to exit): at 1,000 req/s the three workers reached
# max_requests 2000 together every ~6 s and the p99 was 2.4-3 s. Nothing opens a database or
# Redis connection at import (both are opened on first use, in the worker).
# The price: `systemctl reload` (HUP) would start new workers with the code already loaded, so an
# upgrade is a `systemctl restart` (the socket unit holds the requests meanwhile, ~2 s).
preload_app = _int("GUNICORN_PRELOAD", 1) == 1
# Recycle workers now and then: bounds memory growth from fragmentation, staggered by the jitter.
# Rarely: even a forked worker costs ~0.1 s of CPU to replace (fork, copy-on-write faults, cold
# connections and in-process page cache); at 2000 (± 200) a page-cache hit cost 13 % more CPU and
# the p99 rose from 9 to 43 ms at 4,400 req/s. Behind nginx's micro-cache a worker sees far fewer.
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 5000)


def pre_fork(server, worker):
    # What the master loaded (all of Django with preload_app) moves out of the collector's sight:
    # a worker's collections do not walk, and so do not copy, those pages.
    gc.freeze()


def worker_exit(server, worker):
    # A leaving worker (max_requests, stop) hands its database connection back properly, then skips
    # the interpreter's final collections over everything it holds: ~0.5 s of CPU for Django and
    # Wagtail (measured), during which it serves nothing.
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: S110 — exiting anyway
        pass
    gc.freeze()


# Heartbeat files in memory, not on a disk that may stall under backup I/O.
# (gunicorn's own advice; only heartbeat files go there, nothing readable by others.)
_shm = "/dev/shm"  # noqa: S108
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", _shm if os.path.isdir(_shm) else None)

# Only nginx on this host may set X-Forwarded-* (Django reads X-Forwarded-Proto, see production.py).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr: journald (systemd) keeps them. The access log carries nginx's request id.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}i)s'
proc_name = "congphuong"

# Request limits a little above Django's own (DATA_UPLOAD_MAX_NUMBER_FIELDS is large for the admin).
limit_request_line = 8190
limit_request_field_size = 8190

# gunicorn ≥ 24's control socket lives in the user's home (~/.gunicorn/): read-only under the
# systemd unit's ProtectSystem=strict, and shared by two instances of one user. Not used here.
control_socket_disable = True
