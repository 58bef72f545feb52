"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args, "--settings=congphuong.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", env_overrides={"ALLOWED_HOSTS": "phuong.example.vn"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        env_overrides={"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "phuong.example.vn"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_trusts_the_shipped_nginx_for_the_readers_address():
    # One proxy (nginx) appends to X-Forwarded-For; a load balancer in front makes it 2.
    code = "from django.conf import settings; print(settings.CONGPHUONG_TRUSTED_PROXIES)"
    base_env = {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "phuong.example.vn"}
    shipped = _manage("shell", "-c", code, env_overrides={**base_env, "TRUSTED_PROXIES": ""})
    assert shipped.stdout.strip().splitlines()[-1] == "1", shipped.stdout + shipped.stderr
    behind_lb = _manage("shell", "-c", code, env_overrides={**base_env, "TRUSTED_PROXIES": "2"})
    assert behind_lb.stdout.strip().splitlines()[-1] == "2", behind_lb.stdout + behind_lb.stderr
