"""Snippets of one ward's organisation: its leaders and its khu phố/ấp.

Both carry a `site` FK and go through drafts, revisions and the approval
workflow like the ward's theme of the year: the database row is what the public
sees; edits wait in a revision until a leader approves them.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from congphuong.core.language import is_english
from congphuong.core.text import slugify_vi

from ..forms import WardScopedForm

DUTY_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class SiteScopedQuerySet(models.QuerySet):
    def for_site(self, site):
        """What the public sees for `site`: its own published rows."""
        return self.filter(site=site, live=True)


class Leader(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A leader of the ward ("Lãnh đạo"); reused on every page that names them."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang web của phường", on_delete=models.CASCADE, related_name="leaders"
    )
    full_name = models.CharField("Họ và tên", max_length=120)
    position = models.CharField(
        "Chức vụ", max_length=255, help_text="Ví dụ: Phó Chủ tịch Ủy ban nhân dân phường. Ghi đủ, không viết tắt."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh dọc, nền trơn; sẽ được cắt theo khung 3×4.",
    )
    duties = RichTextField("Nhiệm vụ được phân công", blank=True, features=DUTY_FEATURES)
    # The English section (/en/, docs/english-section.md): a leader is one record in both languages
    # (the name is the same); only the title and duties are written again in English.
    position_en = models.CharField(
        "Chức vụ bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Hiện trên phần tiếng Anh (/en/); viết bằng tiếng Anh, đủ, không viết tắt.",
    )
    duties_en = RichTextField("Nhiệm vụ bằng tiếng Anh", blank=True, features=DUTY_FEATURES)
    biography = RichTextField("Tiểu sử tóm tắt", blank=True, features=DUTY_FEATURES)
    phone = models.CharField(
        "Điện thoại công vụ", max_length=60, blank=True, help_text="Không bắt buộc. Nếu nhập sẽ hiện công khai."
    )
    email = models.EmailField(
        "Thư điện tử công vụ", blank=True, help_text="Không bắt buộc. Nếu nhập sẽ hiện công khai."
    )
    sort_order = models.PositiveSmallIntegerField(
        "Thứ tự", default=100, help_text="Số nhỏ đứng trước: Bí thư, Chủ tịch, rồi các Phó Chủ tịch…"
    )
    slug = models.SlugField(
        "Đường dẫn trang giới thiệu",
        max_length=120,
        blank=True,
        help_text="Để trống sẽ tạo từ họ tên (chữ không dấu).",
    )

    objects = SiteScopedQuerySet.as_manager()

    @property
    def public_position(self) -> str:
        """The title as the page's language shows it: the English one on /en/ when it is written."""
        return self.position_en if self.position_en and is_english() else self.position

    @property
    def public_duties(self) -> str:
        if is_english():
            return self.duties_en
        return self.duties

    base_form_class = WardScopedForm
    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("position"), FieldPanel("photo"), FieldPanel("sort_order")],
            heading="Lãnh đạo",
        ),
        FieldPanel("duties"),
        FieldPanel("biography"),
        MultiFieldPanel([FieldPanel("position_en"), FieldPanel("duties_en")], heading="Phần tiếng Anh (/en/)"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Liên hệ công vụ"),
        FieldPanel("slug"),
    ]

    search_fields = [
        index.SearchField("full_name"),
        index.SearchField("position"),
        index.AutocompleteField("full_name"),
        index.FilterField("site"),
    ]

    class Meta:
        verbose_name = "Lãnh đạo"
        verbose_name_plural = "Lãnh đạo"
        ordering = ["sort_order", "full_name"]
        constraints = [models.UniqueConstraint(fields=["site", "slug"], name="unique_leader_slug_per_site")]

    def __str__(self):
        return f"{self.full_name} – {self.position}" if self.position else self.full_name

    def save(self, *args, **kwargs):
        if not self.slug and self.full_name:
            self.slug = self._unique_slug(slugify_vi(self.full_name, max_length=100) or "lanh-dao")
        super().save(*args, **kwargs)

    def _unique_slug(self, base):
        taken = set(
            Leader.objects.filter(site_id=self.site_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug


def leader_holding(site, title: str) -> "Leader | None":
    """The ward's published leader whose position holds `title` ("Chủ tịch Ủy ban nhân dân"): one part
    of the position, between commas, starts with it, so a "Phó Chủ tịch …" is not the "Chủ tịch …"."""
    wanted = title.casefold()
    for leader in Leader.objects.for_site(site):
        if any(part.strip().casefold().startswith(wanted) for part in leader.position.split(",")):
            return leader
    return None


class Quarter(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A khu phố (or ấp in a commune) and its head."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang web của phường", on_delete=models.CASCADE, related_name="quarters"
    )
    name = models.CharField("Tên khu phố/ấp", max_length=120, help_text="Ví dụ: Khu phố 3")
    head_name = models.CharField("Trưởng khu phố/ấp", max_length=120, blank=True)
    head_phone = models.CharField("Điện thoại liên hệ", max_length=60, blank=True)
    area = models.TextField(
        "Địa bàn", blank=True, help_text="Các tuyến đường, tổ dân phố thuộc khu phố. Ví dụ: Đường số 1 đến số 7"
    )
    households = models.PositiveIntegerField("Số hộ", null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=100)

    objects = SiteScopedQuerySet.as_manager()

    base_form_class = WardScopedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("head_name"),
        FieldPanel("head_phone"),
        FieldPanel("area"),
        FieldPanel("households"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "Khu phố/ấp"
        verbose_name_plural = "Khu phố/ấp"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
