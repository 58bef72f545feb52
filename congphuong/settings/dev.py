"""Development settings: the embedded SQLite default, debug pages, console email."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed development-only key; production.py refuses to start without SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-not-for-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Plain storage in dev so `runserver` does not need collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo approver and administrator can sign in without a phone; anyone who
# enrols an authenticator app is still asked for its code.
CONGPHUONG_2FA_REQUIRED = env_bool("CONGPHUONG_2FA_REQUIRED", False)
