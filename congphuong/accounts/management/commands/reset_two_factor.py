"""Turn off two-factor authentication for a user who lost their phone and recovery codes.

    python manage.py reset_two_factor USERNAME

Their authenticator and recovery codes are deleted; at the next sign-in a user whose
role requires 2FA is taken straight to enrolment with a new phone.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Xóa ứng dụng xác thực và mã khôi phục của một tài khoản (khi người dùng mất điện thoại)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"Không có tài khoản “{username}”.") from exc
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        if removed:
            self.stdout.write(
                f"Đã tắt xác thực hai lớp của “{username}”. Lần đăng nhập tới sẽ đăng ký lại nếu bắt buộc."
            )
        else:
            self.stdout.write(f"Tài khoản “{username}” chưa bật xác thực hai lớp.")
