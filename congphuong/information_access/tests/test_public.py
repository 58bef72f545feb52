"""The public section: the list, contact point and procedure; the request form, receipt and lookup."""

import re

import pytest
from django.core import mail

from congphuong.information_access.models import InformationRequest, RequestEvent

from .factories import InformationRequestFactory, add_published, request_data

pytestmark = pytest.mark.django_db


def test_section_shows_the_list_contact_point_and_procedure(client, access_page):
    add_published(access_page, "Dự toán ngân sách phường", place="Bảng tin tại trụ sở", duration="Ít nhất 30 ngày")
    html = client.get(access_page.url).content.decode()
    assert "Danh mục thông tin phường công khai" in html
    assert "Dự toán ngân sách phường" in html and "Bảng tin tại trụ sở" in html and "Ít nhất 30 ngày" in html
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường" in html
    assert "Bà Lê Thị Hoa" in html and "tiepcanthongtin@example.com" in html
    assert "trong 10 ngày làm việc" in html and "gia hạn một lần, tối đa 10 ngày làm việc" in html
    assert access_page.url + "gui-yeu-cau/" in html


def test_request_gives_a_receipt_with_code_and_deadline_and_stores_everything(client, access_page):
    access_page.notify_email = "vanphong@example.com"
    access_page.save()
    response = client.post(access_page.url + "gui-yeu-cau/", request_data())
    assert response.status_code == 302 and "/da-gui/?phieu=" in response["Location"]
    item = InformationRequest.objects.get()
    assert item.id_number == "079085001234"  # spaces dropped
    assert item.phone == "0909123456" and item.site == access_page.get_site() and item.consent_at
    assert item.events.get().kind == RequestEvent.RECEIVED

    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert item.code in html and "Hạn giải quyết" in html and "Nhận qua thư điện tử" in html
    assert "private" in receipt["Cache-Control"] and "no-store" in receipt["Cache-Control"]
    for personal in ("Nguyễn Hoàng Nam", "079085001234", "hẻm 15", "0909123456"):
        assert personal not in html

    to_requester, to_staff = sorted(mail.outbox, key=lambda message: message.to != ["hoangnam@example.com"])
    assert item.code in to_requester.body and "tra-cuu/?ma=" in to_requester.body
    assert to_staff.to == ["vanphong@example.com"] and "079085001234" not in to_staff.body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id_number": "12345"}, "căn cước (căn cước công dân) gồm 12 chữ số"),
        ({"consent": ""}, "Bạn cần đồng ý cho phép xử lý dữ liệu cá nhân"),
        ({"email": "", "delivery": "email"}, "Bạn chọn nhận qua thư điện tử"),
        ({"phone": "", "email": "", "delivery": "onsite"}, "ít nhất một"),
        ({"delivery": ""}, "Vui lòng chọn hình thức nhận thông tin"),
        ({"address": ""}, "Vui lòng nhập nơi cư trú, địa chỉ"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_keeps_what_was_typed(client, access_page, overrides, message):
    data = request_data(**overrides)
    html = client.post(access_page.url + "gui-yeu-cau/", data).content.decode()
    assert message in html
    assert "Đề nghị cung cấp bản chụp kế hoạch chỉnh trang hẻm 15" in html  # nothing typed is lost
    assert not InformationRequest.objects.exists()


def test_passport_number_is_accepted(client, access_page):
    client.post(access_page.url + "gui-yeu-cau/", request_data(id_number="b1234567"))
    assert InformationRequest.objects.get().id_number == "B1234567"


def test_requests_are_rate_limited_per_client(client, access_page, settings):
    settings.CONGPHUONG_INFORMATION_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(access_page.url + "gui-yeu-cau/", request_data()).status_code == 302
    html = client.post(access_page.url + "gui-yeu-cau/", request_data()).content.decode()
    assert "nhiều yêu cầu trong một giờ" in html
    assert InformationRequest.objects.count() == 2


def test_lookup_needs_the_code_and_four_digits_and_shows_no_personal_data(client, access_page):
    item = InformationRequestFactory(site=access_page.get_site(), page=access_page)
    url = access_page.url + "tra-cuu/"
    wrong = client.post(url, {"code": item.code.lower().replace("-", " "), "verifier": "9999"}).content.decode()
    assert "Không tìm thấy yêu cầu khớp" in wrong and "(chưa tra cứu được)" in wrong

    for verifier in ("2345", "079190012345", "5678"):  # end of the ID number, the whole of it, end of the phone
        response = client.post(url, {"code": item.code, "verifier": verifier})
        html = response.content.decode()
        assert f"Yêu cầu {item.code}" in html and "Mới tiếp nhận" in html, verifier
        assert "no-store" in response["Cache-Control"]
        for personal in (item.full_name, item.id_number, item.address, item.phone, item.email, item.information):
            assert personal not in html


def test_lookup_shows_the_extension_and_the_refusal_ground(client, access_page):
    from congphuong.information_access import handling
    from congphuong.information_access.models import RefusalGround

    item = handling.receive(InformationRequestFactory.build(site=access_page.get_site(), page=access_page))
    handling.extend(item, None, "Cần sao chụp hồ sơ lưu trữ.")
    ground = RefusalGround.objects.first()
    handling.refuse(item, None, ground, "Hồ sơ chứa thông tin đời tư của người khác.")
    html = client.post(access_page.url + "tra-cuu/", {"code": item.code, "verifier": "2345"}).content.decode()
    assert "Từ chối cung cấp" in html and ground.title in html and "đời tư của người khác" in html
    assert "đã gia hạn; hạn ban đầu" in html and "Cần sao chụp hồ sơ lưu trữ." in html


def test_another_wards_code_is_not_found(client, access_page):
    from congphuong.wards.tests.factories import make_ward

    from .factories import InformationAccessPageFactory

    other = make_ward(hostname="phuong-b.test", name="Phường Bình Minh")
    other_page = InformationAccessPageFactory(parent=other.root_page)
    item = InformationRequestFactory(site=other, page=other_page)
    html = client.post(access_page.url + "tra-cuu/", {"code": item.code, "verifier": "2345"}).content.decode()
    assert "Không tìm thấy yêu cầu khớp" in html


def test_receipt_with_a_forged_token_says_so(client, access_page):
    html = client.get(access_page.url + "da-gui/?phieu=abc").content.decode()
    assert "Không mở được phiếu tiếp nhận" in html
    assert not re.search(r"TCTT-\d{4}-", html)
