"""Issue 14, ward isolation: the holes a first attacker found, each replayed against the demo data.

Ward A is Phường Bình An, ward B Phường Tân Sơn Hòa; the attackers are ward B's demo accounts.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.log_actions import registry as log_registry

from .conftest import account
from .forms import main_form_data

User = get_user_model()


def client_for(username):
    client = Client()
    client.force_login(account(username))
    return client


def superuser_client():
    user = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "kiemtra_root", "root@example.vn", "x"
    )
    client = Client()
    client.force_login(user)
    return client


def form_of(url):
    """The form a superuser sees at `url` (the attacker knows Wagtail's forms: it is open source)."""
    response = superuser_client().get(url)
    assert response.status_code == 200, url
    return main_form_data(response.content.decode())


# 1. Account takeover through the user "copy" view --------------------------------------------------------


def _user_state(user):
    user.refresh_from_db()
    groups = sorted(user.groups.values_list("pk", flat=True))
    return (user.is_superuser, user.is_staff, user.email, user.password, groups)


def test_a_ward_admin_cannot_make_itself_superuser_through_copy(wards):
    attacker = account("quantri_tsh")
    before = _user_state(attacker)
    data = {
        "username": attacker.username,
        "email": "quantri_tsh@example.vn",
        "first_name": "Võ Thanh",
        "last_name": "Tâm",
        "password1": "Mat-khau-moi-2025!",
        "password2": "Mat-khau-moi-2025!",
        "is_active": "on",
        "is_superuser": "on",
        "groups": list(attacker.groups.values_list("pk", flat=True)),
    }
    response = client_for("quantri_tsh").post(f"/admin/users/copy/{attacker.pk}/", data)
    assert response.status_code == 404
    assert _user_state(attacker) == before
    assert not User.objects.filter(is_superuser=True, username="quantri_tsh").exists()


def test_a_ward_admin_cannot_rewrite_another_wards_admin_through_copy(wards):
    victim = account("quantri")
    before = _user_state(victim)
    data = {
        "username": victim.username,
        "email": "ke-gian@example.com",
        "first_name": "X",
        "last_name": "Y",
        "password1": "Mat-khau-moi-2025!",
        "password2": "Mat-khau-moi-2025!",
        "is_active": "on",
        "is_superuser": "on",
    }
    response = client_for("quantri_tsh").post(f"/admin/users/copy/{victim.pk}/", data)
    assert response.status_code == 404
    assert _user_state(victim) == before
    assert not log_registry.get_logs_for_instance(victim).filter(action="wagtail.create").exists()


def test_no_copy_view_is_open_to_a_ward_user(wards):
    """Wagtail's copy form saves into the original: every copy view a ward user could reach is switched off."""
    from django.urls import URLResolver, get_resolver
    from wagtail.admin.views.generic.models import CopyViewMixin
    from wagtail.permissions import policy_registry

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            else:
                yield pattern

    ward_users = list(User.objects.filter(is_superuser=False, is_active=True))
    assert len(ward_users) >= 8
    open_copies = []
    for pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, CopyViewMixin):
            continue
        model = pattern.callback.view_initkwargs.get("model") or view_class.model
        policy = policy_registry.get_by_type(model)
        for user in ward_users:
            if policy.user_has_any_permission(user, ["add", "change"]):
                open_copies.append((str(pattern.pattern), model._meta.label, user.username))
    assert open_copies == []


# 2. Cross-ward edits through snippet copy views, and another ward's `site` on create/edit ----------------


def _leader_state(leader):
    leader.refresh_from_db()
    return (leader.site_id, leader.full_name, leader.live, leader.has_unpublished_changes, leader.latest_revision_id)


def test_an_editor_cannot_move_another_wards_leader_through_copy(wards):
    from congphuong.organisation.models import Leader

    site_a, site_b = wards
    leader = Leader.objects.filter(site=site_a, live=True).order_by("sort_order").first()
    before = _leader_state(leader)
    url = f"/admin/snippets/organisation/leader/copy/{leader.pk}/"
    data = {"site": [str(site_b.pk)], "full_name": ["Kẻ Mạo Danh"], "position": ["Bí thư Đảng ủy"], "sort_order": ["1"]}
    response = client_for("bientap_tsh").post(url, data)
    assert response.status_code == 404
    assert _leader_state(leader) == before


def test_a_site_admin_cannot_move_another_wards_disclosure_category_through_copy(wards):
    from congphuong.organisation.models import DisclosureCategory

    site_a, site_b = wards
    category = DisclosureCategory.objects.filter(site=site_a).first()
    before = (category.site_id, category.name, category.slug)
    url = f"/admin/snippets/organisation/disclosurecategory/copy/{category.pk}/"
    data = {"site": str(site_b.pk), "name": "Đã bị chiếm", "slug": category.slug, "minimum_days": "30"}
    response = client_for("quantri_tsh").post(url, data)
    assert response.status_code == 404
    category.refresh_from_db()
    assert (category.site_id, category.name, category.slug) == before


@pytest.mark.parametrize(
    ("username", "app_model"),
    [
        ("bientap_tsh", "organisation/leader"),
        ("quantri_tsh", "organisation/disclosurecategory"),
        ("quantri_tsh", "wards/yeartheme"),
    ],
)
def test_a_ward_user_cannot_create_or_move_a_snippet_into_another_ward(wards, username, app_model):
    from django.apps import apps

    site_a, site_b = wards
    model = apps.get_model(*app_model.split("/"))
    own = model.objects.filter(site=site_b).first()
    client = client_for(username)
    count_a = model.objects.filter(site=site_a).count()

    data = form_of(f"/admin/snippets/{app_model}/edit/{own.pk}/")
    data["site"] = [str(site_a.pk)]
    client.post(f"/admin/snippets/{app_model}/edit/{own.pk}/", data)
    own.refresh_from_db()
    assert own.site_id == site_b.pk

    for field in ("slug", "year"):
        if field in data:
            data[field] = ["moi-2099"] if field == "slug" else ["2099"]
    client.post(f"/admin/snippets/{app_model}/add/", data)
    assert model.objects.filter(site=site_a).count() == count_a


# 5. Other wards' personal data through "history" and "usage", the document API, the page types report ---


HISTORY_CASES = [
    ("khuyenhoc_tsh", "learning.Citizen", "/admin/xa-hoi-hoc-tap/cong-dan/{view}/{pk}/", "full_name"),
    ("khuyenhoc_tsh", "learning.Household", "/admin/xa-hoi-hoc-tap/ho-gia-dinh/{view}/{pk}/", "head_name"),
    ("khuyenhoc_tsh", "learning.Registration", "/admin/xa-hoi-hoc-tap/dang-ky/{view}/{pk}/", "subject_name"),
    ("lanhdao_tsh", "learning.RecognitionDecision", "/admin/xa-hoi-hoc-tap/quyet-dinh/{view}/{pk}/", "number"),
    ("quantri_tsh", "learning.WardAssignment", "/admin/xa-hoi-hoc-tap/phan-cong-phuong/{view}/{pk}/", None),
    ("quantri_tsh", "feedback.Topic", "/admin/hoi-dap-chu-de/{view}/{pk}/", "name"),
    ("quantri_tsh", "wards.YearTheme", "/admin/snippets/wards/yeartheme/{view}/{pk}/", "text"),
]


@pytest.mark.parametrize(("username", "label", "url", "field"), HISTORY_CASES)
@pytest.mark.parametrize("view", ["history", "history-results", "usage"])
def test_history_and_usage_of_another_wards_record_are_not_found(wards, username, label, url, field, view):
    from django.apps import apps

    site_a, _ = wards
    model = apps.get_model(label)
    record = model.objects.filter(site=site_a).order_by("pk").first()
    assert record is not None, label
    response = client_for(username).get(url.format(view=view, pk=record.pk))
    assert response.status_code == 404
    if field:
        assert str(getattr(record, field)) not in response.content.decode()


def _json(response):
    return json.loads(response.content.decode())


def api_titles(client):
    """Every title the admin document API lists to `client` (page by page: the API caps the limit)."""
    titles, offset = set(), 0
    while True:
        response = client.get(f"/admin/api/main/documents/?limit=20&offset={offset}")
        if response.status_code != 200:
            return titles
        items = _json(response)["items"]
        titles |= {item["title"] for item in items}
        if len(items) < 20:
            return titles
        offset += 20


def test_the_admin_document_api_lists_only_the_users_files(wards):
    from wagtail.documents import get_document_model

    from congphuong.editorial.models import WardCollection
    from congphuong.learning.models import WardFileCollection

    site_a, _ = wards
    Document = get_document_model()  # noqa: N806
    collections = [WardCollection.objects.get(site=site_a).collection]
    collections += [link.collection for link in WardFileCollection.objects.filter(site=site_a)]
    files_a = Document.objects.none()
    for collection in collections:
        files_a |= Document.objects.filter(collection__path__startswith=collection.path)
    titles_a = set(files_a.values_list("title", flat=True))
    assert titles_a, "the demo has files of ward A"
    assert titles_a <= api_titles(superuser_client())  # the superuser sees them: the listing works
    for username in ("bientap_tsh", "lanhdao_tsh", "quantri_tsh", "khuyenhoc_tsh"):
        client = client_for(username)
        assert not api_titles(client) & titles_a, username
        for document in files_a[:3]:
            assert client.get(f"/admin/api/main/documents/{document.pk}/").status_code == 404, username


def test_the_page_types_usage_report_is_for_superusers_only(wards):
    from wagtail.models import Page

    site_a, _ = wards
    drafts_a = Page.objects.filter(path__startswith=site_a.root_page.path, live=False)
    for username in ("bientap_tsh", "lanhdao_tsh", "quantri_tsh"):
        client = client_for(username)
        for url in ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (username, url)
            page = response.content.decode()
            assert not [title for title in drafts_a.values_list("title", flat=True) if title in page]
    assert superuser_client().get("/admin/reports/page-types-usage/").status_code == 200


# 8 (part). The assignee list names only the question's ward's staff -------------------------------------


def test_the_assignee_list_offers_only_the_wards_staff(wards):
    from congphuong.feedback.models import Question

    _, site_b = wards
    question = Question.objects.filter(site=site_b).first()
    assert question is not None
    data = form_of(f"/admin/hoi-dap-phan-anh/edit/{question.pk}/")
    assert "assignee" in data
    response = client_for("lanhdao_tsh").get(f"/admin/hoi-dap-phan-anh/edit/{question.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    for outsider in ("bientap", "lanhdao", "quantri"):
        user = account(outsider)
        assert f'<option value="{user.pk}"' not in page, outsider
    assert f'<option value="{account("bientap_tsh").pk}"' in page
    listing = client_for("lanhdao_tsh").get("/admin/hoi-dap-phan-anh/")
    for outsider in ("bientap", "lanhdao", "quantri"):
        assert f'<option value="{account(outsider).pk}"' not in listing.content.decode(), outsider


# 9. Found by the every-URL test ---------------------------------------------------------------------------


def test_a_ward_admin_cannot_open_another_wards_accounts_through_bulk_actions(wards):
    victim = account("bientap")
    before = _user_state(victim)
    own = account("bientap_tsh")
    client = client_for("quantri_tsh")
    for action in ("set_active_state", "assign_role", "delete"):
        url = f"/admin/bulk/auth/user/{action}/"
        response = client.get(url, {"id": victim.pk, "next": "/admin/"})
        assert response.status_code == 404, action
        assert victim.get_full_name() not in response.content.decode()
        assert client.post(f"{url}?id={victim.pk}", {"mark_as_active": ""}).status_code == 404
        # The ward's own cadres stay reachable: the guard is not a wall.
        assert client.get(url, {"id": own.pk, "next": "/admin/"}).status_code == 200, action
        assert client.get(url, {"id": "all", "next": "/admin/"}).status_code == 403, action
    assert _user_state(victim) == before


def test_the_site_history_shows_only_the_wards_own_records(wards):
    from congphuong.feedback.models import Question

    site_a, site_b = wards
    root = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("kiemtra_root", "", "x")
    question_a = Question.objects.filter(site=site_a).first()
    question_b = Question.objects.filter(site=site_b).first()
    log_registry.log(question_a, "wagtail.edit", user=root, title="Câu hỏi riêng của phường A")
    log_registry.log(question_b, "wagtail.edit", user=root, title="Câu hỏi riêng của phường B")
    client = client_for("lanhdao_tsh")
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        page = client.get(url).content.decode()
        assert "Câu hỏi riêng của phường A" not in page, url
        assert "Câu hỏi riêng của phường B" in page, url
    assert "Câu hỏi riêng của phường A" in superuser_client().get("/admin/reports/site-history/").content.decode()


def test_the_workflow_reports_are_for_superusers_only(wards):
    urls = (
        "/admin/reports/workflow/",
        "/admin/reports/workflow/results/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/workflow_tasks/results/",
    )
    for username in ("bientap_tsh", "lanhdao_tsh", "quantri_tsh"):
        client = client_for(username)
        for url in urls:
            assert client.get(url).status_code in (302, 403, 404), (username, url)
        menu = client.get("/admin/").content.decode()
        assert "/admin/reports/workflow/" not in menu and "/admin/reports/workflow_tasks/" not in menu
    assert superuser_client().get(urls[0]).status_code == 200


def test_the_ward_assignment_offers_no_other_wards_cadres(wards):
    client = client_for("quantri_tsh")
    page = client.get("/admin/xa-hoi-hoc-tap/phan-cong-phuong/new/").content.decode()
    match = re.search(r'<select name="user".*?</select>', page, re.S)
    assert match, "no account picker"
    page = match.group(0)
    for outsider in ("bientap", "lanhdao", "quantri", "khuyenhoc"):
        assert f'<option value="{account(outsider).pk}"' not in page, outsider
    for insider in ("bientap_tsh", "khuyenhoc_tsh"):
        assert f'<option value="{account(insider).pk}"' in page, insider
