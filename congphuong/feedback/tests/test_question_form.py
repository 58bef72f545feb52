"""The public question form: validation in Vietnamese, NFC, attachments, receipt, e-mails, spam rules."""

import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from congphuong.feedback.models import Question
from congphuong.feedback.spam import make_timestamp
from congphuong.feedback.storage import private_root

from .helpers import JPEG_BYTES, PDF_BYTES, PNG_BYTES, nfd, question_data

pytestmark = pytest.mark.django_db


def ask_url(page):
    return page.url + "gui-cau-hoi/"


def post(client, page, data, **extra):
    return client.post(ask_url(page), data, REMOTE_ADDR=extra.pop("ip", "203.0.113.10"), **extra)


def test_form_renders_with_labels_consent_notice_and_honeypot(client, feedback_page, topic, neighbourhood):
    html = client.get(ask_url(feedback_page)).content.decode()
    for label in ("Họ và tên", "Số điện thoại", "Thư điện tử", "Khu phố/ấp", "Chủ đề", "Nội dung câu hỏi"):
        assert label in html
    assert "Nghị định 13/2023/NĐ-CP" in html
    assert 'name="website"' in html and 'class="fb-hp" aria-hidden="true"' in html
    assert 'name="started"' in html
    assert "Khu phố 3" in html and "Hộ tịch" in html
    assert 'enctype="multipart/form-data"' in html


def test_valid_question_is_saved_with_code_due_date_and_receipt(client, feedback_page, topic, neighbourhood):
    response = post(client, feedback_page, question_data(topic, neighbourhood))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.site == feedback_page.get_site()
    assert question.status == Question.NEW
    assert question.phone == "0912345678"
    assert question.consent_at is not None
    assert question.code.startswith("HD-")
    assert question.due_date > question.received_at.date()

    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert question.code in html
    assert "Hạn trả lời" in html
    assert "Trần Thị Bích Ngọc" not in html and "0912345678" not in html
    assert "bichngoc.tran@example.com" not in html


def test_receipt_and_staff_alert_emails(client, feedback_page, topic):
    feedback_page.notify_email = "tiepnhan@example.com"
    feedback_page.save_revision().publish()
    post(client, feedback_page, question_data(topic))
    question = Question.objects.get()
    receipt, alert = mail.outbox
    assert receipt.to == ["bichngoc.tran@example.com"]
    assert question.code in receipt.subject and "Đã nhận câu hỏi" in receipt.subject
    assert question.code in receipt.body and "tra-cuu/?ma=" in receipt.body
    assert alert.to == ["tiepnhan@example.com"]
    # The staff alert carries no personal data.
    assert "Trần Thị Bích Ngọc" not in alert.body and "0912" not in alert.body
    assert f"/admin/hoi-dap-phan-anh/edit/{question.pk}/" in alert.body


def test_no_email_when_only_a_phone_is_given(client, feedback_page, topic):
    response = post(client, feedback_page, question_data(topic, email=""))
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"full_name": ""}, "Vui lòng nhập họ và tên."),
        ({"full_name": "1"}, "Họ và tên chưa đúng"),
        ({"phone": "", "email": ""}, "Vui lòng nhập số điện thoại hoặc thư điện tử (ít nhất một)"),
        ({"phone": "12345"}, "Số điện thoại không hợp lệ"),
        ({"phone": "09abc12345"}, "Số điện thoại chỉ gồm chữ số"),
        ({"email": "khong-phai-email"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"content": ""}, "Vui lòng nhập nội dung câu hỏi."),
        ({"content": "Ngắn quá"}, "Nội dung quá ngắn"),
        ({"content": "x" * 5001}, "Nội dung quá dài"),
        ({"consent": ""}, "Bạn cần đồng ý cho phép xử lý dữ liệu cá nhân"),
        ({"topic": ""}, "Vui lòng chọn chủ đề của câu hỏi."),
        ({"topic": "999999"}, "Chủ đề đã chọn không có trong danh sách."),
        ({"neighbourhood": "999999"}, "Khu phố/ấp đã chọn không có trong danh sách."),
    ],
)
def test_validation_messages_in_vietnamese(client, feedback_page, topic, overrides, message):
    response = post(client, feedback_page, question_data(topic, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    assert not Question.objects.exists()


def test_another_wards_topic_is_refused(client, feedback_page):
    from congphuong.feedback.tests.factories import TopicFactory
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    foreign = TopicFactory(site=other, name="Chủ đề phường khác")
    response = post(client, feedback_page, question_data(foreign))
    assert "Chủ đề đã chọn không có trong danh sách." in response.content.decode()


def test_international_phone_is_normalised(client, feedback_page, topic):
    post(client, feedback_page, question_data(topic, phone="+84 912.345.678"))
    assert Question.objects.get().phone == "0912345678"


def test_text_is_stored_in_nfc(client, feedback_page, topic):
    post(
        client,
        feedback_page,
        question_data(topic, full_name=nfd("Nguyễn Thị Hường"), content=nfd("Đề nghị phường sửa đèn đường hẻm số 5")),
    )
    question = Question.objects.get()
    assert question.full_name == "Nguyễn Thị Hường"
    assert question.content == "Đề nghị phường sửa đèn đường hẻm số 5"
    assert "de nghi phuong sua den duong" in question.staff_search_text


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("don.pdf", PDF_BYTES, "application/pdf"),
        ("anh.PNG", PNG_BYTES, "image/png"),
        ("anh.jpg", JPEG_BYTES, "image/jpeg"),
    ],
)
def test_attachment_accepted_and_stored_privately(client, feedback_page, topic, settings, name, content, kind):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    response = post(client, feedback_page, question_data(topic, attachment=upload))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.attachment_name == name
    assert question.attachment_type == kind
    stored = private_root() / question.attachment.name
    assert stored.exists()
    assert str(stored.resolve()).startswith(str(private_root().resolve()))
    assert not str(stored.resolve()).startswith(str(settings.MEDIA_ROOT))
    assert name not in question.attachment.name  # random file name on disk
    with pytest.raises(ValueError):
        question.attachment.url  # noqa: B018


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận tệp PDF, JPG hoặc PNG."),
        ("trang.html", b"<html></html>", "Chỉ nhận tệp PDF, JPG hoặc PNG."),
        ("gia-mao.pdf", b"<html><script>alert(1)</script>", "Nội dung tệp không đúng định dạng"),
        ("gia-mao.jpg", PDF_BYTES, "Nội dung tệp không đúng định dạng"),
        ("lon.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), "Tệp quá lớn (5,0 MB). Dung lượng tối đa là 5 MB."),
    ],
)
def test_bad_attachments_are_refused_by_content(client, feedback_page, topic, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = post(client, feedback_page, question_data(topic, attachment=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


# Spam rules ---------------------------------------------------------------------


def test_honeypot_filled_is_refused(client, feedback_page, topic):
    response = post(client, feedback_page, question_data(topic, website="http://spam.example"))
    assert response.status_code == 200
    assert "phải để trống" in response.content.decode()
    assert not Question.objects.exists()


def test_too_fast_is_refused_then_accepted_after_waiting(client, feedback_page, topic, settings):
    settings.CONGPHUONG_FEEDBACK_MIN_SECONDS = 5
    response = post(client, feedback_page, question_data(topic, seconds_ago=1))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bạn gửi quá nhanh" in html
    assert not Question.objects.exists()
    # The form comes back with a fresh signed timestamp and the citizen's text kept.
    assert "Xin hỏi thủ tục đăng ký khai sinh" in html
    response = post(client, feedback_page, question_data(topic, seconds_ago=8))
    assert response.status_code == 302
    assert Question.objects.count() == 1


@pytest.mark.parametrize("kind", ["missing", "garbage", "forged"])
def test_missing_or_forged_timestamp_is_refused(client, feedback_page, topic, kind):
    started = {
        "missing": "",
        "garbage": "không-phải-chữ-ký",
        "forged": make_timestamp(time.time() - 60)[:-3] + "abc",
    }[kind]
    response = post(client, feedback_page, question_data(topic, started=started))
    assert "Biểu mẫu không hợp lệ" in response.content.decode()
    assert not Question.objects.exists()


def test_expired_form_is_refused(client, feedback_page, topic):
    response = post(client, feedback_page, question_data(topic, seconds_ago=7 * 60 * 60))
    assert "hết hiệu lực" in response.content.decode()
    assert not Question.objects.exists()


@override_settings(CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR=5)
def test_rate_limit_per_ip(client, feedback_page, topic):
    for n in range(5):
        response = post(
            client, feedback_page, question_data(topic, content=f"Câu hỏi thử số {n} về hộ tịch của gia đình")
        )
        assert response.status_code == 302
    response = post(client, feedback_page, question_data(topic))
    assert response.status_code == 200
    assert "Bạn đã gửi nhiều câu hỏi trong một giờ qua" in response.content.decode()
    assert Question.objects.count() == 5
    # Another address is not affected.
    response = post(client, feedback_page, question_data(topic), ip="198.51.100.7")
    assert response.status_code == 302


def test_the_limit_survives_cache_eviction(client, feedback_page, topic, settings):
    # Issue 14: without Redis, cache churn (LocMem keeps 300 entries) evicted the counters.
    from django.core.cache import cache

    settings.CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR = 2
    for _ in range(2):
        assert post(client, feedback_page, question_data(topic)).status_code == 302
    cache.clear()  # what eviction does to a counter kept in the cache
    response = post(client, feedback_page, question_data(topic))
    assert "Bạn đã gửi nhiều câu hỏi trong một giờ qua" in response.content.decode()
    assert Question.objects.count() == 2


def test_failed_attempts_do_not_use_up_the_limit(client, feedback_page, topic, settings):
    settings.CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR = 1
    for _ in range(3):
        post(client, feedback_page, question_data(topic, content="ngắn"))
    assert post(client, feedback_page, question_data(topic)).status_code == 302


def test_forwarded_for_is_used_only_behind_a_trusted_proxy(client, feedback_page, topic, settings):
    settings.CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR = 1
    settings.CONGPHUONG_TRUSTED_PROXIES = 1
    proxy = {"ip": "127.0.0.1"}
    first = post(client, feedback_page, question_data(topic), HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    second = post(client, feedback_page, question_data(topic), HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy)
    third = post(client, feedback_page, question_data(topic), HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy)
    assert (first.status_code, second.status_code, third.status_code) == (302, 302, 200)


def test_bad_receipt_token_shows_a_message_not_an_error(client, feedback_page):
    response = client.get(feedback_page.url + "da-gui/?phieu=gia-mao")
    assert response.status_code == 200
    assert "Không mở được phiếu tiếp nhận" in response.content.decode()


def test_tracking_codes_are_random_and_unambiguous(feedback_page):
    from congphuong.feedback.codes import ALPHABET, CODE_RE, new_code, normalise_code

    generated = [new_code(2026) for _ in range(300)]
    codes = set(generated)
    # 31^5 ≈ 28.6 million codes: two of 300 coincide in ~0.16 % of runs, three in ~1e-9. A code
    # that is not random (a counter reset, a fixed seed) repeats far more often than that.
    assert len(codes) >= 298
    assert all(CODE_RE.match(code) for code in generated)
    assert not set("01IOL") & set(ALPHABET)
    assert normalise_code(" hd 2026 7k3qx ") == "HD-2026-7K3QX"
    assert normalise_code("HD-2026-7K3Q0") == ""  # 0 is not in the alphabet
    assert normalise_code("abc") == ""
