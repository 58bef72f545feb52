"""One switch for the whole cache: CONGPHUONG_CACHE sets every layer, each layer's own variable wins."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LAYERS = ("CONGPHUONG_PAGE_CACHE", "CONGPHUONG_CHROME_CACHE", "CONGPHUONG_FRAGMENT_CACHE", "SERVING_FAST_PATH")
LAYER_VARIABLES = (
    "CONGPHUONG_PAGE_CACHE",
    "CONGPHUONG_CHROME_CACHE",
    "CONGPHUONG_FRAGMENT_CACHE",
    "CONGPHUONG_FAST_PATH",
)


def _layers(settings_module, **env_overrides):
    """The layers' settings as `settings_module` reads them from this environment (a fresh process:
    settings are read once)."""
    env = {k: v for k, v in os.environ.items() if k not in {"CONGPHUONG_CACHE", *LAYER_VARIABLES}}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE=settings_module)
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {LAYERS!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 (our own settings)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_layer_is_on_by_default_and_off_with_the_one_switch():
    assert set(_layers("congphuong.settings.dev").values()) == {True}
    assert set(_layers("congphuong.settings.dev", CONGPHUONG_CACHE="0").values()) == {False}


def test_a_layer_variable_overrides_the_one_switch():
    layers = _layers("congphuong.settings.dev", CONGPHUONG_CACHE="0", CONGPHUONG_PAGE_CACHE="1")
    assert layers["CONGPHUONG_PAGE_CACHE"] is True
    assert layers["CONGPHUONG_FRAGMENT_CACHE"] is False


def test_the_suite_runs_every_layer_with_the_one_switch():
    layers = _layers("congphuong.settings.test", CONGPHUONG_CACHE="1")
    assert all(
        layers[name] for name in ("CONGPHUONG_PAGE_CACHE", "CONGPHUONG_CHROME_CACHE", "CONGPHUONG_FRAGMENT_CACHE")
    )
