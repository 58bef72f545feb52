"""Phân công phường: which wards a learning user works on.

The editorial groups are shared by every ward, so a group alone does not say which
ward's households, fund or dossiers a Hội Khuyến học officer may see. An explicit
assignment does; `congphuong.learning.access` reads it for every view.
"""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel


class WardAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Tài khoản",
        on_delete=models.CASCADE,
        related_name="learning_assignments",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Phường",
        on_delete=models.CASCADE,
        related_name="learning_assignments",
        help_text="Tài khoản chỉ xem và sửa dữ liệu xã hội học tập của phường này.",
    )
    note = models.CharField(
        "Ghi chú", max_length=200, blank=True, help_text="Ví dụ: Phó Chủ tịch Hội Khuyến học phường"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người phân công",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField("Ngày phân công", auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("site"), FieldPanel("note")]

    class Meta:
        verbose_name = "Phân công phường"
        verbose_name_plural = "Phân công phường"
        ordering = ["site", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "site"], name="learning_unique_ward_assignment")]

    def __str__(self):
        return f"{self.user.get_username()} – {self.site.site_name}"


class WardFileCollection(models.Model):
    """The private document collection of one ward's learning files (decision files, evidence).

    A child of Root, not of the ward's own collection: the editorial groups hold rights
    on that one (and so on everything under it), while these files carry personal data.
    No group holds a right here; `congphuong.learning.files` grants them from the learning
    rules (permission + Phân công phường).
    """

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="learning_files"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", verbose_name="Thư mục", on_delete=models.CASCADE, related_name="learning_ward"
    )

    class Meta:
        verbose_name = "Thư mục hồ sơ xã hội học tập của phường"
        verbose_name_plural = "Thư mục hồ sơ xã hội học tập của phường"

    def __str__(self):
        return self.collection.name
