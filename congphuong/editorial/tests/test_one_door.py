"""Publishing has one door: every route that can make content live, listed from Wagtail's registries
(the admin API's page actions, the bulk action registry, the admin URL conf of pages, snippets with a
live state and bulk actions, every model with DraftStateMixin), is tried as an editor and as a leader
on their own work, and nothing becomes live: no new live page or snippet, no new live revision, no
live title changed, no publication scheduled.
"""

import re

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.log_actions import LogContext
from wagtail.models import DraftStateMixin, Page, Revision
from wagtail.snippets.models import get_snippet_models

from congphuong.editorial.publishing import FourEyesRefusal
from congphuong.editorial.tests.factories import make_four_eyes_workflow, make_user
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.wards.models import YearTheme

pytestmark = pytest.mark.django_db

FAKE = "TIN GIẢ: Ủy ban phường thông báo thu hồi đất toàn phường"
ACTORS = ("editor", "leader_own_work")


@pytest.fixture
def newsroom(home, category, ward):
    workflow, editors, approvers = make_four_eyes_workflow(home)
    return {
        "workflow": workflow,
        "ward": ward,
        "category": category,
        "editor": make_user("bientap", editors),
        "leader_own_work": make_user("lanhdao", approvers),
    }


def _targets(newsroom, actor_name):
    """A live article and a live theme of the year with the actor's unpublished fake version, and the
    actor's own article submitted for review."""
    actor = newsroom[actor_name]
    live = ArticlePageFactory(parent=newsroom["category"], title="Bài đã duyệt", slug="bai-da-duyet")
    live.save_revision(user=newsroom["editor"]).publish()
    live = Page.objects.get(pk=live.pk).specific
    live.title = FAKE
    fake_revision = live.save_revision(user=actor)

    draft = ArticlePageFactory(parent=newsroom["category"], title=FAKE, slug="tin-gia", live=False)
    draft.save_revision(user=actor)
    newsroom["workflow"].start(Page.objects.get(pk=draft.pk), actor)

    theme = YearTheme.objects.create(site=newsroom["ward"], year=2026, text="Năm chuyển đổi số", live=True)
    theme.save_revision().publish()
    theme.text = FAKE
    theme.save_revision(user=actor)
    return {
        "live": Page.objects.get(pk=live.pk),
        "draft": Page.objects.get(pk=draft.pk),
        "theme": theme,
        "fake_revision": fake_revision,
    }


def _snapshot():
    live_models = [m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, Page)]
    return {
        "pages": {p.pk: (p.live_revision_id, p.title) for p in Page.objects.filter(live=True)},
        "snippets": {
            (m._meta.label, obj.pk): (obj.live_revision_id, str(obj.__dict__.get("text", "")))
            for m in live_models
            for obj in m.objects.filter(live=True)
        },
        "scheduled": set(Revision.objects.exclude(approved_go_live_at=None).values_list("pk", flat=True)),
    }


def _assert_nothing_went_live(before, route):
    after = _snapshot()
    assert set(after["pages"]) <= set(before["pages"]), f"{route}: a new live page"
    for pk, state in after["pages"].items():
        assert state == before["pages"][pk], f"{route}: live page {pk} changed {before['pages'][pk]} → {state}"
    assert after["snippets"] == {k: v for k, v in before["snippets"].items() if k in after["snippets"]}, route
    assert set(after["snippets"]) <= set(before["snippets"]), f"{route}: a new live snippet"
    assert after["scheduled"] <= before["scheduled"], f"{route}: a publication was scheduled"
    assert FAKE not in str(after), route


# The admin API's page actions ------------------------------------------------------------------------


@pytest.mark.parametrize("actor_name", ACTORS)
@pytest.mark.parametrize("action_name", sorted(PagesAdminAPIViewSet.actions))
def test_admin_api_page_actions(client, newsroom, actor_name, action_name):
    targets = _targets(newsroom, actor_name)
    client.force_login(newsroom[actor_name])
    payload = {
        "destination_page_id": newsroom["category"].pk,
        "keep_live": True,
        "recursive": False,
        "title": FAKE,
        "slug": "tin-gia-api",
        "update_slug": "tin-gia-alias",
        "revision_id": targets["fake_revision"].pk,
        "position": 0,
    }
    for target in ("live", "draft"):
        before = _snapshot()
        url = f"/admin/api/main/pages/{targets[target].pk}/action/{action_name}/"
        response = client.post(url, payload, content_type="application/json")
        _assert_nothing_went_live(before, f"{url} ({response.status_code})")


def test_admin_api_refusal_says_why(client, newsroom):
    targets = _targets(newsroom, "leader_own_work")
    client.force_login(newsroom["leader_own_work"])
    response = client.post(
        f"/admin/api/main/pages/{targets['live'].pk}/action/copy/",
        {"keep_live": True, "title": FAKE, "slug": "tin-gia-copy"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "lãnh đạo khác phê duyệt" in response.json()["message"]


# Bulk actions -----------------------------------------------------------------------------------------


def _bulk_routes():
    bulk_action_registry._scan_for_bulk_actions()
    return sorted(
        (app_label, model_name, action_type)
        for app_label, models in bulk_action_registry.actions.items()
        for model_name, actions in models.items()
        for action_type in actions
        if issubclass(apps.get_model(app_label, model_name), DraftStateMixin)
    )


@pytest.mark.parametrize("actor_name", ACTORS)
def test_bulk_actions(client, newsroom, actor_name):
    targets = _targets(newsroom, actor_name)
    client.force_login(newsroom[actor_name])
    routes = _bulk_routes()
    assert ("wagtailcore", "page", "publish") in routes
    for app_label, model_name, action_type in routes:
        if action_type == "delete":
            continue  # deleting makes nothing live, and would remove the targets
        ids = [targets["theme"].pk] if model_name == "yeartheme" else [targets["live"].pk, targets["draft"].pk]
        url = reverse("wagtail_bulk_action", args=(app_label, model_name, action_type))
        query = "&".join(f"id={pk}" for pk in ids)
        before = _snapshot()
        response = client.post(f"{url}?{query}&next=/admin/", {"include_descendants": "on"})
        _assert_nothing_went_live(before, f"{url} ({response.status_code})")


# Every admin URL of pages and of snippets with a live state ---------------------------------------------


def _admin_patterns(resolver=None, prefix="", namespaces=()):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            yield from _admin_patterns(pattern, prefix + str(pattern.pattern), namespaces + namespace)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespaces, pattern.name


def _live_snippet_namespaces():
    return {
        model.snippet_viewset.get_admin_url_namespace(): model
        for model in get_snippet_models()
        if issubclass(model, DraftStateMixin)
    }


def _concerns_publishable_content(route, namespaces):
    if not route.startswith("admin/") or "logout" in route or "delete" in route:
        return False
    joined = " ".join(namespaces)
    return (
        "wagtailadmin_pages" in joined
        or "wagtailadmin_api" in joined
        or any(ns in namespaces for ns in _live_snippet_namespaces())
        or "bulk" in route
        or "page" in route
    )


def _fill(route, namespaces, targets, newsroom):
    snippet = any(ns in namespaces for ns in _live_snippet_namespaces())
    page = targets["live"]
    values = {
        "page_id": page.pk,
        "page_pk": page.pk,
        "parent_page_id": newsroom["category"].pk,
        "page_to_move_id": page.pk,
        "destination_id": newsroom["category"].pk,
        "pk": targets["theme"].pk if snippet else page.pk,
        "revision_id": targets["fake_revision"].pk if not snippet else targets["theme"].latest_revision_id,
        "action_name": "approve",
        "content_type_app_name": "news",
        "content_type_model_name": "articlepage",
        "app_label": "wagtailcore",
        "model_name": "page",
        "action": "publish",
    }
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    if "task_state_id" in names or "workflow_state_id" in names:
        draft = targets["draft"]
        state = draft.current_workflow_state
        values.update(page_id=draft.pk, pk=draft.pk, task_state_id=state.current_task_state_id)
        values["workflow_state_id"] = state.pk
    if any(name not in values for name in names):
        return None
    path = "/" + route
    for name in names:
        path = re.sub(r"<(?:\w+:)?" + name + ">", str(values[name]), path)
    return path.replace("^", "").replace("$", "")


PUBLISH_EVERYTHING = {
    "action-publish": "1",
    "action-workflow-action": "1",
    "workflow-action-name": "approve",
    "publish_copies": "on",
    "new_title": FAKE,
    "new_slug": "tin-gia-ban-sao",
    "keep_live": "true",
    "include_descendants": "on",
    "title": FAKE,
    "slug": "tin-gia-moi",
    "comment": "",
}


@pytest.mark.parametrize("actor_name", ACTORS)
def test_every_admin_url_of_publishable_content(client, newsroom, actor_name):
    targets = _targets(newsroom, actor_name)
    client.raise_request_exception = False
    tried = []
    for route, namespaces, name in _admin_patterns():
        if not _concerns_publishable_content(route, namespaces):
            continue
        path = _fill(route, namespaces, targets, newsroom)
        if path is None:
            continue
        payload = dict(PUBLISH_EVERYTHING, new_parent_page=newsroom["category"].pk)
        client.force_login(newsroom[actor_name])
        before = _snapshot()
        response = client.post(path, payload)
        _assert_nothing_went_live(before, f"{name} {path} ({response.status_code})")
        tried.append(path)
    assert any("/copy/" in path for path in tried) and any("/edit/" in path for path in tried)
    assert len(tried) > 40


# The model-level door ---------------------------------------------------------------------------------


@pytest.mark.parametrize("actor_name", ACTORS)
def test_no_model_with_a_live_state_goes_live_on_behalf_of_a_bound_user(newsroom, actor_name):
    models = [m for m in apps.get_models() if issubclass(m, DraftStateMixin)]
    assert YearTheme in models and any(issubclass(model, Page) for model in models)
    with LogContext(user=newsroom[actor_name]):
        for model in models:
            instance = model(live=True)
            with pytest.raises(FourEyesRefusal):
                instance.save(clean=False) if issubclass(model, Page) else instance.save()
    revision = newsroom["category"].save_revision()
    with LogContext(user=newsroom[actor_name]):
        revision.approved_go_live_at = timezone.now()
        with pytest.raises(FourEyesRefusal):
            revision.save(update_fields=["approved_go_live_at"])


def test_superuser_allowed_by_the_setting_may_publish_directly(newsroom, settings):
    settings.CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE = True
    boss = make_user("quantri_cap_cao", is_superuser=True)
    targets = _targets(newsroom, "editor")
    with LogContext(user=boss):
        targets["live"].get_latest_revision().publish(user=boss)
    assert Page.objects.get(pk=targets["live"].pk).title == FAKE
