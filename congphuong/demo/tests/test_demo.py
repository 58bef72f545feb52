"""`manage.py load_demo`: the two demo wards, their content, the roles and the demo accounts.

Building the demo takes several seconds, so one test builds it once and checks everything.
"""

import datetime as dt
import unicodedata
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, GroupSitePermission, Page, Site, WorkflowPage

from congphuong.demo.binh_an import WARD as BINH_AN
from congphuong.demo.builder import app_demos, delete_demo, demo_exists, page_slug, rich_text
from congphuong.demo.tan_son_hoa import WARD as TAN_SON_HOA
from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN, WORKFLOW_NAME, ensure_roles
from congphuong.home.models import HomePage
from congphuong.media.models import MediaStoryPage
from congphuong.news.models import ARTICLES_PER_PAGE, ArticlePage, CategoryPage
from congphuong.wards.models import WardSettings, YearTheme

pytestmark = pytest.mark.django_db


def load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def page_perms(role_name: str, page) -> set[str]:
    """Page permissions of the ward's group of that role ("Biên tập viên – Phường Bình An") on `page`."""
    site = page.sites_rooted_here.first()
    return set(
        GroupPagePermission.objects.filter(
            group__name=f"{role_name} – {site.site_name}", group__ward_role__site=site, page=page
        ).values_list("permission__codename", flat=True)
    )


def test_load_demo_builds_both_wards_and_is_idempotent():
    # --core-only: the other apps' demo content is theirs to test.
    output = load_demo("--with-accounts", "--core-only")
    assert "Đã tạo dữ liệu mẫu" in output
    assert "bientap" in output and "CongPhuong@2025" in output

    # Wagtail's welcome page is gone; each ward is a Site with its own hostname and tree.
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    site_a = Site.objects.get(hostname="localhost", port=8000)
    site_b = Site.objects.get(hostname="phuong-tan-son-hoa.localhost", port=8000)
    assert site_a.is_default_site and not site_b.is_default_site
    assert Site.objects.filter(is_default_site=True).count() == 1
    home_a, home_b = site_a.root_page.specific, site_b.root_page.specific
    assert isinstance(home_a, HomePage) and isinstance(home_b, HomePage)
    assert not home_a.is_descendant_of(home_b) and not home_b.is_descendant_of(home_a)

    # Ward A: ≥40 live articles in ≥6 top-level categories, one nested category.
    top = CategoryPage.objects.child_of(home_a)
    assert top.count() >= 6
    assert set(top.values_list("slug", flat=True)) >= {
        "dang-uy",
        "uy-ban-nhan-dan",
        "mat-tran-va-doan-the",
        "khuyen-hoc-khuyen-tai",
        "cai-cach-hanh-chinh",
        "an-sinh-xa-hoi",
    }
    assert all(category.show_in_menus for category in CategoryPage.objects.descendant_of(home_a))
    assert CategoryPage.objects.descendant_of(home_a).filter(depth=home_a.depth + 2, slug="thong-bao").exists()
    articles = ArticlePage.objects.live().descendant_of(home_a)
    assert articles.count() >= 40
    assert len({article.get_parent().pk for article in articles}) >= 6
    assert ArticlePage.objects.live().descendant_of(home_b).count() < articles.count()

    # Articles are real content: lead, signing unit, tags, listing image, varied blocks, dates in office hours.
    now = timezone.now()
    block_types = set()
    for article in articles:
        assert article.lead and article.signing_unit and article.listing_image_id
        assert article.tags.exists()
        assert article.live_revision_id and not article.has_unpublished_changes
        assert article.first_published_at == article.published_at == article.last_published_at
        assert now - dt.timedelta(days=600) < article.published_at <= now
        assert 7 <= timezone.localtime(article.published_at).hour <= 21
        block_types |= {block.block_type for block in article.body}
        assert unicodedata.is_normalized("NFC", article.title + article.lead)
    assert {"paragraph", "heading", "table", "image", "video", "quote", "documents"} <= block_types

    # One category runs over more than one page of the list, as notices do on a real portal.
    notices = CategoryPage.objects.descendant_of(home_a).get(slug="thong-bao")
    assert notices.articles().count() > ARTICLES_PER_PAGE
    # Attached files are the ward's own, generated PDFs.
    with_files = [article for article in articles if any(b.block_type == "documents" for b in article.body)]
    for article in with_files:
        for block in article.body:
            if block.block_type == "documents":
                for document in block.value["documents"]:
                    assert document.file_extension == "pdf" and document.collection.name == BINH_AN.name
                    assert document.file.read(5) == b"%PDF-"

    # Media stories: ≥6, videos and galleries with captions.
    stories = MediaStoryPage.objects.live().descendant_of(home_a)
    assert stories.count() >= 6
    assert stories.exclude(video_url="").exists()
    galleries = [story for story in stories if story.kind == MediaStoryPage.KIND_PHOTO]
    assert galleries and all(story.gallery_images.count() >= 3 for story in galleries)
    assert all(item.caption for story in galleries for item in story.gallery_images.all())
    assert MediaStoryPage.objects.live().descendant_of(home_b).exists()

    # Every slug is ASCII.
    assert all(slug.isascii() for slug in Page.objects.values_list("slug", flat=True))

    # Featured list, themes, footer settings, emblem, images per ward collection.
    featured = [item.article for item in home_a.featured_articles.order_by("sort_order")]
    assert [article.title for article in featured] == list(BINH_AN.featured)
    assert all(article.path.startswith(home_a.path) for article in featured)
    assert set(YearTheme.objects.filter(site=site_a, live=True).values_list("year", flat=True)) >= {2024, 2025, 2026}
    assert YearTheme.objects.filter(site=site_b, live=True).exists()
    for site, spec in ((site_a, BINH_AN), (site_b, TAN_SON_HOA)):
        ward = WardSettings.for_site(site)
        assert ward.official_name == spec.official_name
        assert ward.address and ward.phone and ward.email and ward.responsible_person
        assert len(ward.working_hours_lines) >= 2
        assert ward.emblem.file.name.endswith(".png")
        collection = Collection.objects.get(name=spec.name)
        assert ward.emblem.collection_id == collection.pk
    Image = get_image_model()
    assert Image.objects.filter(collection__name=BINH_AN.name).count() >= 40
    assert all(image.width == 1200 and image.height == 675 for image in Image.objects.filter(file__endswith=".jpg"))

    # Roles: editors cannot publish, approvers can; the workflow guards each ward.
    for home in (home_a, home_b):
        assert page_perms(EDITOR, home) == {"add_page", "change_page"}
        assert page_perms(APPROVER, home) == {"add_page", "change_page", "publish_page", "lock_page"}
        assert {"publish_page", "bulk_delete_page"} <= page_perms(SITE_ADMIN, home)
        workflow_page = WorkflowPage.objects.get(page=home)
        assert workflow_page.workflow.name == WORKFLOW_NAME
        approver_groups = {group.name for task in workflow_page.workflow.tasks for group in task.specific.groups.all()}
        assert f"{APPROVER} – {home.sites_rooted_here.first().site_name}" in approver_groups
        # No ward's page permissions reach another ward.
        other = home_b if home == home_a else home_a
        assert not GroupPagePermission.objects.filter(page=home, group__ward_role__site__root_page=other).exists()
    for site in (site_a, site_b):
        admin_group = Group.objects.get(ward_role__site=site, ward_role__role="site_admin")
        admin_perms = set(admin_group.permissions.values_list("codename", flat=True))
        assert {"publish_yeartheme", "add_user", "change_redirect"} <= admin_perms
        # The ward's own settings only: a site permission, not the global one that opens every ward's.
        assert "change_wardsettings" not in admin_perms
        site_perms = GroupSitePermission.objects.filter(group=admin_group).values_list(
            "site_id", "permission__codename"
        )
        assert (site.pk, "change_wardsettings") in set(site_perms)
        assert {site_id for site_id, _codename in site_perms} == {site.pk}
    assert not GroupPagePermission.objects.filter(group__name__in=[EDITOR, APPROVER, SITE_ADMIN]).exists()

    User = get_user_model()
    article = articles.first()
    editor, approver = User.objects.get(username="bientap"), User.objects.get(username="lanhdao")
    assert (editor.first_name, editor.last_name) == ("Nguyễn Thị", "Lan")
    assert not editor.is_staff and editor.check_password("CongPhuong@2025")
    assert editor.has_perm("wagtailadmin.access_admin")
    assert article.permissions_for_user(editor).can_edit()
    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(approver).can_publish()
    assert User.objects.get(username="quantri").groups.filter(name=f"{SITE_ADMIN} – {BINH_AN.name}").exists()
    # The second ward's accounts work on it, not on the first.
    editor_b = User.objects.get(username="bientap_tsh")
    assert editor_b.check_password("CongPhuong@2025")
    assert editor_b.groups.filter(name=f"{EDITOR} – {TAN_SON_HOA.name}").exists()
    assert not article.permissions_for_user(editor_b).can_edit()
    article_b = ArticlePage.objects.descendant_of(home_b).first()
    assert article_b.permissions_for_user(editor_b).can_edit()
    assert not article_b.permissions_for_user(editor).can_edit()
    assert not article.permissions_for_user(User.objects.get(username="lanhdao_tsh")).can_publish()

    # A second run changes nothing.
    counts = (Page.objects.count(), Image.objects.count(), User.objects.count(), GroupPagePermission.objects.count())
    assert load_demo("--with-accounts").strip() == "Dữ liệu mẫu đã có, bỏ qua."
    assert counts == (
        Page.objects.count(),
        Image.objects.count(),
        User.objects.count(),
        GroupPagePermission.objects.count(),
    )
    # `make run PORT=8080`: the wards' full URLs follow the port, nothing is rebuilt.
    assert load_demo("--port", "8080").strip() == "Dữ liệu mẫu đã có, bỏ qua."
    assert set(Site.objects.values_list("port", flat=True)) == {8080}
    assert Page.objects.count() == counts[0]
    assert site_a.root_page.specific.full_url == "http://localhost:8080/"

    # What --reset removes first: both wards, their images and collections.
    assert delete_demo() == 2
    assert not demo_exists()
    assert not HomePage.objects.exists()
    assert not Image.objects.filter(collection__name__in=[BINH_AN.name, TAN_SON_HOA.name]).exists()
    assert not Collection.objects.filter(name__in=[BINH_AN.name, TAN_SON_HOA.name]).exists()


def test_accounts_only_with_debug_or_flag(settings, monkeypatch):
    from congphuong.demo.management.commands import load_demo as command

    monkeypatch.setattr(command, "build_demo", lambda **kwargs: [])  # the accounts logic, without the slow build
    demo_users = get_user_model().objects.filter(username__in=["bientap", "lanhdao", "quantri"])
    settings.DEBUG = False
    assert "--with-accounts" in load_demo()
    assert not demo_users.exists()
    load_demo("--with-accounts")
    assert demo_users.count() == 3
    assert all(not user.is_staff for user in demo_users)


def test_ensure_roles_is_idempotent(home):
    ensure_roles()
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    ensure_roles()
    assert counts == (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    assert page_perms(EDITOR, home) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME


def test_app_demos_are_found_by_convention():
    for name, build in app_demos():
        assert name and build.__name__ == "build_demo"
        assert not build.__module__.startswith("congphuong.core")


def test_slugs_and_rich_text_helpers():
    assert page_slug("Đảng ủy") == "dang-uy"
    assert page_slug("Lịch tiếp công dân tháng 12/2026") == "lich-tiep-cong-dan-thang-12-2026"
    assert len(page_slug("Khuyến học " * 30)) <= 80
    assert rich_text("Cần mang:\n- Căn cước;\n- Giấy tờ <liên quan>.") == (
        "<p>Cần mang:</p><ul><li>Căn cước;</li><li>Giấy tờ &lt;liên quan&gt;.</li></ul>"
    )


def test_demo_content_is_written_in_nfc():
    for spec in (BINH_AN, TAN_SON_HOA):
        for article in spec.articles:
            for text in (article.title, article.lead, *article.body):
                assert unicodedata.is_normalized("NFC", text), text
