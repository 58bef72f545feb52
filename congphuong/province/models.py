"""The last computed state of each ward's compliance board, read by the province overview.

The board (congphuong.organisation.compliance.board) resolves every mandatory category of a ward
through its own source: a few queries per category and ward. The overview must stay a bounded
number of queries for 168 wards, so it reads this snapshot, which `manage.py
refresh_province_overview` (cron, e.g. every hour) recomputes from the board itself.
"""

from django.db import models


class WardBoardSnapshot(models.Model):
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="board_snapshot"
    )
    computed_at = models.DateTimeField("Tính lúc")
    categories = models.PositiveIntegerField("Số hạng mục theo dõi", default=0)
    missing = models.PositiveIntegerField("Hạng mục chưa có", default=0)
    overdue = models.PositiveIntegerField("Mục quá hạn", default=0)
    due_soon = models.PositiveIntegerField("Mục sắp đến hạn", default=0)
    late = models.PositiveIntegerField("Mục đăng trễ", default=0)

    class Meta:
        verbose_name = "Trạng thái bảng theo dõi của phường"
        verbose_name_plural = "Trạng thái bảng theo dõi của các phường"
        permissions = [("view_province_overview", "Xem tổng quan thành phố")]

    def __str__(self):
        return f"{self.site} – {self.label}"

    @property
    def problems(self) -> int:
        """What the overview sorts by: categories missing plus items overdue."""
        return self.missing + self.overdue

    @property
    def label(self) -> str:
        if not self.categories:
            return "Chưa có hạng mục bắt buộc"
        parts = []
        if self.missing:
            parts.append(f"thiếu {self.missing} hạng mục")
        if self.overdue:
            parts.append(f"{self.overdue} mục quá hạn")
        if self.due_soon:
            parts.append(f"{self.due_soon} mục sắp đến hạn")
        if not parts:
            return "Đạt" if not self.late else f"Đạt ({self.late} mục đăng trễ)"
        text = ", ".join(parts)
        return text[0].upper() + text[1:]
