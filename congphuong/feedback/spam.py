"""Spam protection without a third-party CAPTCHA: honeypot, time to submit, rate limits.

- Honeypot: a text field hidden from people (CSS, ``aria-hidden``, no tab stop) that
  bots fill in.
- Time to submit: the form carries a signed timestamp (``django.core.signing``); a
  form sent back faster than ``CONGPHUONG_FEEDBACK_MIN_SECONDS`` (default 5 s) or
  older than a few hours is refused.
- Rate limits per client IP in the database (core/ratelimit.py: atomic, never evicted):
  questions (default 5 an hour), lookups and ratings. The IP is hashed before it becomes a key.

The client IP is the reader's behind the trusted proxies (TRUSTED_PROXIES,
congphuong/serving/client_address.py), so visitors do not share nginx's address.
"""

import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext

from congphuong.core import ratelimit
from congphuong.serving.client_address import client_ip

TIMESTAMP_SALT = "congphuong.feedback.form-timestamp"
MAX_FORM_AGE = 6 * 60 * 60  # a citizen may take a while to type a question

# (limit, window in seconds)
LIMITS = {
    "question": ("CONGPHUONG_FEEDBACK_QUESTIONS_PER_HOUR", 5, 60 * 60),
    "lookup": ("CONGPHUONG_FEEDBACK_LOOKUPS_PER_HOUR", 20, 60 * 60),
    "rating": ("CONGPHUONG_FEEDBACK_RATINGS_PER_HOUR", 20, 60 * 60),
}


def min_seconds() -> float:
    return float(getattr(settings, "CONGPHUONG_FEEDBACK_MIN_SECONDS", 5))


def _key(kind: str, request) -> str:
    return ratelimit.client_key(f"feedback:{kind}", client_ip(request))


def limit_for(kind: str) -> tuple[int, int]:
    setting, default, window = LIMITS[kind]
    return int(getattr(settings, setting, default)), window


def is_limited(kind: str, request) -> bool:
    """The limit is already reached (checked before showing the form's errors; spends nothing)."""
    limit, _ = limit_for(kind)
    return ratelimit.is_limited(_key(kind, request), limit)


def take(kind: str, request) -> bool:
    """Spend one action of ``kind`` for this client; False when the limit is reached. Atomic:
    simultaneous submissions cannot all pass a limit that only one more of them fits under."""
    limit, window = limit_for(kind)
    return ratelimit.take(_key(kind, request), limit, window)


def make_timestamp(now=None) -> str:
    return signing.dumps({"t": now if now is not None else time.time()}, salt=TIMESTAMP_SALT)


def check_timestamp(value, now=None) -> str:
    """ "" if the form's timestamp is fine, otherwise the message to show (in the request's language)."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(value or "", salt=TIMESTAMP_SALT, max_age=MAX_FORM_AGE)
        started = float(data["t"])
    except signing.SignatureExpired:
        return gettext("Biểu mẫu đã mở quá lâu nên hết hiệu lực. Vui lòng kiểm tra lại nội dung và bấm gửi lần nữa.")
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return gettext("Biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi gửi lại.")
    if now - started > MAX_FORM_AGE:
        return gettext("Biểu mẫu đã mở quá lâu nên hết hiệu lực. Vui lòng kiểm tra lại nội dung và bấm gửi lần nữa.")
    if now - started < min_seconds():
        return gettext("Bạn gửi quá nhanh nên hệ thống chưa nhận. Vui lòng kiểm tra lại nội dung rồi bấm gửi lần nữa.")
    return ""
