"""Production refuses the embedded stack (SQLite, per-process cache) unless the operator opts in.

The embedded default is made for `make run`: one machine, a few editors. Behind granian's worker
processes, SQLite serialises every write of every citizen and a local-memory cache is one cache
per process (rate limits, purges and the search suggestions each see only their own copy); both
were reached silently when DATABASE_URL or REDIS_URL was forgotten, and `check --deploy` said
nothing. CONGPHUONG_ALLOW_SQLITE=1 / CONGPHUONG_ALLOW_LOCAL_CACHE=1 accept them knowingly (a very
small ward on one machine; the front-end benchmarks).
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool

ALLOW_SQLITE = "CONGPHUONG_ALLOW_SQLITE"
ALLOW_LOCAL_CACHE = "CONGPHUONG_ALLOW_LOCAL_CACHE"
PROCESS_LOCAL_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def embedded_stack_problems(databases: dict, caches: dict) -> list[str]:
    """What of the embedded stack these settings use and were not allowed to (Vietnamese, then English)."""
    problems = []
    if databases["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool(ALLOW_SQLITE):
        problems.append(
            "Cấu hình production đang dùng SQLite: hãy đặt DATABASE_URL trỏ tới PostgreSQL "
            f"(hoặc {ALLOW_SQLITE}=1 nếu cố ý). / Production settings on SQLite: set DATABASE_URL to "
            f"PostgreSQL (or {ALLOW_SQLITE}=1 to accept it)."
        )
    local = sorted(alias for alias, cache in caches.items() if cache["BACKEND"] in PROCESS_LOCAL_CACHES)
    if local and not env_bool(ALLOW_LOCAL_CACHE):
        problems.append(
            f"Cấu hình production đang dùng bộ nhớ đệm trong tiến trình ({', '.join(local)}): hãy đặt REDIS_URL "
            f"(hoặc {ALLOW_LOCAL_CACHE}=1 nếu cố ý). / Production settings with a per-process cache: set "
            f"REDIS_URL (or {ALLOW_LOCAL_CACHE}=1 to accept it)."
        )
    return problems


def refuse_embedded_stack(databases: dict, caches: dict) -> None:
    problems = embedded_stack_problems(databases, caches)
    if problems:
        raise ImproperlyConfigured(" ".join(problems))
