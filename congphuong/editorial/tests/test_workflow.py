import datetime
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from congphuong.editorial.tests.factories import make_four_eyes_workflow, make_user
from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home, category):
    workflow, editors, approvers = make_four_eyes_workflow(home)
    return {
        "workflow": workflow,
        "editor": make_user("bientap", editors, first_name="Lan"),
        "approver": make_user("lanhdao", approvers, first_name="Minh"),
        "approver2": make_user("lanhdao2", approvers, first_name="Hùng"),
        "both": make_user("kiemnhiem", editors, approvers, first_name="Hoa"),
        "category": category,
    }


def _draft(category, user, title="Bài chờ duyệt"):
    article = ArticlePageFactory(parent=category, title=title, live=False)
    article.save_revision(user=user)
    return Page.objects.get(pk=article.pk).specific


def _submit(page, user, workflow):
    page.specific.save_revision(user=user)
    return workflow.start(page, user)


def _still_waiting(page):
    page = Page.objects.get(pk=page.pk)
    return not page.live and page.current_workflow_task_state is not None


def _approve(client, user, page):
    client.force_login(user)
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": ""})


def test_approver_cannot_approve_own_submission(client, setup):
    page = _draft(setup["category"], setup["approver"])
    _submit(page, setup["approver"], setup["workflow"])
    _approve(client, setup["approver"], page)
    assert _still_waiting(page)


def test_user_in_both_groups_cannot_approve_own_submission(client, setup):
    page = _draft(setup["category"], setup["both"])
    _submit(page, setup["both"], setup["workflow"])
    _approve(client, setup["both"], page)
    assert _still_waiting(page)


def test_another_leader_approves_and_it_goes_live(client, setup):
    page = _draft(setup["category"], setup["editor"])
    _submit(page, setup["editor"], setup["workflow"])
    response = _approve(client, setup["approver"], page)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_superuser_bound_by_four_eyes_unless_setting(client, setup, settings):
    boss = make_user("quantri_cap_cao", is_superuser=True)
    page = _draft(setup["category"], boss, title="Bài của quản trị")
    _submit(page, boss, setup["workflow"])
    _approve(client, boss, page)
    assert _still_waiting(page)
    settings.CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE = True
    assert _approve(client, boss, page).status_code == 302
    page.refresh_from_db()
    assert page.live


def _edit_post_data(page, action):
    return {
        "title": page.title,
        "slug": page.slug,
        "intro": "",
        "show_on_home": "on",
        "seo_title": "",
        "search_description": "",
        action: "1",
    }


@pytest.mark.parametrize("who", ["editor", "approver"])
def test_direct_publish_from_the_editor_is_refused(client, setup, who):
    from congphuong.news.tests.factories import CategoryPageFactory

    category = CategoryPageFactory(parent=setup["category"].get_parent(), title="Danh mục nháp", live=False)
    category.save_revision(user=setup[who])
    client.force_login(setup[who])
    url = reverse("wagtailadmin_pages:edit", args=(category.pk,))
    edit_page = client.get(url).content.decode()
    assert 'name="action-publish"' not in edit_page  # no Publish button
    response = client.post(url, _edit_post_data(category, "action-publish"), follow=True)
    category.refresh_from_db()
    assert not category.live
    assert "lãnh đạo khác phê duyệt" in response.content.decode()


def test_scheduled_page_goes_live_when_the_job_runs(setup):
    page = _draft(setup["category"], setup["editor"], title="Thông báo hẹn giờ")
    specific = page
    specific.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    revision = specific.save_revision(user=setup["editor"])
    # An approver's approval publishes the revision: with a future go-live it is scheduled.
    revision.publish(user=setup["approver"])
    page.refresh_from_db()
    assert not page.live, (page.live, page.go_live_at, revision.approved_go_live_at)
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live  # not yet time
    time.sleep(1.2)
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live


def test_approvers_notified_in_vietnamese_and_author_gets_the_comment(client, setup):
    page = _draft(setup["category"], setup["editor"], title="Bài cần sửa")
    _submit(page, setup["editor"], setup["workflow"])
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"lanhdao@example.vn", "lanhdao2@example.vn"} <= recipients
    assert "bientap@example.vn" not in recipients
    body = "\n".join(message.body for message in mail.outbox)
    assert "Bài cần sửa" in body
    assert "duyệt" in body.lower()
    mail.outbox.clear()

    client.force_login(setup["approver"])
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    client.post(url, {"comment": "Cần bổ sung số liệu học bổng."})
    to_author = [message for message in mail.outbox if "bientap@example.vn" in message.to]
    assert to_author, "the author was not told"
    assert "Cần bổ sung số liệu học bổng." in to_author[0].body


def test_awaiting_review_panel_lists_oldest_first_without_own_work(client, setup):
    first = _draft(setup["category"], setup["editor"], title="Bài gửi trước")
    _submit(first, setup["editor"], setup["workflow"])
    second = _draft(setup["category"], setup["editor"], title="Bài gửi sau")
    _submit(second, setup["editor"], setup["workflow"])
    own = _draft(setup["category"], setup["approver"], title="Bài của chính lãnh đạo")
    _submit(own, setup["approver"], setup["workflow"])

    client.force_login(setup["approver"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chờ duyệt" in html
    assert html.index("Bài gửi trước") < html.index("Bài gửi sau")
    panel = html[html.index("Chờ duyệt") :]
    assert "Bài của chính lãnh đạo" not in panel.split("</section>")[0]


# Review edits: what a leader may change while reviewing (docs/editorial-workflow.md) ---------------


def _leader_edit(page, user, **changes):
    specific = Page.objects.get(pk=page.pk).specific
    for field, value in changes.items():
        setattr(specific, field, value)
    return specific.save_revision(user=user)


def _queue_of(user, page):
    page = Page.objects.get(pk=page.pk)
    return page.current_workflow_task.specific.get_actions(page, user)


def test_leader_fixes_a_typo_and_approves_and_the_fix_is_logged(client, setup):
    from wagtail.models import PageLogEntry

    page = _draft(setup["category"], setup["editor"], title="Hội nghị tổng kết công tác khuyến hoc")
    _submit(page, setup["editor"], setup["workflow"])
    _leader_edit(page, setup["approver"], title="Hội nghị tổng kết công tác khuyến học")
    assert _queue_of(setup["approver"], page), "the leader's own correction took the task out of their queue"
    _approve(client, setup["approver"], page)
    page = Page.objects.get(pk=page.pk)
    assert page.live and page.title == "Hội nghị tổng kết công tác khuyến học"
    entry = PageLogEntry.objects.get(page=page, action="congphuong.review_edit")
    assert entry.user == setup["approver"]
    change = entry.data["changes"][0]
    assert change["field"] == "title" and "khuyến hoc" in change["before"] and "khuyến học" in change["after"]


def test_leader_cannot_rewrite_an_article_and_approve_it_alone(client, setup):
    page = _draft(setup["category"], setup["editor"], title="Phường tổ chức ngày hội đọc sách")
    _submit(page, setup["editor"], setup["workflow"])
    _leader_edit(page, setup["approver"], title="TIN GIẢ: " + "Ủy ban phường thông báo thu hồi đất toàn phường " * 5)
    response = _approve(client, setup["approver"], page)
    assert response.status_code == 302
    assert _still_waiting(page)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("lãnh đạo khác phê duyệt" in message for message in messages), messages
    # Refused, the task stays in both leaders' queues: the other leader reviews the rewrite.
    assert _queue_of(setup["approver"], page) and _queue_of(setup["approver2"], page)
    _approve(client, setup["approver2"], page)
    assert Page.objects.get(pk=page.pk).live


def test_leader_who_wrote_the_draft_is_an_author_even_if_an_editor_submits_it(client, setup):
    page = _draft(setup["category"], setup["approver"], title="Bài lãnh đạo viết, biên tập viên gửi")
    _leader_edit(page, setup["editor"], lead="Sửa một chữ.")
    setup["workflow"].start(Page.objects.get(pk=page.pk), setup["editor"])
    assert not _queue_of(setup["approver"], page)
    _approve(client, setup["approver"], page)
    assert _still_waiting(page)


def test_a_correction_in_an_earlier_review_does_not_bar_the_leader_later(client, setup):
    page = _draft(setup["category"], setup["editor"], title="Bài duyệt hai vòng")
    _submit(page, setup["editor"], setup["workflow"])
    _leader_edit(page, setup["approver"], lead="Đoạn dẫn đã sửa chính tả.")
    client.force_login(setup["approver"])
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)), {"comment": "Bổ sung"}
    )
    _leader_edit(page, setup["editor"], lead="Đoạn dẫn đã sửa chính tả, có thêm số liệu.")
    state = Page.objects.get(pk=page.pk).current_workflow_state
    state.resume(user=setup["editor"])
    assert _queue_of(setup["approver"], page)
    _approve(client, setup["approver"], page)
    assert Page.objects.get(pk=page.pk).live
