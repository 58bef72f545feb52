"""Access to information through the real UI in headless Chromium.

A citizen reads the section, sends a request, gets the receipt with the tracking code and looks the status
up; a cadre of the ward finds it in the queue, extends it once, and refuses another request on a ground of
the law; the citizen's lookup then shows the extension and the refusal.
"""

import re

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS
from congphuong.editorial.roles import EDITOR
from congphuong.editorial.tests.factories import PASSWORD, make_group, make_user
from congphuong.information_access.models import InformationRequest, RefusalGround
from congphuong.information_access.permissions import ensure_information_access_permissions

from .factories import InformationAccessPageFactory, add_published

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def section(home):
    page = InformationAccessPageFactory(parent=home)
    add_published(page, "Kế hoạch phát triển kinh tế – xã hội năm 2027")
    make_user("canbo", make_group(EDITOR, home, ["add", "change"]), first_name="Lê", last_name="Văn Cán")
    ensure_information_access_permissions()
    return page


def _browser_page(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
    return context.new_page()


def _send_request(page, base, section, name, id_number, information):
    page.goto(base + section.url)
    assert "Kế hoạch phát triển kinh tế – xã hội năm 2027" in page.content()
    page.get_by_role("link", name="Gửi yêu cầu cung cấp thông tin").first.click()
    page.fill("#id_full_name", name)
    page.fill("#id_id_number", id_number)
    page.fill("#id_address", "Số 8 hẻm 15, Khu phố 3")
    page.fill("#id_phone", "0909 123 456")
    page.fill("#id_information", information)
    page.get_by_label("Đọc, xem, ghi chép tại trụ sở").check()
    page.get_by_label("Tôi đồng ý để phường xử lý dữ liệu cá nhân").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi yêu cầu").click()
    assert page.locator("h1").inner_text() == "Đã nhận yêu cầu cung cấp thông tin"
    code = page.locator(".fb-code").inner_text().strip()
    assert re.fullmatch(r"TCTT-\d{4}-[2-9A-Z]{5}", code)
    assert name not in page.content() and id_number.replace(" ", "") not in page.content()
    return code


def _look_up(page, section, base, code, digits):
    page.goto(base + section.url + "tra-cuu/?ma=" + code)
    assert page.input_value("#id_code") == code
    page.fill("#id_verifier", digits)
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu").last.click()
    return page.locator(".fb-result").inner_text()


def _sign_in(chromium, base, username):
    page = _browser_page(chromium)
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))
    return page


def test_citizen_requests_and_ward_cadre_extends_and_refuses(live_server, section, chromium):
    base = live_server.url
    citizen = _browser_page(chromium)
    first = _send_request(
        citizen, base, section, "Nguyễn Hoàng Nam", "0790 8500 1234", "Xin đọc hồ sơ chỉnh trang hẻm 15 năm nay."
    )
    # The receipt's link opens the lookup with the code filled in.
    citizen.get_by_role("link", name="Tra cứu tình trạng yêu cầu").click()
    citizen.wait_for_load_state()
    result = _look_up(citizen, section, base, first, "1234")
    assert "Mới tiếp nhận" in result and "Nguyễn Hoàng Nam" not in result
    second = _send_request(
        citizen, base, section, "Trần Thị Thu", "079190009876", "Xin số điện thoại của các hộ trong hẻm 15."
    )

    cadre = _sign_in(chromium, base, "canbo")
    cadre.goto(base + "/admin/")
    cadre.get_by_role("link", name="Tiếp cận TT").first.click()
    cadre.wait_for_load_state()
    assert first in cadre.content() and second in cadre.content()
    assert "Còn 10 ngày làm việc" in cadre.content() or "Còn 9 ngày làm việc" in cadre.content()

    # Extend the first request once.
    cadre.get_by_role("link", name=first).click()
    cadre.wait_for_load_state()
    assert "079085001234" in cadre.content()  # the cadre sees the requester's data
    cadre.get_by_label("Gia hạn (một lần)").check()
    cadre.fill("#id_extension_reason", "Cần sao chụp hồ sơ từ Ban điều hành khu phố 3.")
    with cadre.expect_navigation():
        cadre.get_by_role("button", name="Ghi bước xử lý").click()
    assert "Cần sao chụp hồ sơ từ Ban điều hành khu phố 3." in cadre.locator("#cac-buoc").inner_text()
    assert cadre.get_by_label("Gia hạn (một lần)").count() == 0

    # Refuse the second: without a ground the form says so; with one it closes the request.
    cadre.goto(base + "/admin/tiep-can-thong-tin/")
    cadre.get_by_role("link", name=second).click()
    cadre.wait_for_load_state()
    cadre.get_by_label("Từ chối cung cấp (kết thúc)").check()
    cadre.fill("#id_refusal_reason", "Số điện thoại của các hộ là thông tin cá nhân của người khác.")
    with cadre.expect_navigation():
        cadre.get_by_role("button", name="Ghi bước xử lý").click()
    assert "Vui lòng chọn căn cứ từ chối" in cadre.content()
    ground = RefusalGround.objects.filter(active=True).order_by("sort_order")[1]
    cadre.get_by_label("Từ chối cung cấp (kết thúc)").check()
    cadre.select_option("#id_refusal_ground", str(ground.pk))
    with cadre.expect_navigation():
        cadre.get_by_role("button", name="Ghi bước xử lý").click()
    assert InformationRequest.objects.get(code=second).status == InformationRequest.REFUSED

    # The citizen sees both outcomes.
    extended = _look_up(citizen, section, base, first, "3456")  # the phone's last four digits
    assert "Đang giải quyết" in extended and "đã gia hạn" in extended
    refused = _look_up(citizen, section, base, second, "9876")
    assert "Từ chối cung cấp" in refused and ground.title in refused and "thông tin cá nhân của người khác" in refused
