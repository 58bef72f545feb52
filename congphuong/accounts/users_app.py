"""Wagtail's users app with the ward-safe user views (`accounts.users`).

In its own module: a second AppConfig in `accounts/apps.py` would stop Django
from picking `AccountsConfig` for the accounts app.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PortalUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "congphuong.accounts.users.PortalUserViewSet"
