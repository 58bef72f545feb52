"""Hỏi đáp – phản ánh kiến nghị: citizens' questions, their handling and the published answers.

- ``FeedbackPage``: the ward's public page (form, receipt, lookup, published Q&A, ratings).
- ``Question``: one question with the asker's contact details (personal data: shown only
  in the back office to staff of that ward), its handling (status, cadre, notes, due
  date in working days) and the answer, approved by a leader who did not draft it.
- ``Note``: internal notes on a question, never public.
- ``Rating``: anonymous satisfaction ratings of a published answer or of the portal.
- ``Topic``: the question topics (the khu phố/ấp are the ward's one list, ``organisation.Quarter``).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from congphuong.core.models import BasePage
from congphuong.core.text import fold

from .storage import get_private_storage

DEFAULT_DEADLINE_DAYS = 15
NEAR_DUE_WORKING_DAYS = 2

DEFAULT_CONSENT_NOTICE = (
    "Cơ quan chỉ dùng họ tên, số điện thoại, thư điện tử và tệp đính kèm của bạn để xem xét, "
    "trả lời câu hỏi và liên hệ khi cần làm rõ; không công bố và không cung cấp cho bên khác, "
    "trừ khi pháp luật yêu cầu. Khi câu trả lời được đăng công khai, người hỏi chỉ được ghi là "
    "“Công dân khu phố …”. Bạn có thể đề nghị xem, sửa hoặc xóa dữ liệu của mình bằng cách liên hệ "
    "Ủy ban nhân dân phường (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)."
)


class TopicQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(Q(site=site) | Q(site__isnull=True), active=True)


class Topic(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Phường",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback_topics",
        help_text="Để trống nếu chủ đề dùng chung cho mọi phường.",
    )
    name = models.CharField("Tên chủ đề", max_length=120, help_text="Ví dụ: Đất đai – xây dựng")
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)
    active = models.BooleanField("Đang dùng", default=True, help_text="Bỏ chọn để ẩn khỏi biểu mẫu gửi câu hỏi.")

    objects = TopicQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("site"), FieldPanel("sort_order"), FieldPanel("active")]

    class Meta:
        verbose_name = "Chủ đề hỏi đáp"
        verbose_name_plural = "Chủ đề hỏi đáp"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class FeedbackPage(RoutablePageMixin, BasePage):
    """The ward's "Hỏi đáp – phản ánh kiến nghị" page and everything the public does there."""

    intro = models.TextField(
        "Giới thiệu",
        blank=True,
        help_text="Vài câu hướng dẫn hiện ở đầu trang, ví dụ thời hạn trả lời và cách tra cứu.",
    )
    consent_notice = models.TextField(
        "Thông báo xử lý dữ liệu cá nhân",
        default=DEFAULT_CONSENT_NOTICE,
        help_text="Hiện bên cạnh ô đồng ý trong biểu mẫu (Nghị định 13/2023/NĐ-CP).",
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        "Thời hạn trả lời (ngày làm việc)",
        default=DEFAULT_DEADLINE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="Tính từ ngày nhận, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.",
    )
    notify_email = models.EmailField(
        "Thư điện tử nhận thông báo câu hỏi mới",
        blank=True,
        help_text="Để trống nếu không cần thư báo; cán bộ vẫn thấy câu hỏi trong trang quản trị.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("deadline_working_days"), FieldPanel("notify_email"), FieldPanel("consent_notice")],
            heading="Tiếp nhận và trả lời",
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Hỏi đáp – phản ánh kiến nghị"
        verbose_name_plural = "Hỏi đáp – phản ánh kiến nghị"

    def default_description(self) -> str:
        return (
            f"{self.title}: người dân gửi câu hỏi, phản ánh, tra cứu tình trạng xử lý bằng mã tra cứu "
            "và đọc các câu trả lời đã công khai."
        )

    def get_sitemap_urls(self, request=None):
        """The page itself and each published answer (one query)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        published = (
            Question.objects.published()
            .filter(page=self)
            .order_by("-published_at")
            .values_list("pk", "published_at", "updated_at")[:1000]
        )
        for pk, published_at, updated_at in published:
            urls.append({"location": f"{base}cau-hoi/{pk}/", "lastmod": updated_at or published_at})
        return urls

    # Routes: the views live in public_views.py to keep the model small.
    @path("")
    def index(self, request):
        from . import public_views

        return public_views.index(self, request)

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request):
        from . import public_views

        return public_views.ask(self, request)

    @path("da-gui/", name="receipt")
    def receipt(self, request):
        from . import public_views

        return public_views.receipt(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from . import public_views

        return public_views.lookup(self, request)

    @re_path(r"^cau-hoi/(?P<pk>\d+)/$", name="answer")
    def answer(self, request, pk):
        from . import public_views

        return public_views.answer_detail(self, request, int(pk))

    @re_path(r"^cau-hoi/(?P<pk>\d+)/danh-gia/$", name="rate_answer")
    def rate_answer(self, request, pk):
        from . import public_views

        return public_views.rate_answer(self, request, int(pk))

    @path("danh-gia-cong/", name="rate_portal")
    def rate_portal(self, request):
        from . import public_views

        return public_views.rate_portal(self, request)

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import AnswerFeed

        return AnswerFeed(self)(request)


def attachment_upload_to(instance, filename):
    """A random name: the citizen's file name is kept in ``attachment_name`` only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"feedback/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """Answered, approved and marked "của chung": the only questions the public sees."""
        return self.filter(status=Question.ANSWERED, answer_status=Question.ANSWER_APPROVED, is_public=True)

    def open(self):
        return self.filter(status__in=Question.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Question(models.Model):
    NEW = "new"
    PROCESSING = "processing"
    ANSWERED = "answered"
    TRANSFERRED = "transferred"
    REJECTED = "rejected"
    STATUS_CHOICES = [
        (NEW, "Mới"),
        (PROCESSING, "Đang xử lý"),
        (ANSWERED, "Đã trả lời"),
        (TRANSFERRED, "Chuyển cơ quan khác"),
        (REJECTED, "Từ chối"),
    ]
    OPEN_STATUSES = (NEW, PROCESSING)

    ANSWER_DRAFT = "draft"
    ANSWER_PENDING = "pending"
    ANSWER_APPROVED = "approved"
    ANSWER_STATUS_CHOICES = [
        (ANSWER_DRAFT, "Nháp"),
        (ANSWER_PENDING, "Chờ duyệt"),
        (ANSWER_APPROVED, "Đã duyệt"),
    ]

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="feedback_questions"
    )
    page = models.ForeignKey(
        FeedbackPage,
        verbose_name="Trang hỏi đáp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    code = models.CharField("Mã tra cứu", max_length=20, unique=True, editable=False)

    # The asker: personal data (Nghị định 13/2023/NĐ-CP), never shown publicly.
    full_name = models.CharField("Họ và tên", max_length=120)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    # The ward's one list of khu phố (organisation.Quarter, also on Giới thiệu): never a list of its own.
    neighbourhood = models.ForeignKey(
        "organisation.Quarter",
        verbose_name="Khu phố/ấp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    topic = models.ForeignKey(
        Topic, verbose_name="Chủ đề", null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    content = models.TextField("Nội dung câu hỏi")
    attachment = models.FileField(
        "Tệp đính kèm", storage=get_private_storage, upload_to=attachment_upload_to, blank=True, max_length=255
    )
    attachment_name = models.CharField("Tên tệp gốc", max_length=255, blank=True, editable=False)
    attachment_type = models.CharField("Kiểu tệp", max_length=40, blank=True, editable=False)
    consent_at = models.DateTimeField("Đồng ý xử lý dữ liệu lúc", null=True, blank=True, editable=False)

    # Handling.
    received_at = models.DateTimeField("Ngày nhận", default=timezone.now, db_index=True)
    due_date = models.DateField("Hạn trả lời", db_index=True)
    status = models.CharField("Trạng thái", max_length=16, choices=STATUS_CHOICES, default=NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Cán bộ xử lý",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_assigned",
    )
    transferred_to = models.CharField(
        "Cơ quan tiếp nhận",
        max_length=255,
        blank=True,
        help_text="Khi chuyển câu hỏi sang cơ quan khác: tên cơ quan (người hỏi được báo qua thư điện tử).",
    )
    reject_reason = models.TextField(
        "Lý do từ chối", blank=True, help_text="Người hỏi được báo lý do qua thư điện tử nếu có địa chỉ."
    )
    closed_at = models.DateTimeField("Ngày kết thúc xử lý", null=True, blank=True, editable=False)

    # The answer: drafted by a cadre, approved by a leader who did not draft it.
    answer = models.TextField("Nội dung trả lời", blank=True)
    answering_unit = models.CharField(
        "Đơn vị trả lời", max_length=255, blank=True, help_text="Ví dụ: Phòng Văn hóa – Xã hội, UBND phường"
    )
    answer_status = models.CharField(
        "Tình trạng câu trả lời", max_length=12, choices=ANSWER_STATUS_CHOICES, default=ANSWER_DRAFT
    )
    answer_drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người soạn trả lời",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answer_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người gửi duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answer_submitted_at = models.DateTimeField("Gửi duyệt lúc", null=True, blank=True, editable=False)
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answer_approved_at = models.DateTimeField("Duyệt lúc", null=True, blank=True, editable=False)

    # Publication of answers of general interest.
    is_public = models.BooleanField(
        "Của chung (đăng công khai)",
        default=False,
        help_text="Câu hỏi được nhiều người quan tâm: sau khi lãnh đạo duyệt, hỏi đáp được đăng trên cổng "
        "(không kèm họ tên, điện thoại, thư điện tử).",
    )
    public_title = models.CharField(
        "Tiêu đề đăng công khai", max_length=255, blank=True, help_text="Để trống: dùng câu đầu của câu hỏi."
    )
    public_question = models.TextField(
        "Câu hỏi đăng công khai",
        blank=True,
        help_text="Bản câu hỏi được đăng; xóa thông tin cá nhân nếu người hỏi có ghi trong nội dung. "
        "Để trống: dùng nội dung gốc (số điện thoại, thư điện tử trong nội dung được ẩn tự động).",
    )
    published_at = models.DateTimeField("Ngày đăng", null=True, blank=True, editable=False)

    search_text = models.TextField(editable=False, blank=True, default="")
    staff_search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "Hỏi đáp – phản ánh"
        verbose_name_plural = "Hỏi đáp – phản ánh"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        # No content here: the string lands in admin logs and messages.
        return self.code

    # Presentation -------------------------------------------------------

    @property
    def summary(self) -> str:
        text = " ".join(self.content.split())
        return text if len(text) <= 80 else text[:79].rstrip() + "…"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_published(self) -> bool:
        return self.is_public and self.status == self.ANSWERED and self.answer_status == self.ANSWER_APPROVED

    @property
    def asker_label(self) -> str:
        """How the asker appears in public: "Công dân khu phố 3", never a name."""
        if self.neighbourhood_id and self.neighbourhood:
            name = self.neighbourhood.name
            return gettext("Công dân %(place)s") % {"place": f"{name[:1].lower()}{name[1:]}"}
        return gettext("Công dân")

    @property
    def display_question(self) -> str:
        """The question as published: the edited version, with contact details masked."""
        from .privacy import redact

        return redact(self.public_question or self.content, self)

    @property
    def display_title(self) -> str:
        from .privacy import redact

        if self.public_title:
            return redact(self.public_title, self)
        text = " ".join(self.display_question.split())
        return text if len(text) <= 120 else text[:119].rstrip() + "…"

    @property
    def display_answer(self) -> str:
        from .privacy import redact

        return redact(self.answer, self)

    @property
    def answered_on(self):
        return self.answer_approved_at or self.closed_at

    # Bookkeeping ----------------------------------------------------------

    def set_due_date(self, calendar=None, working_days=None):
        from congphuong.core.workdays import WorkdayCalendar

        calendar = calendar or WorkdayCalendar.load()
        if working_days is None:
            working_days = self.page.deadline_working_days if self.page_id else DEFAULT_DEADLINE_DAYS
        received = timezone.localtime(self.received_at).date() if self.received_at else timezone.localdate()
        self.due_date = calendar.add_working_days(received, working_days)

    def refresh_search_text(self):
        # The public index is built from the masked texts: a name in the question is not findable.
        public_parts = [self.display_title, self.display_question, self.display_answer, self.answering_unit]
        self.search_text = fold(" ".join(part for part in public_parts if part))
        staff_parts = [self.code, self.full_name, self.phone, self.email, self.content, self.answer]
        self.staff_search_text = fold(" ".join(part for part in staff_parts if part))

    def save(self, *args, **kwargs):
        if not self.code:
            from .codes import new_code

            year = timezone.localtime(self.received_at).year if self.received_at else None
            code = new_code(year)
            while Question.objects.filter(code=code).exists():
                code = new_code(year)
            self.code = code
        if not self.due_date:
            self.set_due_date()
        if self.is_published and not self.published_at:
            self.published_at = timezone.now()
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"search_text", "staff_search_text", "updated_at"}
        super().save(*args, **kwargs)


class Note(models.Model):
    """An internal note on a question (or an entry of its handling log); never public."""

    question = models.ForeignKey(Question, verbose_name="Câu hỏi", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người ghi", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField("Thời điểm", default=timezone.now)
    text = models.TextField("Nội dung ghi chú")
    is_event = models.BooleanField("Ghi tự động", default=False, help_text="Ghi lại một bước xử lý.")

    class Meta:
        verbose_name = "Ghi chú nội bộ"
        verbose_name_plural = "Ghi chú nội bộ"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "Hệ thống"
        return self.author.get_full_name() or self.author.get_username()


class Rating(models.Model):
    """An anonymous satisfaction rating: of one published answer, or of the portal (question empty)."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="feedback_ratings"
    )
    question = models.ForeignKey(
        Question,
        verbose_name="Câu trả lời được đánh giá",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    score = models.PositiveSmallIntegerField(
        "Mức hài lòng", validators=[MinValueValidator(1), MaxValueValidator(5)], help_text="1 (rất không hài lòng) – 5"
    )
    comment = models.TextField("Góp ý", blank=True, max_length=1000)
    created_at = models.DateTimeField("Thời điểm", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Đánh giá mức độ hài lòng"
        verbose_name_plural = "Đánh giá mức độ hài lòng"
        ordering = ["-created_at"]

    def __str__(self):
        target = self.question.code if self.question_id else "Cổng thông tin"
        return f"{target}: {self.score}/5"

    @property
    def target_label(self) -> str:
        return f"Câu trả lời {self.question.code}" if self.question_id else "Cổng thông tin"
