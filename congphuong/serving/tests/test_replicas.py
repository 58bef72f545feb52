"""Read replicas against a real PostgreSQL streaming replica that these tests start.

They make a second PostgreSQL 15 cluster with `pg_basebackup -R -X stream` from the primary
(DATABASE_URL) and run it on DATABASE_REPLICA_URLS' port, so they run only when asked:
`make replica-check` (CONGPHUONG_REPLICA_TESTS=1 and both URLs; docs/deploy.md "Scaling out").
The cluster is stopped and its directory removed at the end, whatever happened.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import override_settings

from congphuong.serving import replicas

PG_BIN = Path(os.environ.get("CONGPHUONG_PG_BIN", "/usr/lib/postgresql/15/bin"))
ASKED = os.environ.get("CONGPHUONG_REPLICA_TESTS") == "1"

pytestmark = [
    pytest.mark.skipif(
        not ASKED,
        reason="starts a PostgreSQL replica cluster: run with `make replica-check` (CONGPHUONG_REPLICA_TESTS=1)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica_1"]),
]


class Replica:
    """A streaming replica of the primary in a temporary directory, run as the `postgres` user when
    the tests run as root (PostgreSQL refuses to run as root)."""

    def __init__(self, primary: dict, port: int):
        self.primary = primary
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="congphuong-replica-"))
        self.data = self.dir / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.dir, postgres.pw_uid, postgres.pw_gid)

    def run(self, *args: str) -> None:
        command = [str(PG_BIN / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)  # noqa: S603

    def create(self) -> None:
        host, port, user = self.primary["HOST"] or "127.0.0.1", str(self.primary["PORT"] or 5432), self.primary["USER"]
        try:
            self.run(
                "pg_basebackup",
                "-h",
                host,
                "-p",
                port,
                "-U",
                user,
                "-D",
                str(self.data),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            )
        except subprocess.CalledProcessError as error:
            pytest.fail(
                f"pg_basebackup failed: {error.stderr.strip()}\nThe primary must accept replication connections "
                "from 127.0.0.1 (pg_hba.conf: `host replication all 127.0.0.1/32 trust`, then reload)."
            )
        # Debian keeps the configuration outside the data directory: the replica gets its own.
        (self.data / "postgresql.conf").write_text(
            f"port = {self.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.dir}'\n"
            "hot_standby = on\nshared_buffers = 32MB\nfsync = off\n"
        )
        (self.data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
        (self.data / "pg_ident.conf").write_text("")
        if self.as_postgres:
            for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
                shutil.chown(self.data / name, "postgres", "postgres")
        self.start()

    def start(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "start")
        except subprocess.CalledProcessError:
            log = self.dir / "log"
            pytest.fail("the replica did not start:\n" + (log.read_text() if log.exists() else ""))

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):  # not running
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def sql(self, query: str):
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as c:
            return c.execute(query).fetchone()

    def wait_caught_up(self, timeout: float = 20) -> None:
        """Until the replica replayed everything the primary has written so far."""
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            (lsn,) = cursor.fetchone()
        deadline = time.monotonic() + timeout
        while not self.sql(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn")[0]:
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def replica(django_db_setup):
    if (
        "replica_1" not in settings.DATABASES
        or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    ):
        pytest.skip("needs DATABASE_URL (PostgreSQL) and DATABASE_REPLICA_URLS: run with `make replica-check`")
    server = Replica(settings.DATABASES["default"], int(settings.DATABASES["replica_1"]["PORT"]))
    try:
        server.create()
        yield server
    finally:
        connections["replica_1"].close()
        server.remove()


@pytest.fixture(autouse=True)
def _fresh_health(replica, nothing_cached):
    replicas.health.reset()
    yield
    replicas.health.reset()


def captured(client_call):
    """The response and the page queries (not the health check) each alias ran for it. Execute
    wrappers, not CaptureQueriesContext: that one connects on entry, to a replica that may be down."""
    queries = {"default": [], "replica_1": []}

    def recorder(alias):
        def record(execute, sql, params, many, context):
            queries[alias].append(sql)
            return execute(sql, params, many, context)

        return record

    with (
        connections["default"].execute_wrapper(recorder("default")),
        connections["replica_1"].execute_wrapper(recorder("replica_1")),
    ):
        response = client_call()
    return response, queries["default"], [sql for sql in queries["replica_1"] if "pg_is_in_recovery" not in sql]


def rename(page, title):
    page.title = title
    page.save_revision().publish()


def test_settings_add_the_router_and_the_middleware():
    assert settings.DATABASE_ROUTERS == ["congphuong.serving.replicas.ReplicaRouter"]
    assert "congphuong.serving.replicas.ReplicaRoutingMiddleware" in settings.MIDDLEWARE
    assert settings.DATABASES["replica_1"]["PORT"] != settings.DATABASES["default"]["PORT"]


def test_anonymous_public_read_is_served_by_the_replica(replica, client, article):
    replica.wait_caught_up()
    # Replay paused: a title changed on the primary now is not on the replica yet, so the page
    # shows the replica's data.
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        with override_settings(CONGPHUONG_REPLICA_MAX_LAG=300):
            rename(article, "Tiêu đề mới chỉ có trên máy chính")
            response, primary, rep = captured(lambda: client.get(article.url))
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trao học bổng cho học sinh vượt khó" in html
    assert "Tiêu đề mới chỉ có trên máy chính" not in html
    assert any("wagtailcore_page" in sql for sql in rep)
    assert not any("wagtailcore_page" in sql for sql in primary)
    assert replicas.PIN_COOKIE not in response.cookies


def test_admin_and_signed_in_users_read_from_the_primary(replica, client, article, django_user_model):
    replica.wait_caught_up()
    response, primary, rep = captured(lambda: client.get("/admin/login/"))
    assert response.status_code == 200
    assert rep == []
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.com", "MatKhau@2025dai")
    client.force_login(user)
    response, primary, rep = captured(lambda: client.get("/admin/"))
    assert response.status_code in (200, 302)
    assert rep == [] and primary
    response, primary, rep = captured(lambda: client.get(article.url))
    assert response.status_code == 200
    assert rep == [] and any("wagtailcore_page" in sql for sql in primary)


def test_question_then_receipt_read_their_write_from_the_primary(replica, client, home, settings):
    from congphuong.feedback.models import Question
    from congphuong.feedback.spam import make_timestamp
    from congphuong.feedback.tests.factories import FeedbackPageFactory, TopicFactory

    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 0
    page = FeedbackPageFactory(parent=home)
    topic = TopicFactory(site=home.get_site(), name="Đất đai")
    replica.wait_caught_up()
    # Another reader, never pinned: the form page comes from the replica.
    from django.test import Client

    response, _, rep = captured(lambda: Client().get(page.url + "gui-cau-hoi/"))
    assert response.status_code == 200 and rep

    data = {
        "full_name": "Lê Văn Khải",
        "phone": "0987 654 321",
        "email": "",
        "topic": topic.pk,
        "content": "Tôi muốn hỏi về việc cấp lại giấy chứng nhận quyền sử dụng đất bị mất.",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 30),
    }
    replica.sql("SELECT pg_wal_replay_pause()")  # the replica will not have the question
    try:
        with override_settings(CONGPHUONG_REPLICA_MAX_LAG=300):
            response, primary, rep = captured(
                lambda: client.post(page.url + "gui-cau-hoi/", data, REMOTE_ADDR="203.0.113.20")
            )
            assert response.status_code == 302, response.content.decode()[:500]
            assert rep == [] and any(sql.startswith("INSERT") for sql in primary)
            assert response.cookies[replicas.PIN_COOKIE]["max-age"] == settings.CONGPHUONG_REPLICA_PIN_SECONDS
            code = Question.objects.get().code

            receipt, primary, rep = captured(lambda: client.get(response["Location"]))
            assert receipt.status_code == 200
            assert code in receipt.content.decode()
            assert rep == []
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")


def test_a_lagging_replica_is_not_read(replica, client, article):
    replica.wait_caught_up()
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        with override_settings(CONGPHUONG_REPLICA_MAX_LAG=1):
            rename(article, "Bài viết đã sửa khi bản sao chậm")
            time.sleep(2.5)
            response, primary, rep = captured(lambda: client.get(article.url))
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
    assert response.status_code == 200
    assert "Bài viết đã sửa khi bản sao chậm" in response.content.decode()
    assert rep == [] and any("wagtailcore_page" in sql for sql in primary)


def test_replica_lost_during_the_run_reads_fall_back_to_the_primary(replica, client, article, category):
    # What the reader gets is the test: when a middleware below the replica middleware is the one whose
    # read fails, Django sends `got_request_exception` before the request is served again, and the test
    # client would re-raise that exception even though the response it returns is the retried 200.
    client.raise_request_exception = False
    replica.wait_caught_up()
    response, primary, rep = captured(lambda: client.get(article.url))
    assert response.status_code == 200 and rep  # the replica serves, and is known healthy

    replica.stop()
    try:
        # Still marked healthy in this process: the query fails, the request is served again.
        response, primary, rep = captured(lambda: client.get(article.url))
        assert response.status_code == 200
        assert "Trao học bổng cho học sinh vượt khó" in response.content.decode()
        assert any("wagtailcore_page" in sql for sql in primary)
        # Now marked down: straight to the primary.
        response, primary, rep = captured(lambda: client.get(category.url))
        assert response.status_code == 200 and rep == [] and primary
        # Next check (interval over): the connection is refused, the primary serves.
        replicas.health.reset()
        started = time.monotonic()
        response, primary, rep = captured(lambda: client.get(article.url))
        assert response.status_code == 200 and primary
        assert time.monotonic() - started < 5
    finally:
        replica.start()
    replicas.health.reset()
    connections["replica_1"].close()
    replica.wait_caught_up()
    response, primary, rep = captured(lambda: client.get(article.url))
    assert response.status_code == 200 and rep  # back in use once it answers again
