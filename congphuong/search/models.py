"""The portal's own search index: one row per public page or object, ranked across content types.

The full-text part is backend-specific and lives beside this table (migration 0002):
- SQLite: an FTS5 table ``portal_search_fts`` (rowid = ``sort_key``) with the folded and the
  accented tokens of title and text, and filter tokens (ward, ancestors, content type);
- PostgreSQL: two ``tsvector`` columns (``vec``, ``title_vec``) with GIN indexes, in a narrow table of
  their own, ``portal_search_vector``, keyed by ``sort_key`` (migration 0004).
"""

from django.db import models


class SearchDocument(models.Model):
    source = models.CharField("Nguồn", max_length=60)
    object_id = models.BigIntegerField("Mã đối tượng")
    kind = models.CharField("Loại nội dung", max_length=40, db_index=True)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField("Vị trí trong cây trang", max_length=255, blank=True, db_index=True)
    scope = models.TextField("Trang cha (mã)", blank=True, help_text="Mã các trang tổ tiên, cách nhau bằng dấu cách.")
    section_id = models.BigIntegerField(
        "Mã mục cấp một", null=True, blank=True, help_text="Trang con trực tiếp của trang chủ phường chứa mục này."
    )
    category_id = models.BigIntegerField("Mã danh mục", null=True, blank=True)
    category_title = models.CharField("Danh mục", max_length=255, blank=True)
    url = models.CharField("Đường dẫn", max_length=1000)
    title = models.CharField("Tiêu đề", max_length=1000)
    body = models.TextField("Nội dung (văn bản thuần)", blank=True)
    date = models.DateTimeField("Ngày", null=True, blank=True)
    title_weight = models.FloatField("Trọng số tiêu đề", default=1.0)
    sort_key = models.BigIntegerField("Khóa sắp xếp", null=True, blank=True, unique=True)
    content_hash = models.CharField("Mã băm nội dung", max_length=40, blank=True)
    indexed_at = models.DateTimeField("Lập chỉ mục lúc", auto_now=True)

    class Meta:
        verbose_name = "Mục chỉ mục tìm kiếm"
        verbose_name_plural = "Chỉ mục tìm kiếm"
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="search_document_unique_object")]

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """How often a folded word or word pair appears in each accented form ("khuyen hoc" → "khuyến học").

    Counts are numbers of documents; they drive "Có phải bạn muốn tìm …?" and the ranking of
    queries typed without diacritics.
    """

    folded = models.CharField("Dạng không dấu", max_length=120, db_index=True)
    form = models.CharField("Dạng có dấu", max_length=120)
    count = models.IntegerField("Số văn bản", default=0)

    class Meta:
        verbose_name = "Từ trong chỉ mục"
        verbose_name_plural = "Từ trong chỉ mục"
        constraints = [models.UniqueConstraint(fields=["folded", "form"], name="search_term_unique_form")]

    def __str__(self):
        return f"{self.folded} → {self.form}"
