"""One install, several wards: a cadre of one ward can neither edit, approve nor manage another's."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Workflow

from congphuong.editorial.models import WardCollection, WardRoleGroup
from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN, WORKFLOW_NAME, ensure_roles
from congphuong.editorial.rules import NOT_WARD_LEADER_MESSAGE
from congphuong.editorial.tests.factories import make_user
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.models import YearTheme
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def wards(ward):
    other = make_ward(hostname="tan-son-hoa.test", name="Phường Tân Sơn Hòa")
    groups = ensure_roles()
    a, b = ward, other
    return {
        "a": a,
        "b": b,
        "groups_a": groups.by_site[a.pk],
        "groups_b": groups.by_site[b.pk],
        "category_a": CategoryPageFactory(parent=a.root_page, title="Tin phường A", slug="tin-a"),
        "category_b": CategoryPageFactory(parent=b.root_page, title="Tin phường B", slug="tin-b"),
    }


@pytest.fixture
def people(wards):
    ga, gb = wards["groups_a"], wards["groups_b"]
    return {
        "editor_a": make_user("bientap", ga[EDITOR]),
        "approver_a": make_user("lanhdao", ga[APPROVER]),
        "admin_a": make_user("quantri", ga[SITE_ADMIN]),
        "editor_b": make_user("bientap_tsh", gb[EDITOR]),
        "approver_b": make_user("lanhdao_tsh", gb[APPROVER]),
        "admin_b": make_user("quantri_tsh", gb[SITE_ADMIN]),
    }


def _submitted(category, author, title):
    article = ArticlePageFactory(parent=category, title=title, live=False)
    article.save_revision(user=author)
    Workflow.objects.get(name=WORKFLOW_NAME).start(Page.objects.get(pk=article.pk), author)
    return Page.objects.get(pk=article.pk)


# ensure_roles --------------------------------------------------------------------------------------------


def _snapshot():
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
        WardRoleGroup.objects.count(),
        sorted(Group.objects.get(name=f"{EDITOR} – Phường Tân Sơn Hòa").permissions.values_list("pk", flat=True)),
    )


def test_each_ward_gets_its_own_groups_rights_and_collection(wards):
    a, b = wards["a"], wards["b"]
    assert wards["groups_a"][EDITOR].name == "Biên tập viên – Phường Thử Nghiệm"
    assert wards["groups_b"][APPROVER].name == "Lãnh đạo duyệt – Phường Tân Sơn Hòa"
    assert wards["groups_b"][SITE_ADMIN].name == "Quản trị trang – Phường Tân Sơn Hòa"
    for site, groups in ((a, wards["groups_a"]), (b, wards["groups_b"])):
        collection = WardCollection.objects.get(site=site).collection
        assert collection.get_parent() == Collection.get_first_root_node()
        for group in groups.values():
            assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {
                site.root_page_id
            }
            assert set(GroupCollectionPermission.objects.filter(group=group).values_list("collection", flat=True)) == {
                collection.pk
            }
    # The global groups are templates: model permissions, no rights on any page or collection.
    for name in (EDITOR, APPROVER, SITE_ADMIN):
        template = Group.objects.get(name=name)
        assert not GroupPagePermission.objects.filter(group=template).exists()
        assert not GroupCollectionPermission.objects.filter(group=template).exists()
    # App hooks reach the ward groups through the templates.
    assert wards["groups_b"][EDITOR].permissions.filter(content_type__app_label="organisation").exists()
    assert wards["groups_b"][APPROVER].permissions.filter(content_type__app_label="feedback").exists()
    assert wards["groups_b"][APPROVER].permissions.filter(content_type__app_label="learning").exists()
    task = Workflow.objects.get(name=WORKFLOW_NAME).tasks.get().specific
    assert {wards["groups_a"][APPROVER], wards["groups_b"][APPROVER]} <= set(task.groups.all())


def test_ensure_roles_is_idempotent_with_two_wards(wards):
    before = _snapshot()
    ensure_roles()
    ensure_roles()
    assert _snapshot() == before
    assert WardRoleGroup.objects.count() == 6


def test_an_older_global_setup_is_turned_into_templates(ward, home):
    # As an older setup left it: one global group with rights on the home page and a member.
    legacy = Group.objects.create(name=EDITOR)
    GroupPagePermission.objects.create(
        group=legacy,
        page=home,
        permission=GroupPagePermission._meta.get_field("permission").related_model.objects.get(codename="change_page"),
    )
    member = make_user("bientap_cu", legacy)
    groups = ensure_roles()
    assert not GroupPagePermission.objects.filter(group=legacy).exists()
    assert list(member.groups.all()) == [groups[EDITOR]]  # a single ward: moved into its group
    assert groups.unplaced == []

    # With two wards nobody can guess: taken out and reported.
    make_ward(hostname="tan-son-hoa.test", name="Phường Tân Sơn Hòa")
    stray = make_user("bientap_khac", legacy)
    again = ensure_roles()
    assert again.unplaced == ["bientap_khac"]
    assert not stray.groups.exists()


# Pages and approval ---------------------------------------------------------------------------------------


def test_editor_of_one_ward_cannot_edit_another_wards_page(client, wards, people):
    own = ArticlePageFactory(parent=wards["category_a"], title="Bài phường A")
    foreign = ArticlePageFactory(parent=wards["category_b"], title="Bài phường B")
    client.force_login(people["editor_a"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=(foreign.pk,)))
    assert response.status_code in (302, 403)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(wards["category_b"].pk,)))
    assert response.status_code in (302, 403)
    assert not foreign.permissions_for_user(people["editor_a"]).can_edit()


def test_approver_of_another_ward_cannot_approve(client, wards, people):
    page = _submitted(wards["category_a"], people["editor_a"], "Bài chờ lãnh đạo phường A")
    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(page.specific, people["approver_b"]) == []
    assert task.get_actions(page.specific, people["approver_a"]) != []
    with pytest.raises(PermissionDenied, match="không phải lãnh đạo"):
        task.on_action(task_state, people["approver_b"], "approve")

    client.force_login(people["approver_b"])
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(people["approver_a"])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_approver_of_another_ward_cannot_approve_its_theme_of_the_year(client, wards, people):
    theme = YearTheme(site=wards["a"], year=2026, text="Năm xây dựng phường văn minh", live=False)
    theme.save()
    theme.save_revision(user=people["admin_a"])
    theme.get_workflow().start(theme, people["admin_a"])
    task_state = YearTheme.objects.get(pk=theme.pk).current_workflow_task_state
    assert task_state.task.specific.get_actions(theme, people["approver_b"]) == []
    client.force_login(people["approver_b"])
    url = reverse("wagtailsnippets_wards_yeartheme:workflow_action", args=(theme.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    theme.refresh_from_db()
    assert not theme.live
    client.force_login(people["approver_a"])
    client.post(url, {"comment": ""})
    theme.refresh_from_db()
    assert theme.live


def test_submission_is_mailed_to_the_wards_approvers_only(wards, people):
    mail.outbox.clear()
    _submitted(wards["category_a"], people["editor_a"], "Thông báo lịch tiếp dân")
    recipients = {address for message in mail.outbox for address in message.to}
    assert "lanhdao@example.vn" in recipients
    assert "lanhdao_tsh@example.vn" not in recipients


def test_awaiting_review_panel_shows_only_the_approvers_ward(client, wards, people):
    _submitted(wards["category_a"], people["editor_a"], "Bài chờ duyệt của phường A")
    _submitted(wards["category_b"], people["editor_b"], "Bài chờ duyệt của phường B")
    client.force_login(people["approver_b"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Bài chờ duyệt của phường B" in html
    assert "Bài chờ duyệt của phường A" not in html
    assert NOT_WARD_LEADER_MESSAGE  # the message the task raises is Vietnamese
    client.force_login(people["approver_a"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Bài chờ duyệt của phường A" in html
    assert "Bài chờ duyệt của phường B" not in html


# Users -----------------------------------------------------------------------------------------------------


def test_site_admin_lists_only_its_wards_users(client, wards, people):
    client.force_login(people["admin_a"])
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    main = html[html.find("<main") :]
    for username in ("bientap", "lanhdao"):
        assert re.search(rf"\b{username}\b(?!_)", main), re.findall(r"<td.*?</td>", main, re.S)[:20]
    for username in ("bientap_tsh", "lanhdao_tsh", "quantri_tsh"):
        assert username not in html


def test_site_admin_cannot_open_a_user_of_another_ward(client, wards, people):
    client.force_login(people["admin_a"])
    target = people["editor_b"]
    for name in ("edit", "delete", "history"):
        response = client.get(reverse(f"wagtailusers_users:{name}", args=(target.pk,)))
        assert response.status_code == 403
        assert "không thuộc phường bạn quản trị" in response.content.decode()
    client.post(
        reverse("wagtailusers_users:edit", args=(target.pk,)),
        {"username": target.username, "email": "doi@example.vn", "first_name": "", "last_name": ""},
    )
    target.refresh_from_db()
    assert target.email == "bientap_tsh@example.vn"


def test_site_admin_can_only_assign_its_wards_groups(client, wards, people):
    client.force_login(people["admin_a"])
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "Biên tập viên – Phường Thử Nghiệm" in form
    assert "Phường Tân Sơn Hòa" not in form
    foreign = wards["groups_b"][APPROVER]
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "canbo_moi",
            "email": "canbo@example.vn",
            "first_name": "Lan",
            "last_name": "Nguyễn",
            "password1": "Mat-khau-rat-manh-2025",
            "password2": "Mat-khau-rat-manh-2025",
            "groups": [foreign.pk],
        },
    )
    assert not User.objects.filter(username="canbo_moi", groups=foreign).exists()


def test_editing_a_shared_user_keeps_the_other_wards_groups(client, wards, people):
    shared = make_user("kiemnhiem", wards["groups_a"][EDITOR], wards["groups_b"][EDITOR])
    client.force_login(people["admin_a"])
    url = reverse("wagtailusers_users:edit", args=(shared.pk,))
    form = client.get(url).content.decode()
    assert "Phường Tân Sơn Hòa" not in form
    response = client.post(
        url,
        {
            "username": "kiemnhiem",
            "email": "kiemnhiem@example.vn",
            "first_name": "Hoa",
            "last_name": "Trần",
            "groups": [wards["groups_a"][APPROVER].pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert set(shared.groups.all()) == {wards["groups_a"][APPROVER], wards["groups_b"][EDITOR]}


# Snippets that belong to a ward --------------------------------------------------------------------------


def test_theme_of_the_year_of_another_ward_is_neither_listed_nor_editable(client, wards, people):
    YearTheme.objects.create(site=wards["a"], year=2025, text="Chủ đề của phường A", live=True)
    theme_b = YearTheme.objects.create(site=wards["b"], year=2025, text="Chủ đề của phường B", live=True)
    client.force_login(people["admin_a"])
    listing = client.get(reverse("wagtailsnippets_wards_yeartheme:list")).content.decode()
    assert "Chủ đề của phường A" in listing
    assert "Chủ đề của phường B" not in listing
    # Another ward's record is not found (congphuong.editorial.isolation): its id reveals nothing.
    for view in ("edit", "delete", "history", "usage"):
        response = client.get(reverse(f"wagtailsnippets_wards_yeartheme:{view}", args=(theme_b.pk,)))
        assert response.status_code == 404, view
        assert "Chủ đề của phường B" not in response.content.decode()
    form = client.get(reverse("wagtailsnippets_wards_yeartheme:add")).content.decode()
    assert "tan-son-hoa.test" not in form and "Tân Sơn Hòa" not in form


def test_site_admin_edits_only_its_own_wards_settings(client, wards, people):
    client.force_login(people["admin_a"])
    own = reverse("wagtailsettings:edit", args=("wards", "wardsettings", wards["a"].pk))
    other = reverse("wagtailsettings:edit", args=("wards", "wardsettings", wards["b"].pk))
    assert client.get(own).status_code == 200
    assert client.get(other).status_code in (302, 403)
    response = client.post(other, {"official_name": "ỦY BAN NHÂN DÂN PHƯỜNG GIẢ"})
    assert response.status_code in (302, 403)
    from congphuong.wards.models import WardSettings

    assert WardSettings.for_site(wards["b"]).official_name != "ỦY BAN NHÂN DÂN PHƯỜNG GIẢ"
    assert not people["admin_a"].has_perm("wards.change_wardsettings")  # never the global permission


def test_site_admin_sees_and_lifts_only_its_wards_lockouts(client, wards, people):
    from axes.models import AccessAttempt

    for _ in range(5):
        client.post("/admin/login/", {"username": "bientap_tsh", "password": "sai"}, REMOTE_ADDR="198.51.100.7")
    attempt = AccessAttempt.objects.get(username="bientap_tsh")
    url = reverse("accounts_lockouts")

    client.force_login(people["admin_a"])
    assert "bientap_tsh" not in client.get(url).content.decode()
    assert client.post(url, {"attempt": attempt.pk}).status_code == 404
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()

    client.force_login(people["admin_b"])
    assert "bientap_tsh" in client.get(url).content.decode()
    client.post(url, {"attempt": attempt.pk})
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
