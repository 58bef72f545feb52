"""Fixtures shared by every app's tests: a ward (Site + home page) with content, the two demo wards
(`demo_world`), a headless Chromium."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Headless Chromium for every browser test (`chromium`); tests/conftest.py shares it with tests/.
from congphuong.core.tests.browser import chromium  # noqa: F401
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import make_ward


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every cache empty before and after each test, the page cache's store too: a test's rows are
    rolled back without the purges that run on commit, so a page, fragment or route it left kept
    would be served for the next test's rows under the same ids and paths."""
    from congphuong.serving import conf, store

    def clear():
        cache.clear()
        conf.page_cache().clear()  # its own alias ("pages"): LocMem in tests, or the same Redis
        store.clear_local_entries()  # the process's copies of kept values and pages (serving/store.py)

    clear()
    yield
    clear()


def _uses_demo(item) -> bool:
    return item is not None and "demo_world" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests that read the demo wards (`demo_world`) run first, one after the other: the demo is
    built once for all of them and rolled back after the last (see `demo_world`). First, because
    pytest-django runs the tests that flush the database (`transactional_db`, `live_server`) after the
    others, and the demo is built on the rows `migrate` left (the root page and collection)."""
    uses_demo = [item for item in items if _uses_demo(item)]
    if uses_demo:
        items[:] = uses_demo + [item for item in items if not _uses_demo(item)]


def _flushes_and_restores(item) -> bool:
    """A serialized-rollback test whose database was set up (not one skipped before its fixtures ran:
    it has no database access to re-warm with, and nothing to restore)."""
    marker = item.get_closest_marker("django_db")
    return (
        marker is not None
        and bool(marker.kwargs.get("serialized_rollback"))
        and "_django_db_helper" in getattr(item, "funcargs", {})
    )


def _rewarm_content_types() -> None:
    """Fill the ContentType cache again from the rows this database holds.

    Anything that runs `create_permissions` (add_ward, ensure_roles, a migration) empties the cache.
    The next serialized-rollback test restores the rows into a flushed database, and Wagtail's
    `Task.__init__` asks `get_for_model` for a task's content type before the content type rows are
    back: with a cold cache one is created with a new id, and the restored row with the old id fails
    (IntegrityError on django_content_type). Warm, the cache answers with the old ids."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test that reads the demo (its own savepoint already rolled back), the demo's
    transaction is rolled back too: no other test ever sees the demo's rows. Before a
    serialized-rollback test's database is flushed (its fixtures are torn down inside the `yield`),
    the ContentType cache is made whole again for the next such test (`_rewarm_content_types`)."""
    if _flushes_and_restores(item):
        _rewarm_content_types()
    result = yield
    if _uses_demo(item) and not _uses_demo(nextitem):
        _DEMO.close()
    return result


_MIGRATED = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database; on SQLite its bytes are kept as `migrate` left them, before any
    test wrote to it (`migrated_sqlite`)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with django_db_blocker.unblock():
            connection.ensure_connection()
            _MIGRATED["sqlite"] = connection.connection.serialize()
    return django_db_setup


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup):
    """The SQLite test database's bytes as `migrate` left it (`serialize()` through this connection),
    or None on another database: a copy of it spares a test's own process a `migrate` of every app."""
    return _MIGRATED.get("sqlite")


class DemoWorld:
    """What `demo_world` yields. `migrated_sqlite`: on SQLite, the test database's bytes as taken just
    before the demo was built (what `migrate` left, `serialize()` through this connection), for a
    test that needs an empty copy of it (the backup round trip restores into one)."""

    migrated_sqlite: bytes | None = None


class _DemoTransaction:
    """The transaction the demo is built in, open from the first test that reads it to the last."""

    def __init__(self):
        self.atomic = None
        self.blocker = None

    def open(self, blocker):
        self.blocker = blocker
        with blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()

    def close(self):
        if self.atomic is None:
            return
        atomic, self.atomic = self.atomic, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


_DEMO = _DemoTransaction()


@pytest.fixture(scope="session")
def demo_world(django_db_setup, django_db_blocker):
    """The two demo wards with their accounts (`load_demo --with-accounts`), built once per session.

    Building them costs some 30 s of CPU, so every test that reads them shares one build: it is made
    inside a transaction of its own, each test then runs in a savepoint inside it (pytest-django's
    `db`), so what one test changes never reaches the next. These tests run first and one after the
    other (`pytest_collection_modifyitems` above); after the last one the transaction is rolled back
    (`pytest_runtest_teardown` above), so no other test ever sees the demo's rows. A test using it
    takes `db` too (not `transactional_db`: a flush would end the shared transaction).
    """
    from django.db import connection

    world = DemoWorld()
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            world.migrated_sqlite = connection.connection.serialize()
    _DEMO.open(django_db_blocker)
    try:
        with django_db_blocker.unblock():
            call_command("load_demo", "--with-accounts", stdout=StringIO())
        yield world
    finally:
        _DEMO.close()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed: the page cache's purges happen on commit, as in
    production, where each request commits its own; a test's transaction is only rolled back."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def nothing_cached():
    """Every cache layer of the public pages off, whatever the suite's default (docs/caching.md,
    "One switch"): for the tests that pin the queries of one render."""
    with override_settings(CONGPHUONG_PAGE_CACHE=False, CONGPHUONG_CHROME_CACHE=False, CONGPHUONG_FRAGMENT_CACHE=False):
        yield


@pytest.fixture
def ward(db):
    """The default ward, answering for the test client's host."""
    from wagtail.models import Site

    Site.objects.all().delete()
    return make_ward(hostname="testserver", name="Phường Thử Nghiệm", default=True)


@pytest.fixture
def home(ward):
    return ward.root_page.specific


@pytest.fixture
def category(home):
    return CategoryPageFactory(parent=home, title="Khuyến học – khuyến tài", slug="khuyen-hoc-khuyen-tai")


@pytest.fixture
def article(category):
    return ArticlePageFactory(parent=category, title="Trao học bổng cho học sinh vượt khó")
