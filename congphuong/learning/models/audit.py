"""Every export of the module's data is logged: who, when, what (and whose wards), how many rows."""

from django.conf import settings
from django.db import models


class ExportLog(models.Model):
    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người xuất", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField("Tài khoản", max_length=150)
    # Every ward whose data the file holds: a list export of a user of several wards names them all.
    sites = models.ManyToManyField("wagtailcore.Site", verbose_name="Phường", blank=True, related_name="+")
    what = models.CharField("Dữ liệu xuất", max_length=200)
    file_format = models.CharField("Định dạng", max_length=10)
    rows = models.PositiveIntegerField("Số dòng", default=0)
    parameters = models.CharField("Bộ lọc", max_length=500, blank=True)
    personal_data = models.BooleanField("Có dữ liệu cá nhân", default=False)

    class Meta:
        verbose_name = "Nhật ký xuất dữ liệu"
        verbose_name_plural = "Nhật ký xuất dữ liệu"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.username} xuất {self.what} ({self.file_format})"

    def ward_names(self) -> str:
        return ", ".join(sorted(site.site_name or site.hostname for site in self.sites.all()))

    ward_names.short_description = "Phường"
