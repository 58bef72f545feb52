"""Two small old wards (Phường 1, Phường 2 of Tân Bình) and the new one (Tân Sơn Hòa), as `add_ward`
makes them, with a little of everything."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from congphuong.editorial.models import WardCollection, WardRoleGroup
from congphuong.feedback.models import Topic
from congphuong.feedback.tests.factories import QuestionFactory
from congphuong.learning.models import WardAssignment
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.organisation.tests.factories import LeaderFactory, QuarterFactory
from congphuong.units import loading
from congphuong.units.provisioning import add_ward
from congphuong.units.tests.test_units import small_file
from congphuong.wards.models import WardSettings
from congphuong.wards.roles import EDITOR_KEY

P1, P2, NEW, BAY_HIEN = (
    "p1.tanbinh.example.gov.vn",
    "p2.tanbinh.example.gov.vn",
    "tansonhoa.example.gov.vn",
    "bayhien.example.gov.vn",
)


def old_ward(hostname, name, old_code, made_from):
    """An old ward's portal, as add_ward made it before 1/7/2025 (made on a current unit, then linked
    to the old one)."""
    ward = add_ward(made_from, hostname)
    site = ward.site
    site.site_name = name
    site.save()
    WardSettings.objects.filter(site=site).update(unit_code=old_code, short_name=name)
    home = site.root_page
    home.title = name
    home.save(update_fields=["title"])
    return site


def section(site, slug):
    return Page.objects.get(path__startswith=site.root_page.path, slug=slug).specific


def fill(site, label, user):
    """A little of everything in one ward."""
    news = section(site, "an-sinh-xa-hoi")
    articles = [
        ArticlePageFactory(
            parent=news,
            title=f"{label}: trao quà cho hộ khó khăn đợt {n}",
            slug=f"trao-qua-dot-{n}",
            owner=user,
            published_at=timezone.make_aware(datetime.datetime(2024, 5, 18 + n, 8, 0)),
        )
        for n in range(2)
    ]
    for article in articles:
        article.title += " (bản sửa)"
        article.save_revision(user=user)
    LeaderFactory(
        site=site, full_name=f"Lê Văn Chủ Tịch {label}", position="Chủ tịch Ủy ban nhân dân phường", slug="chu-tich"
    )
    QuarterFactory(site=site, name="Khu phố 1")
    topic = Topic.objects.get_or_create(site=site, name="Trật tự đô thị")[0]
    hoi_dap = section(site, "hoi-dap")
    QuestionFactory(site=site, page=hoi_dap, topic=topic)
    from wagtail.images.models import Image

    collection = WardCollection.objects.get(site=site).collection
    Image.objects.create(title=f"Ảnh {label}", file=get_test_image_file(), collection=collection)
    return articles


def build_world(directory):
    """The three wards, their people and a little of everything; what `world` hands a test, as pks."""
    loading.load(small_file(directory))
    Site.objects.all().delete()
    User = get_user_model()
    new = add_ward("26977", NEW).site
    p1 = old_ward(P1, "Phường 1", "26977", "27501")
    p2 = old_ward(P2, "Phường 2", "26980", "27502")
    author = User.objects.create_user("tacgia_p1", password="x")
    editor = User.objects.create_user("bientap_p2", password="x")
    WardRoleGroup.objects.get(site=p2, role=EDITOR_KEY).group.user_set.add(editor)
    officer = User.objects.create_user("khuyenhoc_p1", password="x")
    WardAssignment.objects.create(user=officer, site=p1)
    articles = {P1: fill(p1, "Phường 1", author), P2: fill(p2, "Phường 2", author)}
    fill(new, "Tân Sơn Hòa", author)
    return {
        "sites": {"new": new.pk, "p1": p1.pk, "p2": p2.pk},
        "articles": {host: [article.pk for article in built] for host, built in articles.items()},
        "users": {"author": author.pk, "editor": editor.pk, "officer": officer.pk},
    }


def fetch_world(built):
    """Fresh instances of what `build_world` made: no test sees another's objects in memory."""
    from congphuong.news.models import ArticlePage

    User = get_user_model()
    return {
        **{name: Site.objects.get(pk=pk) for name, pk in built["sites"].items()},
        "articles": {host: [ArticlePage.objects.get(pk=pk) for pk in pks] for host, pks in built["articles"].items()},
        **{name: User.objects.get(pk=pk) for name, pk in built["users"].items()},
    }


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The wards built once per test module, in a transaction of the module's own that is rolled back
    after its last test; each test runs in a savepoint inside it (pytest-django's `db`), so what one
    test changes (every test here merges) never reaches the next. `add_ward` three times costs some
    10 s of CPU: built per test, the module's tests cost that many times over. As with `demo_world`
    (congphuong/conftest.py), only tests that take `db` may use it: a transactional test (a browser
    test) builds its own (`world` in its module)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        with django_db_blocker.unblock():
            yield build_world(tmp_path_factory.mktemp("units"))
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def world(built_world, db):
    return fetch_world(built_world)
