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

# Sync workers: pages are CPU-bound rendering, nginx buffers slow clients in front.
# One per core plus one keeps the CPU busy while another worker waits on PostgreSQL.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# A worker stuck longer than this is killed and restarted (large PDF exports stay well below).
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# nginx keeps its upstream connections alive (see the `upstream` block).
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then: bounds memory growth from fragmentation, staggered by the jitter.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
preload_app = _int("GUNICORN_PRELOAD", 0) == 1


def pre_fork(server, worker):
    # Objects loaded so far (all of Django with preload_app) move out of the collector's sight:
    # the worker's collections do not touch (copy) their pages, and its exit does not walk them.
    gc.freeze()


def worker_exit(server, worker):
    # A worker leaving (max_requests, reload, stop) hands back its database connection properly,
    # then skips the interpreter's final collections over every object it holds: ~0.5 s of CPU for
    # Django and Wagtail, during which the worker serves nothing (measured: p99 in seconds when
    # all workers reached max_requests at once).
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
