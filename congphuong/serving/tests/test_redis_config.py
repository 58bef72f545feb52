"""The shipped Redis configuration bounds its memory (issue 14: 6 KB junk URLs filled Redis, 23 MB
per 100 requests, and the shipped settings had no maxmemory)."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CONF = ROOT / "deploy" / "redis" / "congphuong.conf"


def _settings(text: str) -> dict[str, str]:
    pairs = (line.split(None, 1) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return {name: value.strip() for name, value in pairs}


def test_the_shipped_redis_config_bounds_memory_and_evicts():
    values = _settings(CONF.read_text())
    assert values["maxmemory-policy"] == "allkeys-lru"  # page entries have no TTL: volatile-* would evict none
    assert values["maxmemory"].endswith("mb") and int(values["maxmemory"][:-2]) > 0
    deploy_doc = (ROOT / "docs" / "deploy.md").read_text()
    assert "deploy/redis/congphuong.conf" in deploy_doc


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_redis_server_loads_the_shipped_config(tmp_path):
    socket = tmp_path / "redis.sock"
    server = subprocess.Popen(  # noqa: S603 (the distribution's redis-server)
        [
            shutil.which("redis-server"),
            str(CONF),
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--dir",
            str(tmp_path),
            "--save",
            "",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        import redis

        client = redis.Redis(unix_socket_path=str(socket))
        assert client.config_get("maxmemory")["maxmemory"] == str(256 * 1024 * 1024)
        assert client.config_get("maxmemory-policy")["maxmemory-policy"] == "allkeys-lru"
    finally:
        server.terminate()
        server.wait(timeout=10)
