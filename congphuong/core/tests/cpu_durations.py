"""`--cpu-durations=N`: the N tests and test modules that cost the most CPU, and the session's total.

pytest's `--durations` shows wall time. On the shared two-core CI machine the two runs of `make test`
(tests/run_suites.sh) and anything else running there take turns on the cores, so a test's wall time
says as much about its neighbours as about itself. The CPU time of this process (`time.process_time()`)
does not move with the load: it is what to compare before and after a change to the suite.

Each test's CPU is split into setup, call and teardown. A session- or module-scoped fixture (the test
database's `migrate`, the demo wards of `demo_world`) is charged to the setup of the first test that
asks for it, so it shows among the tests and in its module's sum, as it does in `--durations`. The
database server's own CPU (PostgreSQL) is not this process's: the PostgreSQL run costs more than shown.

Loaded for every run (`-p congphuong.core.tests.cpu_durations` in pyproject.toml's addopts); `make test`
(tests/run_suites.sh) asks both of its runs for it.
"""

from __future__ import annotations

import time
from collections import defaultdict

import pytest

_SPENT: dict[str, dict[str, float]] = defaultdict(dict)
_STARTED: list[float] = []


def pytest_addoption(parser):
    parser.getgroup("terminal reporting").addoption(
        "--cpu-durations",
        type=int,
        default=None,
        metavar="N",
        help="show the N tests and test modules that took the most CPU time of this process (0: all)",
    )


def pytest_sessionstart(session):
    _STARTED.append(time.process_time())


def _measured(when):
    @pytest.hookimpl(wrapper=True)
    def hook(item, *args, **kwargs):
        started = time.process_time()
        try:
            return (yield)
        finally:
            _SPENT[item.nodeid][when] = time.process_time() - started

    return hook


pytest_runtest_setup = _measured("setup")
pytest_runtest_call = _measured("call")
pytest_runtest_teardown = _measured("teardown")


def pytest_terminal_summary(terminalreporter, config):
    count = config.getoption("cpu_durations", None)
    if count is None or not _SPENT:
        return
    write = terminalreporter.write_line
    total = time.process_time() - _STARTED[0] if _STARTED else 0.0
    by_test = sorted(_SPENT.items(), key=lambda entry: -sum(entry[1].values()))
    by_module: dict[str, float] = defaultdict(float)
    for nodeid, phases in _SPENT.items():
        by_module[nodeid.split("::", 1)[0]] += sum(phases.values())
    shown = count or len(by_test)
    terminalreporter.write_sep("=", f"CPU time of this process: {total:.0f} s for {len(_SPENT)} tests")
    write("slowest tests (setup + call + teardown; a shared fixture counts in the first test that uses it):")
    for nodeid, phases in by_test[:shown]:
        parts = " ".join(f"{when} {phases.get(when, 0.0):.1f}" for when in ("setup", "call", "teardown"))
        write(f"{sum(phases.values()):8.1f}s  {nodeid}  ({parts})")
    write("slowest modules (sum of their tests):")
    for module, seconds in sorted(by_module.items(), key=lambda entry: -entry[1])[: count or len(by_module)]:
        write(f"{seconds:8.1f}s  {module}")
