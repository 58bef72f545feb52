"""Production settings: everything secret or site-specific comes from the environment."""

from .base import *  # noqa: F403
from .embedded import refuse_embedded_stack
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
# Refuse to start without a real key rather than fall back to a known one.
SECRET_KEY = env_str("SECRET_KEY", required=True)
# No SQLite, no per-process cache unless allowed (settings/embedded.py): an ImproperlyConfigured at
# start, so `check --deploy`, migrate and the app server all stop.
refuse_embedded_stack(DATABASES, CACHES)  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The shipped nginx appends the reader's address to X-Forwarded-For; a load balancer or CDN in
# front of it makes 2 (congphuong/serving/client_address.py).
CONGPHUONG_TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Never relaxed in production (see CONGPHUONG_2FA_REQUIRED in base.py).
CONGPHUONG_2FA_REQUIRED = True
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = env_str("LOG_FORMAT", "json")  # noqa: F405
