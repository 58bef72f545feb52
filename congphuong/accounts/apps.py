from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "congphuong.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và bảo mật"

    def ready(self):
        from . import signals  # noqa: F401  (recovery codes follow the authenticator app)
