#!/usr/bin/env bash
# `make test`: the whole suite on SQLite with the coverage gate ([tool.coverage] in pyproject.toml)
# and, when DATABASE_URL points at PostgreSQL, the suite again on PostgreSQL, both at once (each
# browser test in one of the two runs only, below):
# each run is one process on one core. The SQLite run prints as it goes; the PostgreSQL run's output
# is kept in a file and printed whole when it ends. Fails when either run fails.
# Arguments are passed to both pytest runs (e.g. `make test PYTEST_ARGS="-x -k lockout"`); such a
# partial run has no coverage gate, which holds for the whole suite only.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTEST=${PYTEST:-.venv/bin/pytest}
COV=(--cov=congphuong --cov-report=term:skip-covered)
[ "$#" -eq 0 ] || COV=()

# When both runs go, each browser test runs in one of them only: the public-page checks (axe,
# walkthrough: they read pages, whatever the database) in the SQLite run, the admin flows in the
# PostgreSQL run (production's database). A browser test costs seconds of Chromium and a live server,
# and the two runs share two cores: run twice, they made the suite the slowest part of CI.
# The same for the walks of every admin URL, form and listing as each demo role (marker `ward_walk`:
# ward isolation, crafted POSTs, counts, the admin crawl): about eight minutes of CPU under the
# SQLite run's coverage, each runs in one run only. Those that post (every admin URL, crafted POSTs),
# the listings' filters and the admin crawl run in the PostgreSQL run, production's database, whose
# errors on a crafted value (an integer out of range, a string too long) SQLite never raises. The walk
# of other wards' counts only reads pages (GETs) and compares two readings (marker `reading_walk`):
# it runs in the SQLite run, to even out the two runs. Measured in CPU (`--cpu-durations`): it costs
# 161 s under the SQLite run's coverage, about 95 s in the PostgreSQL run (the admin crawl: 69 s and
# 40 s); on the CI machine, with every walk in the PostgreSQL run, that run took 24 min, the SQLite
# run 19 min.
# `--cpu-durations` (congphuong/core/tests/cpu_durations.py) prints what each test and module cost in
# CPU, which the shared machine's load does not move, to weigh a change of these shares.
# Each run first migrates its fresh test database: 25–28 s of CPU since `learning`'s migrations were
# squashed (0001_squashed_0019_decision_outcome; 32–37 s before).
SQLITE_SHARE=()
POSTGRES_SHARE=()

sqlite_run() { DATABASE_URL= "$PYTEST" -p no:cacheprovider "${COV[@]}" "${SQLITE_SHARE[@]}" "$@"; }
postgres_run() { "$PYTEST" -p no:cacheprovider "${POSTGRES_SHARE[@]}" "$@"; }

case "${DATABASE_URL:-}" in
  postgres*) ;;
  *)
    echo "== SQLite (DATABASE_URL does not point at PostgreSQL: PostgreSQL run skipped)"
    sqlite_run "$@"
    exit $?
    ;;
esac

if [ "$#" -eq 0 ]; then
  SQLITE_SHARE=(-m "(not browser or public_pages) and (not ward_walk or reading_walk)" --cpu-durations=25)
  POSTGRES_SHARE=(-m "not public_pages and not reading_walk" --cpu-durations=25)
fi

if [ -n "${REDIS_URL:-}" ]; then
  # Both runs would clear the same Redis database under each other: one after the other.
  echo "== SQLite (REDIS_URL is set: the two runs go one after the other)"
  sqlite_run "$@"
  sqlite_status=$?
  echo ""
  echo "== PostgreSQL: $DATABASE_URL"
  postgres_run "$@"
  postgres_status=$?
else
  postgres_log=$(mktemp -t congphuong-test-postgres.XXXXXX)
  "$PYTEST" -p no:cacheprovider "${POSTGRES_SHARE[@]}" "$@" >"$postgres_log" 2>&1 & # not postgres_run: $! is pytest itself
  postgres_pid=$!
  # Ctrl-C (or any other exit) never leaves the PostgreSQL run behind.
  trap 'kill "$postgres_pid" 2>/dev/null; rm -f "$postgres_log"' EXIT
  trap 'exit 130' INT TERM

  echo "== SQLite (the PostgreSQL run goes on beside it; its output follows)"
  sqlite_run "$@"
  sqlite_status=$?

  wait "$postgres_pid"
  postgres_status=$?
  echo ""
  echo "== PostgreSQL: $DATABASE_URL"
  cat "$postgres_log"
fi

if [ "$sqlite_status" -ne 0 ] || [ "$postgres_status" -ne 0 ]; then
  echo "make test failed: SQLite run exit $sqlite_status, PostgreSQL run exit $postgres_status" >&2
  exit 1
fi
