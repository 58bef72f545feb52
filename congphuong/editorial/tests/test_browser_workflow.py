"""The editorial workflow through the real admin in headless Chromium.

An editor writes an article and submits it; a leader approves it from the page editor (unchanged, and
after fixing a typo) and the article is public; a leader requests changes with a comment and the editor
reads it; an article with a go-live date in the future is approved, stays hidden, and
`manage.py publish_scheduled` publishes it once the date has passed.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from wagtail.models import Page

from congphuong.core.tests.browser import BROWSER_MARKS, new_page, sign_in
from congphuong.editorial.tests.factories import PASSWORD, make_four_eyes_workflow, make_user
from congphuong.news.models import ArticlePage
from congphuong.news.tests.factories import CategoryPageFactory

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newsroom(ward):
    home = ward.root_page.specific
    category = CategoryPageFactory(parent=home, title="Tin tức – sự kiện", slug="tin-tuc-su-kien")
    _, editors, approvers = make_four_eyes_workflow(home)
    return {
        "category": category,
        "editor": make_user("bientap", editors, first_name="Lan"),
        "leader": make_user("lanhdao", approvers, first_name="Minh"),
    }


def _signed_in(chromium, base, username):
    page, _ = new_page(
        chromium, viewport={"width": 1280, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    sign_in(page, base, username, PASSWORD)
    return page


def _open_action_menu(page):
    page.locator("footer .w-dropdown__toggle").first.click()


def _write_and_submit(page, base, category, title, go_live_at=None):
    page.goto(f"{base}/admin/pages/add/news/articlepage/{category.pk}/")
    page.fill("#id_title", title)
    page.fill("#id_lead", "Đoạn dẫn của bài viết gửi lãnh đạo duyệt.")
    if go_live_at is not None:
        page.locator('[data-side-panel-toggle="status"]').first.click()
        page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
        page.fill("#id_go_live_at", go_live_at)
        # Close the date picker, as a click beside it does, so that it uncovers the dialog's button. The
        # picker opens on focus with a delay: on a loaded machine it can open after the first click, so
        # click beside it until it is gone, as a person would.
        picker = page.locator(".xdsoft_datetimepicker:visible")
        heading = page.locator("#schedule-publishing-dialog [id$=title], #schedule-publishing-dialog h2").first
        for _ in range(10):
            heading.click()
            page.wait_for_timeout(300)
            if picker.count() == 0:
                break
        assert picker.count() == 0, "the date picker stayed open over the dialog"
        assert page.input_value("#id_go_live_at") == go_live_at
        with page.expect_navigation():  # "Lưu lịch": the draft is saved with its schedule
            page.locator("#schedule-publishing-dialog button[type=submit]").click()
        page.wait_for_load_state()
    _open_action_menu(page)
    page.locator("button[name=action-submit]").click()
    # Wait for the outcome, the parent's explorer, not for any navigation: the editor's autosave
    # rewrites the address (a same-document navigation) while the submission is still on its way.
    try:
        page.wait_for_url(re.compile(rf"/admin/pages/{category.pk}/(\?.*)?$"), timeout=30_000)
    except PlaywrightTimeoutError:
        errors = page.locator(".messages, .error-message").all_inner_texts()
        errors += page.locator("[aria-invalid=true]").evaluate_all("els => els.map(e => e.id + '=' + e.value)")
        errors += [page.input_value("#id_title"), page.input_value("#id_lead")]
        raise AssertionError(f"the submission did not go through: {page.url} {errors}") from None
    article = ArticlePage.objects.get(title=title)
    assert article.current_workflow_state is not None, "the article was not submitted"
    return article


def _approve_from_editor(page, base, article, new_title=None):
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    if new_title is not None:
        page.fill("#id_title", new_title)
    _open_action_menu(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Phê duyệt và xuất bản", exact=True).click()
    page.wait_for_load_state()
    return page.content()


def _public_status_and_text(page, base, article):
    response = page.goto(base + Page.objects.get(pk=article.pk).specific.url)
    return response.status, page.locator("h1").first.inner_text() if response.status == 200 else ""


def test_leader_approves_from_the_editor_unchanged_and_after_fixing_a_typo(live_server, newsroom, chromium):
    base = live_server.url
    writer = _signed_in(chromium, base, "bientap")
    first = _write_and_submit(writer, base, newsroom["category"], "Phường ra quân dọn vệ sinh môi trường")
    second = _write_and_submit(writer, base, newsroom["category"], "Hội nghị tổng kết công tác khuyến hoc")

    leader = _signed_in(chromium, base, "lanhdao")
    leader.goto(base + "/admin/")
    assert "Phường ra quân dọn vệ sinh môi trường" in leader.content()  # the "Chờ duyệt" panel

    html = _approve_from_editor(leader, base, first)
    assert "không có quyền" not in html
    first = Page.objects.get(pk=first.pk)
    assert first.live and first.current_workflow_state is None
    assert _public_status_and_text(writer, base, first) == (200, "Phường ra quân dọn vệ sinh môi trường")

    _approve_from_editor(leader, base, second, new_title="Hội nghị tổng kết công tác khuyến học")
    second = Page.objects.get(pk=second.pk)
    assert second.live
    assert _public_status_and_text(writer, base, second) == (200, "Hội nghị tổng kết công tác khuyến học")
    # The leader's correction is on the record, with what changed.
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(page=second, action="congphuong.review_edit")
    assert entry.user.username == "lanhdao"
    assert "khuyến hoc" in str(entry.data) and "khuyến học" in str(entry.data)


def test_leader_requests_changes_with_a_comment_and_the_editor_reads_it(live_server, newsroom, chromium):
    base = live_server.url
    writer = _signed_in(chromium, base, "bientap")
    article = _write_and_submit(writer, base, newsroom["category"], "Thông báo lịch tiếp công dân tháng 12")

    leader = _signed_in(chromium, base, "lanhdao")
    leader.goto(f"{base}/admin/pages/{article.pk}/edit/")
    _open_action_menu(leader)
    leader.locator("button[data-workflow-action-name=reject]").click()
    modal = leader.locator(".modal.in")
    modal.locator("textarea[name=comment]").fill("Bổ sung giờ tiếp dân buổi chiều.")
    with leader.expect_navigation():
        modal.locator("button[type=submit]").click()
    leader.wait_for_load_state()

    state = Page.objects.get(pk=article.pk).current_workflow_state
    assert state is not None and state.status == "needs_changes"
    assert not Page.objects.get(pk=article.pk).live

    writer.goto(f"{base}/admin/pages/{article.pk}/workflow_history/")
    writer.locator("table a[href*='workflow_history/detail']").first.click()
    writer.wait_for_load_state()
    assert "Bổ sung giờ tiếp dân buổi chiều." in writer.content()
    assert any("Bổ sung giờ tiếp dân buổi chiều." in message.body for message in mail.outbox)


def test_scheduled_article_goes_public_only_after_approval_and_its_date(live_server, newsroom, chromium, monkeypatch):
    base = live_server.url
    go_live = (timezone.localtime() + datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    writer = _signed_in(chromium, base, "bientap")
    article = _write_and_submit(
        writer,
        base,
        newsroom["category"],
        "Lịch cắt điện khu phố 3",
        go_live_at=go_live.strftime(settings.WAGTAIL_DATETIME_FORMAT),
    )
    assert article.go_live_at == go_live, "the go-live date was not saved"

    leader = _signed_in(chromium, base, "lanhdao")
    _approve_from_editor(leader, base, article)
    call_command("publish_scheduled")
    article = Page.objects.get(pk=article.pk)
    assert not article.live, "published before its go-live date"
    assert article.current_workflow_state is None  # approved: scheduled, not waiting
    assert _public_status_and_text(writer, base, article)[0] == 404

    # An hour later, by the job's clock (the browser is idle meanwhile).
    later = go_live + datetime.timedelta(minutes=1)
    with monkeypatch.context() as clock:
        clock.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled")
    article = Page.objects.get(pk=article.pk)
    assert article.live
    assert _public_status_and_text(writer, base, article) == (200, "Lịch cắt điện khu phố 3")
