"""A request made on the English section (/en/, docs/english-section.md): the requester's e-mails are
English from receipt to refusal, whoever handles it in the (Vietnamese) admin; the ward's inbox alert
stays Vietnamese; the refusal ground reads in English on the English look-up page."""

import re

import pytest
from django.core import mail

from congphuong.core.localisation import translate_page
from congphuong.information_access.models import InformationRequest, RefusalGround

from .factories import request_data
from .test_admin import staff, url  # noqa: F401 (the fixture `staff` is used by name)

pytestmark = pytest.mark.django_db
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)
# What the requester typed and the ward's own names stay as written.
TYPED = {"Nguyễn", "Hoàng", "Đề", "nghị", "cấp", "bản", "chụp", "kế", "hoạch", "chỉnh", "trang", "hẻm", "năm"}


@pytest.fixture
def english_page(home, access_page):
    from congphuong.wards.models import WardSettings

    access_page.notify_email = "vanphong@example.com"
    access_page.save_revision().publish()
    WardSettings.objects.filter(site=access_page.get_site()).update(official_name_en="Test Ward People's Committee")
    translate_page(home, title="Test Ward", slug=f"{home.slug}-en")
    return translate_page(access_page, title="Access to information", slug="access")


def _vietnamese_words(text):
    return sorted({word for word in re.findall(r"\w+", text) if VIETNAMESE.search(word)} - TYPED)


def test_a_request_made_in_english_is_answered_in_english(client, staff, access_page, english_page):  # noqa: F811
    response = client.post("/en/access/gui-yeu-cau/", request_data())
    assert response.status_code == 302 and response["Location"].startswith("/en/access/")
    item = InformationRequest.objects.get()
    receipt = next(message for message in mail.outbox if message.to == ["hoangnam@example.com"])
    alert = next(message for message in mail.outbox if message.to == ["vanphong@example.com"])
    assert receipt.subject == f"Request for information received – code {item.code}"
    assert receipt.body.startswith("Dear Nguyễn Hoàng Nam,\n")
    assert "Test Ward People's Committee has received your request for information." in receipt.body
    assert "How you receive it: By e-mail" in receipt.body and f"/en/access/tra-cuu/?ma={item.code}" in receipt.body
    assert re.search(r"Due by: \w+day, \d+ \w+ \d{4} \(if the information", receipt.body)
    assert _vietnamese_words(receipt.subject + receipt.body) == []
    # The ward's inbox reads Vietnamese, dates included, though the request came from /en/.
    assert alert.subject == f"Yêu cầu cung cấp thông tin mới {item.code}"
    assert "có yêu cầu cung cấp thông tin mới" in alert.body and "Hạn giải quyết: Thứ" in alert.body

    # A cadre handles it in the Vietnamese admin: the extension and the refusal still reach the
    # requester in English, the ground with its English title.
    client.force_login(staff["leader"])
    mail.outbox.clear()
    client.post(url("edit", item), {"step": "extended", "extension_reason": "Cần tập hợp hồ sơ."})
    ground = RefusalGround.objects.order_by("sort_order").first()
    assert ground.title_en and ground.legal_basis_en  # the seeded grounds' English (migration 0003)
    client.post(url("edit", item), {"step": "refused", "refusal_ground": ground.pk, "refusal_reason": "Đời tư."})
    extension, outcome = mail.outbox
    assert extension.subject == f"More time needed for request {item.code}" and "New due date:" in extension.body
    assert outcome.subject == f"Outcome of request {item.code}"
    assert "The ward has refused to provide the information." in outcome.body
    assert f"Ground: {ground.title_en} ({ground.legal_basis_en})" in outcome.body
    typed = {"Cần", "tập", "hợp", "hồ", "sơ", "Đời", "tư"}
    assert [w for w in _vietnamese_words(extension.body + outcome.body) if w not in typed] == []
    # The admin shows the Vietnamese ground.
    assert ground.title in client.get(url("edit", item)).content.decode()

    # The requester's look-up on /en/ shows the English ground; on the Vietnamese page the Vietnamese one.
    client.logout()
    verifier = {"code": item.code, "verifier": "1234"}
    english = client.post("/en/access/tra-cuu/", verifier).content.decode()
    assert ground.title_en in english and ground.title not in english
    vietnamese = client.post(access_page.url + "tra-cuu/", verifier).content.decode()
    assert ground.title in vietnamese and ground.title_en not in vietnamese


def test_a_ground_without_english_shows_the_vietnamese():
    from django.utils import translation

    ground = RefusalGround(title="Căn cứ riêng của phường", legal_basis="Điều 6")
    with translation.override("en"):
        assert ground.label == "Căn cứ riêng của phường (Điều 6)"
        ground.title_en = "The ward's own ground"
        assert ground.label == "The ward's own ground (Điều 6)"
    with translation.override("vi"):
        assert ground.label == "Căn cứ riêng của phường (Điều 6)"


def test_a_vietnamese_request_gets_vietnamese_mail(client, access_page):
    client.post(access_page.url + "gui-yeu-cau/", request_data())
    (receipt,) = mail.outbox
    assert receipt.subject.startswith("Đã nhận yêu cầu cung cấp thông tin – mã ")
    assert "Hình thức nhận: Nhận qua thư điện tử" in receipt.body and "Dear" not in receipt.body
