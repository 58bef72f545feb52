"""Two small old wards (Phường 1, Phường 2 of Tân Bình) and the new one (Tân Sơn Hòa), as `add_ward`
makes them, with a little of everything."""

import datetime

import pytest
from django.contrib.auth import get_user_model
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


@pytest.fixture
def world(db, tmp_path):
    loading.load(small_file(tmp_path))
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
        "new": new,
        "p1": p1,
        "p2": p2,
        "articles": articles,
        "author": author,
        "editor": editor,
        "officer": officer,
    }
