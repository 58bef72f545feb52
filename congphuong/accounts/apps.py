from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "congphuong.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và bảo mật"

    def ready(self):
        from . import csp_nonce, signals  # noqa: F401  (recovery codes follow the authenticator app)

        # Wagtail's chooser widgets print their set-up script without a nonce.
        csp_nonce.install()
