"""The shipped app server files agree with each other: deploy/granian.env, the systemd unit, nginx.

deploy/granian.env is read both by systemd (EnvironmentFile=) and by bash (deploy/local_stack.sh
sources it), whose rules differ on quotes, spaces and inline comments: only plain KEY=value lines
mean the same to both. `make prod-check` runs the stack itself; these checks catch an edit that
would only break on a real server.
"""

import re

from django.conf import settings

DEPLOY = settings.BASE_DIR / "deploy"
GRANIAN_ENV = DEPLOY / "granian.env"
UNIT = DEPLOY / "systemd" / "congphuong-app.service"
NGINX_SITE = DEPLOY / "nginx" / "congphuong.conf"
PLAIN_LINE = re.compile(r"^[A-Z][A-Z0-9_]*=[^\s\"'#]+$")


def _granian_env() -> dict[str, str]:
    values = {}
    for number, line in enumerate(GRANIAN_ENV.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        assert PLAIN_LINE.match(line), f"granian.env:{number} is not a plain KEY=value line: {line!r}"
        key, value = line.split("=", 1)
        assert key not in values, f"granian.env sets {key} twice"
        values[key] = value
    return values


def _unit_lines(key: str) -> list[str]:
    return [
        line.split("=", 1)[1] for line in UNIT.read_text(encoding="utf-8").splitlines() if line.startswith(key + "=")
    ]


def test_granian_env_is_plain_and_wsgi():
    values = _granian_env()
    assert values["GRANIAN_INTERFACE"] == "wsgi"
    # One Django thread per worker: granian's WSGI default (hundreds of threads) opens one PostgreSQL
    # connection per thread under load (docs/deploy.md).
    assert values["GRANIAN_BLOCKING_THREADS"] == "1"
    assert int(values["GRANIAN_WORKERS"]) >= 2
    # Octal needs the leading 0 (granian reads "666" as decimal).
    assert values["GRANIAN_UDS_PERMISSIONS"].startswith("0")
    # granian kills no hung request: the database bounds the likeliest one.
    assert int(values["DB_STATEMENT_TIMEOUT"]) > 0


def test_nginx_talks_to_granians_socket():
    socket = _granian_env()["GRANIAN_UDS"]
    upstream = re.search(r"upstream congphuong_app \{(.*?)\}", NGINX_SITE.read_text(encoding="utf-8"), re.S)
    assert upstream, "no congphuong_app upstream in the nginx site"
    assert f"server unix:{socket} " in upstream.group(1)
    # The socket lives in the unit's runtime directory, which nginx's group may enter.
    assert socket.startswith("/run/" + _unit_lines("RuntimeDirectory")[0] + "/")


def test_nginx_waits_longer_than_the_statement_timeout():
    timeout = int(_granian_env()["DB_STATEMENT_TIMEOUT"])
    read_timeouts = re.findall(r"proxy_read_timeout (\d+)s;", NGINX_SITE.read_text(encoding="utf-8"))
    assert read_timeouts and all(int(value) > timeout for value in read_timeouts)


def test_unit_reads_granian_env_before_the_sites_env_and_serves_our_wsgi_app():
    files = _unit_lines("EnvironmentFile")
    assert files == ["/srv/congphuong/deploy/granian.env", "/etc/congphuong/env"]  # the site's file wins
    (exec_start,) = _unit_lines("ExecStart")
    assert exec_start.endswith(" " + settings.WSGI_APPLICATION.replace(".application", ":application"))
    assert _unit_lines("ExecReload") == ["/bin/kill -HUP $MAINPID"]
