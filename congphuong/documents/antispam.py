"""Spam protection for public forms without a third-party CAPTCHA.

Three independent rules, all configurable in settings:

- a honeypot field that people never see (bots fill every input);
- a signed "form opened at" token: a submission sooner than ``CONGPHUONG_FORM_MIN_SECONDS``
  after the page was rendered, or with a missing, forged or stale token, is refused;
- a per-IP rate limit kept in the database (``CONGPHUONG_FORM_RATE_LIMIT``: at most N
  submissions per window of seconds; core/ratelimit.py: atomic, never evicted). The IP is hashed
  before it becomes a key.

The client IP is the reader's behind the trusted proxies (TRUSTED_PROXIES,
congphuong/serving/client_address.py), so visitors do not share nginx's address.
"""

import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext

from congphuong.core import ratelimit
from congphuong.serving.client_address import client_ip

MAX_FORM_AGE = 24 * 3600


def min_seconds() -> int:
    return getattr(settings, "CONGPHUONG_FORM_MIN_SECONDS", 4)


def rate_limit() -> tuple[int, int]:
    return getattr(settings, "CONGPHUONG_FORM_RATE_LIMIT", (5, 3600))


def issue_token(purpose: str, issued_at: float | None = None) -> str:
    """A signed token recording when the form was rendered."""
    return signing.dumps(int(issued_at if issued_at is not None else time.time()), salt=f"congphuong.form.{purpose}")


def token_problem(token: str, purpose: str) -> str | None:
    """None when the token is genuine and old enough, otherwise a message in the page's language."""
    try:
        issued_at = int(signing.loads(token or "", salt=f"congphuong.form.{purpose}"))
    except (signing.BadSignature, TypeError, ValueError):
        return gettext("Biểu mẫu không hợp lệ hoặc đã cũ. Vui lòng tải lại trang rồi gửi lại.")
    elapsed = time.time() - issued_at
    if elapsed > MAX_FORM_AGE:
        return gettext("Biểu mẫu đã mở quá lâu. Vui lòng tải lại trang rồi gửi lại.")
    if elapsed < min_seconds():
        return gettext("Bạn gửi quá nhanh. Vui lòng đọc lại nội dung góp ý rồi bấm gửi lần nữa.")
    return None


def _rate_key(request, purpose: str) -> str:
    return ratelimit.client_key(f"form:{purpose}", client_ip(request))


def is_rate_limited(request, purpose: str) -> bool:
    limit, _window = rate_limit()
    return ratelimit.is_limited(_rate_key(request, purpose), limit)


def take_submission(request, purpose: str) -> bool:
    """Spend one submission of this IP (the window starts at the first); False when none is left."""
    limit, window = rate_limit()
    return ratelimit.take(_rate_key(request, purpose), limit, window)


def count_submission(request, purpose: str) -> None:
    """Record one submission from this IP, whether or not the limit is reached."""
    take_submission(request, purpose)
