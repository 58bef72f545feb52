"""Password rules with Vietnamese messages (Django's Vietnamese catalogue lacks this one)."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất {self.min_length} ký tự."

    def get_help_text(self):
        return f"Mật khẩu của bạn phải có ít nhất {self.min_length} ký tự."
