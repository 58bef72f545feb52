"""A citizen who meets a barrier finds the statement from the footer and reports it; the report is in the
ward's Hỏi đáp queue, under the statement's topic, for a cadre of that ward."""

import re

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS
from congphuong.editorial.roles import EDITOR
from congphuong.editorial.tests.factories import PASSWORD, make_group, make_user
from congphuong.feedback.models import Question
from congphuong.feedback.permissions import ensure_feedback_permissions

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _browser_page(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
    return context.new_page()


def test_citizen_reports_a_barrier_from_the_statement_and_a_cadre_sees_it(live_server, chromium, home, statement):
    make_user("canbo", make_group(EDITOR, home, ["add", "change"]), first_name="Lê", last_name="Văn Cán")
    ensure_feedback_permissions()
    base = live_server.url

    citizen = _browser_page(chromium)
    citizen.goto(base + "/")
    citizen.locator("footer").get_by_role("link", name="Tuyên bố hỗ trợ tiếp cận").click()
    citizen.wait_for_load_state()
    assert citizen.locator("h1").inner_text() == "Tuyên bố hỗ trợ tiếp cận"
    assert "WCAG 2.1, mức AA" in citizen.content()
    citizen.get_by_role("link", name="Gửi phản ánh về khó khăn tiếp cận").click()
    citizen.wait_for_load_state()
    # The topic is chosen for the citizen; they only say what went wrong.
    selected = citizen.locator("#id_topic option:checked").inner_text()
    assert selected == "Khó khăn khi dùng cổng (hỗ trợ tiếp cận)"
    citizen.fill("#id_full_name", "Phan Văn Minh")
    citizen.fill("#id_phone", "0908 765 432")
    citizen.fill("#id_content", "Trình đọc màn hình không đọc được văn bản số 12 trong mục Văn bản.")
    citizen.locator("#id_consent").check()
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Gửi câu hỏi").click()
    assert citizen.locator("h1").inner_text() == "Đã nhận câu hỏi của bạn"
    question = Question.objects.get()
    assert question.topic == statement.report_topic

    cadre = _browser_page(chromium)
    cadre.goto(base + "/admin/login/")
    cadre.fill("input[name=username]", "canbo")
    cadre.fill("input[name=password]", PASSWORD)
    cadre.locator("form button[type=submit], form input[type=submit]").first.click()
    cadre.wait_for_url(re.compile(r"/admin/(?!login)"))
    cadre.goto(base + "/admin/hoi-dap-phan-anh/")
    row = cadre.locator("tr", has_text=question.code)
    assert row.count() == 1
    assert "Khó khăn khi dùng cổng" in row.inner_text()
