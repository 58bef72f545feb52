"""Security headers, the Content-Security-Policy and the sliding 30-minute session."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _csp(response):
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def test_public_page_headers(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = _csp(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "https://www.facebook.com" in policy["frame-src"]


def test_admin_preview_may_be_framed_by_the_admin_only(client, article):
    user = get_user_model().objects.create_superuser("quantri", "q@example.vn", "Mat-khau-thu-nghiem-2025")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,)))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert _csp(response)["frame-ancestors"] == ["'self'"]
    # Everything else in the admin refuses to be framed.
    response = client.get("/admin/")
    assert response["X-Frame-Options"] == "DENY"
    assert _csp(response)["frame-ancestors"] == ["'none'"]


def test_session_expires_after_thirty_idle_minutes():
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST is True
    assert django_settings.SESSION_COOKIE_HTTPONLY is True


def test_session_expiry_slides_with_each_request(client, home):
    user = get_user_model().objects.create_user("bientap", password="Mat-khau-thu-nghiem-2025", is_staff=True)
    client.force_login(user)
    session = Session.objects.get()
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    client.get("/admin/")
    session.refresh_from_db()
    assert session.expire_date > timezone.now() + datetime.timedelta(minutes=29)


def test_idle_session_is_signed_out(client, home):
    user = get_user_model().objects.create_superuser("quantri", "q@example.vn", "Mat-khau-thu-nghiem-2025")
    client.force_login(user)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_short_password_message_is_vietnamese():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_password("Ng@n-1")
    assert "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự." in error.value.messages


def test_authentication_backends_start_with_axes():
    assert django_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert django_settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    middleware = django_settings.MIDDLEWARE
    assert middleware.index("congphuong.accounts.middleware.ContentSecurityPolicyMiddleware") < middleware.index(
        "django.middleware.clickjacking.XFrameOptionsMiddleware"
    )


def test_public_page_allows_no_inline_script_or_style(client, home):
    policy = _csp(client.get("/"))
    assert policy["style-src"] == ["'self'"]
    assert not any(name.startswith(("script-src-", "style-src-")) for name in policy)
    assert not any(value.startswith("'nonce-") for values in policy.values() for value in values)


def test_admin_inline_scripts_run_by_nonce_not_unsafe_inline(client, article):
    import re

    user = get_user_model().objects.create_superuser("quantri", "q@example.vn", "Mat-khau-thu-nghiem-2025")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200
    policy = _csp(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    nonces = [value for value in policy["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    html = response.content.decode()
    # Date pickers, choosers and inline panels: every executable inline script carries it.
    inline = re.findall(r"<script(?![^>]*\b(?:src|type)=)([^>]*)>", html)
    assert len(inline) >= 3
    assert all(f'nonce="{nonce}"' in attrs for attrs in inline), inline
    # A fresh nonce on every response.
    again = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert nonce not in again["Content-Security-Policy"]


def _response_after_rotation(middleware_class, method):
    """A request whose session row is deleted while it runs (another request signed in meanwhile)."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse
    from django.test import RequestFactory

    store = SessionStore()
    store["seen"] = True
    store.create()
    request = getattr(RequestFactory(), method)("/admin/jsi18n/")
    request.COOKIES[django_settings.SESSION_COOKIE_NAME] = store.session_key
    middleware = middleware_class(lambda request: HttpResponse("ok"))
    middleware.process_request(request)
    assert request.session["seen"]
    Session.objects.filter(session_key=store.session_key).delete()
    return middleware.process_response(request, HttpResponse("ok"))


@pytest.mark.django_db
def test_a_read_whose_session_was_rotated_is_answered_a_write_is_not():
    from django.contrib.sessions.exceptions import SessionInterrupted
    from django.contrib.sessions.middleware import SessionMiddleware

    from congphuong.accounts.middleware import RotationTolerantSessionMiddleware

    assert django_settings.SESSION_SAVE_EVERY_REQUEST  # what makes every read save its session
    with pytest.raises(SessionInterrupted):  # Django's own: the 400 the admin's scripts got
        _response_after_rotation(SessionMiddleware, "get")
    assert _response_after_rotation(RotationTolerantSessionMiddleware, "get").status_code == 200
    with pytest.raises(SessionInterrupted):
        _response_after_rotation(RotationTolerantSessionMiddleware, "post")
