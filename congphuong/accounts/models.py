"""Two permissions a group can be given on its page in the admin ("Bảo mật tài khoản").

No table: the model only carries the permissions, so Django creates them after every
migrate (and after a test database flush) like any model permission.
"""

from django.db import models


class AccountSecurity(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = "Bảo mật tài khoản"
        verbose_name_plural = "Bảo mật tài khoản"
        permissions = [
            ("require_2fa", "Bắt buộc xác thực hai lớp khi đăng nhập"),
            ("unlock_accounts", "Mở khóa tài khoản bị khóa do đăng nhập sai nhiều lần"),
        ]

    def __str__(self):
        return self._meta.verbose_name
