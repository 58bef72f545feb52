"""Password reset is rate limited per address and per e-mail (issue 14: twelve mails in a row)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import resolve, reverse

from congphuong.accounts.password_reset import RateLimitedPasswordResetView

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"


@pytest.fixture
def official(db):
    return get_user_model().objects.create_user("bientap", "bientap@phuong.example.vn", "Mat-khau-thu-nghiem-2025")


def test_the_admin_reset_url_is_the_limited_view():
    assert reverse("wagtailadmin_password_reset") == URL
    assert resolve(URL).func.view_class is RateLimitedPasswordResetView


def test_twelve_requests_in_a_row_send_at_most_three_mails(client, official):
    statuses = [client.post(URL, {"email": official.email}).status_code for _ in range(12)]
    assert len(mail.outbox) == 3
    assert statuses[:3] == [302] * 3
    assert set(statuses[3:]) == {429}
    response = client.post(URL, {"email": official.email})
    assert "quá nhiều yêu cầu đặt lại mật khẩu" in response.text


def test_one_address_cannot_mail_many_accounts(client, settings):
    settings.CONGPHUONG_PASSWORD_RESETS_PER_HOUR = 5
    users = get_user_model().objects
    for n in range(8):
        users.create_user(f"canbo{n}", f"canbo{n}@phuong.example.vn", "Mat-khau-thu-nghiem-2025")
    statuses = [client.post(URL, {"email": f"canbo{n}@phuong.example.vn"}).status_code for n in range(8)]
    assert len(mail.outbox) == 5
    assert statuses.count(429) == 3
    # Another reader (another address) is not affected.
    other = client.post(URL, {"email": "canbo7@phuong.example.vn"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302
    assert len(mail.outbox) == 6
