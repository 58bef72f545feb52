"""The admin's sidebar as a superuser sees it: every item, from Wagtail's menu registry."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

pytestmark = pytest.mark.django_db

# The sidebar cuts a top-level label past about 14 characters ("Tổ chức, công k…").
MAX_TOP_LEVEL_LABEL = 14


def _top_level_items():
    user = get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "x")
    request = RequestFactory().get("/admin/")
    request.user = user
    items = admin_menu.menu_items_for_request(request)
    from wagtail import hooks

    for hook in hooks.get_hooks("construct_main_menu"):
        hook(request, items)
    return items


def test_top_level_menu_labels_fit_the_sidebar():
    items = _top_level_items()
    assert len(items) > 8
    too_long = [item.label for item in items if len(item.label) > MAX_TOP_LEVEL_LABEL]
    assert too_long == []


def test_help_leads_to_our_vietnamese_guide(client):
    items = _top_level_items()
    names = {item.name: item for item in items}
    assert "help" not in names
    assert names["huong-dan"].url == "/admin/huong-dan/"
    client.force_login(get_user_model().objects.get(username="quantri"))
    html = client.get("/admin/huong-dan/").content.decode()
    for section in ("Viết một bài tin", "Thêm ảnh", "Gửi bài", "Duyệt bài", "Hẹn giờ", "hỏi đáp", "Excel"):
        assert section in html
    assert "wagtail.org" not in html
