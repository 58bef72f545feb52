"""Settings modules as a new process reads them from a given environment, several environments in one
process.

Settings are read once per process, so a test of how the environment sets a setting needs a process
that has not read them yet. Django only imports the settings module and takes its upper-case names,
so one process imports it once per environment, forgetting `congphuong.settings` between them,
without `django.setup()`: starting Django (every app, the URL conf) cost seconds of CPU per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import importlib, json, os, sys
cases = json.loads(sys.stdin.read())
answers = []
for module, environment, names in cases:
    for loaded in [name for name in sys.modules if name.split(".")[:2] == ["congphuong", "settings"]]:
        del sys.modules[loaded]
    os.environ.clear()
    os.environ.update(environment)
    try:
        settings = importlib.import_module(module)
    except Exception as exc:
        answers.append({"error": f"{type(exc).__name__}: {exc}"})
    else:
        answers.append({"values": {name: getattr(settings, name) for name in names}})
print(json.dumps(answers))
"""


def read_settings(cases, *, without=()):
    """For each (settings module, environment overrides, names) of `cases`: {"values": {name: value}},
    or {"error": "…"} when importing the module failed. Each environment is this process's, less the
    variables in `without`, plus the overrides."""
    base = {key: value for key, value in os.environ.items() if key not in set(without)}
    payload = [(module, {**base, **overrides}, list(names)) for module, overrides, names in cases]
    result = subprocess.run(  # noqa: S603 (our own settings)
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
