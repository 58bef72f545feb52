"""The roles and workflow as `setup_roles` builds them on a real install."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

from congphuong.editorial.models import FourEyesApprovalTask
from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN, TASK_NAME, WORKFLOW_NAME, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.wards.models import YearTheme

pytestmark = pytest.mark.django_db


def _groups():
    return {name: Group.objects.get(name=name) for name in (EDITOR, APPROVER, SITE_ADMIN)}


def test_setup_roles_builds_a_four_eyes_workflow_on_every_ward(home, capsys):
    call_command("setup_roles")
    assert "Lãnh đạo duyệt bài" in capsys.readouterr().out
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [step.task.specific for step in WorkflowTask.objects.filter(workflow=workflow)]
    assert [type(task) for task in tasks] == [FourEyesApprovalTask]
    assert home.get_workflow() == workflow
    assert YearTheme().get_workflow() == workflow
    # App permissions come with it, without the demo.
    assert _groups()[EDITOR].permissions.filter(content_type__app_label="organisation").exists()
    assert Group.objects.filter(name="Cán bộ khuyến học").exists()


def test_an_older_stock_task_is_replaced_so_self_approval_stays_impossible(home, category, client):
    stock = GroupApprovalTask.objects.create(name=TASK_NAME)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=stock, sort_order=0)
    ensure_roles([home])
    stock.refresh_from_db()
    assert not stock.active
    assert [step.task.specific_class for step in workflow.workflow_tasks.all()] == [FourEyesApprovalTask]

    leader = make_user("lanhdao", _groups()[APPROVER])
    article = ArticlePageFactory(parent=category, title="Bài lãnh đạo tự viết", live=False)
    article.save_revision(user=leader)
    workflow.start(article, leader)
    task_state = Page.objects.get(pk=article.pk).current_workflow_task_state
    client.force_login(leader)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)))
    article.refresh_from_db()
    assert not article.live


def test_theme_of_the_year_goes_live_only_through_a_leaders_approval(ward, client):
    groups = ensure_roles([ward.root_page])
    admin = make_user("quantri", groups[SITE_ADMIN], first_name="Hà")
    leader = make_user("lanhdao", groups[APPROVER], first_name="Minh")
    theme = YearTheme(site=ward, year=2026, text="Năm chuyển đổi số toàn diện", live=False)
    theme.save()
    theme.save_revision(user=admin)
    workflow = theme.get_workflow()
    workflow.start(theme, admin)
    mail.outbox.clear()

    # The site administrator who submitted it cannot approve it.
    task_state = YearTheme.objects.get(pk=theme.pk).current_workflow_task_state
    assert task_state.task.specific.get_actions(theme, admin) == []
    url = reverse("wagtailsnippets_wards_yeartheme:workflow_action", args=(theme.pk, "approve", task_state.pk))
    client.force_login(leader)
    response = client.post(url, {"comment": "Đồng ý, treo từ đầu tháng."})
    assert response.status_code in (200, 302)
    theme.refresh_from_db()
    assert theme.live
    assert YearTheme.objects.current(ward, today=theme_day()) == theme
    to_author = [message for message in mail.outbox if "quantri@example.vn" in message.to]
    assert to_author and "Đồng ý, treo từ đầu tháng." in to_author[0].body


def theme_day():
    import datetime

    return datetime.date(2026, 6, 1)


def test_author_reads_the_approvers_comment_on_approval(home, category, client):
    groups = ensure_roles([home])
    editor = make_user("bientap", groups[EDITOR], first_name="Lan")
    leader = make_user("lanhdao", groups[APPROVER], first_name="Minh", last_name="Trần")
    article = ArticlePageFactory(parent=category, title="Tin hội khuyến học", live=False)
    article.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(article, editor)
    mail.outbox.clear()
    task_state = Page.objects.get(pk=article.pk).current_workflow_task_state
    client.force_login(leader)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)),
        {"comment": "Đồng ý đăng, lần sau ghi rõ nguồn ảnh."},
    )
    article.refresh_from_db()
    assert article.live
    to_author = [message.body for message in mail.outbox if message.to == ["bientap@example.vn"]]
    body = next((text for text in to_author if "quy trình" in text), "")
    assert "Đồng ý đăng, lần sau ghi rõ nguồn ảnh." in body
    assert "Minh" in body
    assert "đã được duyệt" in body.lower() or "đã được phê duyệt" in body.lower()


def test_site_admin_compares_and_restores_revisions_and_reads_the_audit_log(home, category, client):
    groups = ensure_roles([home])
    admin = make_user("quantri", groups[SITE_ADMIN])
    article = ArticlePageFactory(parent=category, title="Bản đầu tiên")
    first = article.save_revision(user=admin)
    article.title = "Bản sửa lần hai"
    second = article.save_revision(user=admin)
    second.publish(user=admin)
    client.force_login(admin)

    compare = reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, second.pk))
    html = client.get(compare).content.decode()
    # The title diff marks words, so look for the words that changed.
    assert "đầu tiên" in html and "lần hai" in html

    revert = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
    response = client.get(revert)
    assert response.status_code == 200
    assert "Bản đầu tiên" in response.content.decode()

    history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200
    assert "Bản sửa lần hai" in history.content.decode()
