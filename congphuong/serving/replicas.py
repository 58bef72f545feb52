"""Read replicas: anonymous public reads go to a PostgreSQL streaming replica (docs/deploy.md,
"Scaling out").

Active only when DATABASE_REPLICA_URLS names one or more replicas (settings add the aliases
`replica_1`, …, the router and the middleware); without it none of this is loaded.

- `ReplicaRoutingMiddleware` decides once per request whether its reads may go to a replica:
  only a GET/HEAD outside /admin/ from a reader with no session cookie (nobody signed in) and no
  "pinned" cookie. Any other request (POST of a form, the admin, a signed-in user) stays on the
  primary. A response to a request that is not GET/HEAD/OPTIONS sets the pinned cookie for
  CONGPHUONG_REPLICA_PIN_SECONDS: the reader's next requests (the Q&A receipt, the lookup) read
  their own write from the primary, whatever the replica's delay.
- `ReplicaRouter` sends reads to the request's replica, writes always to the primary, and
  migrations only to the primary. Reads outside a request (management commands, the scheduler,
  tests) and inside a transaction on the primary stay on the primary.
- A replica is used only while it answers and its replay delay is within
  CONGPHUONG_REPLICA_MAX_LAG seconds; both are checked at most every
  CONGPHUONG_REPLICA_CHECK_INTERVAL seconds per process. A replica that fails during a request
  (connection lost) is marked down and the request is served again from the primary — whether the
  failed read was the view's or a middleware's below this one (Django turns a middleware's exception
  into a 500 response there and sends `got_request_exception`, which marks the request as failed).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import random
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import DatabaseError, InterfaceError, OperationalError

logger = logging.getLogger(__name__)

PIN_COOKIE = "congphuong_primary"
SAFE_METHODS = {"GET", "HEAD"}
# Methods after which the reader reads from the primary for a while (OPTIONS writes nothing).
NOT_PINNING = {"GET", "HEAD", "OPTIONS", "TRACE"}

# Replication delay in seconds: 0 when everything received is replayed and the WAL receiver streams;
# otherwise the age of the last replayed transaction (NULL: nothing replayed yet → too old).
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
       AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0
  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)
END
"""


@dataclass
class RequestRouting:
    """What the router knows about the current request."""

    replica_allowed: bool
    alias: str | None = None  # the replica chosen at the request's first read
    used: set[str] = field(default_factory=set)  # replicas that served a read
    failed: bool = False  # a replica failed during the request: serve it again from the primary


_routing: contextvars.ContextVar[RequestRouting | None] = contextvars.ContextVar("replica_routing", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class ReplicaHealth:
    """Per process: which replicas answered and were within the lag bound at their last check."""

    def __init__(self):
        self._lock = threading.Lock()
        self._checked: dict[str, tuple[float, bool]] = {}

    def reset(self) -> None:
        with self._lock:
            self._checked.clear()

    def mark_down(self, alias: str) -> None:
        with self._lock:
            self._checked[alias] = (time.monotonic(), False)

    def usable(self, alias: str) -> bool:
        now = time.monotonic()
        checked = self._checked.get(alias)
        if checked and now - checked[0] < settings.CONGPHUONG_REPLICA_CHECK_INTERVAL:
            return checked[1]
        ok = self._check(alias)
        with self._lock:
            self._checked[alias] = (now, ok)
        return ok

    def _check(self, alias: str) -> bool:
        connection = connections[alias]
        try:
            with connection.cursor() as cursor:
                cursor.execute(LAG_SQL)
                (lag,) = cursor.fetchone()
        except DatabaseError:
            logger.warning("replica %s unavailable: reads go to the primary", alias, exc_info=True)
            _close_quietly(alias)
            return False
        lag = float(lag)
        if lag > settings.CONGPHUONG_REPLICA_MAX_LAG:
            logger.warning("replica %s lags %.1f s: reads go to the primary", alias, lag)
            return False
        return True


health = ReplicaHealth()


def _close_quietly(alias: str) -> None:
    with contextlib.suppress(DatabaseError):
        connections[alias].close()


def choose_replica() -> str | None:
    aliases = [alias for alias in replica_aliases() if health.usable(alias)]
    return random.choice(aliases) if aliases else None


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _routing.get()
        if state is None or not state.replica_allowed:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS  # read inside a transaction on the primary: its own writes
        if state.alias is None:
            state.alias = choose_replica() or DEFAULT_DB_ALIAS
        if state.alias != DEFAULT_DB_ALIAS:
            state.used.add(state.alias)
        return state.alias

    def db_for_write(self, model, **hints):
        state = _routing.get()
        if state is not None and state.replica_allowed:
            # The rest of this request reads what it wrote.
            state.replica_allowed = False
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db.startswith("replica_") else None


def replica_allowed(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and not request.path_info.startswith("/admin/")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
    )


def _replica_failed(exception) -> bool:
    """Whether `exception`, raised in the current request, is its replica going away."""
    state = _routing.get()
    return (
        state is not None
        and state.replica_allowed
        and bool(state.used)
        and isinstance(exception, OperationalError | InterfaceError)
    )


def _on_request_exception(sender, request=None, **kwargs):
    # Sent by Django's handler for an exception of any middleware or view, while it is handled.
    if _replica_failed(sys.exc_info()[1]):
        state = _routing.get()
        assert state is not None  # for mypy: _replica_failed checked it
        state.failed = True


class RetriedOnPrimaryFilter(logging.Filter):
    """On `django.request`: drops Django's "Internal Server Error" line for a request whose replica
    failed under a lower middleware. That request is served again from the primary, with the one
    warning above instead; an operator's error alerting would otherwise count a 500 nobody got."""

    def filter(self, record: logging.LogRecord) -> bool:
        state = _routing.get()
        return not (state is not None and state.failed)


class ReplicaRoutingMiddleware:
    """Marks the request's reads as fit for a replica or not (module docstring); serves a request
    again from the primary when its replica failed during it."""

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_on_request_exception, dispatch_uid="replica_failed_during_request")

    def __call__(self, request):
        state = RequestRouting(replica_allowed=replica_allowed(request))
        token = _routing.set(state)
        try:
            response = self.get_response(request)
            if state.failed:
                for alias in state.used:
                    health.mark_down(alias)
                    _close_quietly(alias)
                logger.warning("replica %s failed during %s: served from the primary", state.alias, request.path)
                state.failed = False  # the second try's own errors are logged as any other
                state.replica_allowed = False
                response = self.get_response(request)
        finally:
            _routing.reset(token)
        if request.method not in NOT_PINNING:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.CONGPHUONG_REPLICA_PIN_SECONDS,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_exception(self, request, exception):
        state = _routing.get()
        if state is not None and _replica_failed(exception):
            state.failed = True
            from django.http import HttpResponse

            return HttpResponse(status=503)  # replaced by the answer from the primary
        return None
