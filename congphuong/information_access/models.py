"""Tiếp cận thông tin (Luật Tiếp cận thông tin 104/2016/QH13; Nghị định 13/2018/NĐ-CP Điều 11).

- ``InformationAccessPage``: the ward's "Tiếp cận thông tin" section: the list of information it
  makes public (``PublishedInformation``, edited as part of the page, through the leader's
  approval like any page), the contact point in charge, the procedure, and the request form,
  receipt and status lookup (views in ``public_views.py``).
- ``InformationRequest``: one request for information that is not published. The requester's
  name, ID number, address and contacts are personal data: only the ward's staff who handle
  requests see them (``permissions.py``); the lookup shows the status only.
- ``RequestEvent``: each step of the handling, with who and when (receipt, start, extension,
  provision, refusal, notes).
- ``RefusalGround``: the grounds a refusal may cite, install-wide data an administrator keeps in
  line with the law (seeded unconfirmed: the notes we had did not list the grounds' articles).

The day counts are data on the page, not code: the seeded values are defaults an administrator
confirms against the text in force ("Đã đối chiếu thời hạn").
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from congphuong.core.language import is_english
from congphuong.core.models import BasePage

CODE_PREFIX = "TCTT"
# Defaults of the page's day counts: Luật Tiếp cận thông tin 2016 as we read it (a reply within
# 10 working days of a valid request, one extension of at most 10 more). Not confirmed against the
# text (domain notes: "[check the exact day counts]"): the page says so until an administrator ticks
# "Đã đối chiếu thời hạn".
DEFAULT_ANSWER_DAYS = 10
DEFAULT_EXTENSION_DAYS = 10
DEFAULT_RETENTION_YEARS = 5

DEFAULT_CONSENT_NOTICE = (
    "Phường dùng họ tên, số giấy tờ tùy thân, địa chỉ và thông tin liên hệ của bạn chỉ để xác định người "
    "yêu cầu, giải quyết yêu cầu cung cấp thông tin và gửi kết quả. Các thông tin này không được công bố, "
    "không cung cấp cho bên khác trừ khi pháp luật yêu cầu, và chỉ cán bộ giải quyết yêu cầu của phường "
    "được xem. Bạn có thể đề nghị xem, sửa hoặc xóa dữ liệu của mình bằng cách liên hệ đầu mối nêu trên "
    "(Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)."
)


class InformationAccessPage(RoutablePageMixin, BasePage):
    """The ward's "Tiếp cận thông tin" section and everything the public does there."""

    intro = models.TextField(
        "Giới thiệu",
        blank=True,
        help_text="Vài câu hiện ở đầu trang: quyền tiếp cận thông tin của công dân và cách phường thực hiện.",
    )
    # The contact point in charge of providing information (Luật Tiếp cận thông tin, Điều 17 and 19).
    contact_unit = models.CharField(
        "Bộ phận đầu mối", max_length=255, help_text="Ví dụ: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"
    )
    contact_person = models.CharField(
        "Người phụ trách",
        max_length=255,
        blank=True,
        help_text="Họ tên và chức vụ, ví dụ: Ông Nguyễn Văn A – Chánh Văn phòng",
    )
    contact_address = models.CharField("Địa chỉ tiếp nhận", max_length=255)
    contact_phone = models.CharField("Điện thoại", max_length=40, blank=True)
    contact_email = models.EmailField("Thư điện tử", blank=True)
    contact_hours = models.CharField(
        "Thời gian tiếp nhận",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ – 17 giờ, thứ Hai đến thứ Sáu",
    )
    procedure = RichTextField(
        "Hướng dẫn thêm về cách yêu cầu",
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text="Hiện sau các bước yêu cầu (các bước và thời hạn được tạo tự động từ thiết lập dưới đây).",
    )
    answer_working_days = models.PositiveSmallIntegerField(
        "Thời hạn giải quyết (ngày làm việc)",
        default=DEFAULT_ANSWER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Khi thông tin chưa có sẵn để cung cấp ngay: tính từ ngày nhận yêu cầu, "
        "không kể thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết (bảng “Ngày nghỉ/ngày làm bù”).",
    )
    extension_working_days = models.PositiveSmallIntegerField(
        "Gia hạn tối đa (ngày làm việc)",
        default=DEFAULT_EXTENSION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Được gia hạn một lần, có lý do, và báo cho người yêu cầu.",
    )
    deadlines_confirmed = models.BooleanField(
        "Đã đối chiếu thời hạn",
        default=False,
        help_text="Đánh dấu sau khi đã đối chiếu hai thời hạn trên với văn bản pháp luật đang có hiệu lực. "
        "Giá trị cài sẵn là mặc định chưa được đối chiếu; khi chưa đánh dấu, hàng đợi yêu cầu nhắc việc này.",
    )
    register_retention_years = models.PositiveSmallIntegerField(
        "Lưu sổ theo dõi (năm)",
        default=DEFAULT_RETENTION_YEARS,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="Yêu cầu đã kết thúc quá số năm này hiện ở bộ lọc “Quá thời hạn lưu” để cán bộ xem xét xóa. "
        "Giá trị mặc định chưa đối chiếu với quy định về lưu trữ.",
    )
    notify_email = models.EmailField(
        "Thư điện tử nhận thông báo yêu cầu mới",
        blank=True,
        help_text="Để trống nếu không cần thư báo; cán bộ vẫn thấy yêu cầu trong trang quản trị.",
    )
    consent_notice = models.TextField(
        "Thông báo xử lý dữ liệu cá nhân",
        default=DEFAULT_CONSENT_NOTICE,
        help_text="Hiện bên cạnh ô đồng ý trong biểu mẫu (Nghị định 13/2023/NĐ-CP).",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "published_items",
            heading="Danh mục thông tin phường công khai",
            label="Thông tin công khai",
            help_text="Thông tin gì, công khai ở đâu, bằng hình thức nào, khi nào và trong bao lâu.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_unit"),
                FieldPanel("contact_person"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_hours"),
            ],
            heading="Đầu mối cung cấp thông tin",
        ),
        FieldPanel("procedure"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Giá trị cài sẵn là mặc định, chưa được đối chiếu với văn bản; "
                    "kiểm tra rồi đánh dấu “Đã đối chiếu thời hạn”."
                ),
                FieldPanel("answer_working_days"),
                FieldPanel("extension_working_days"),
                FieldPanel("deadlines_confirmed"),
                FieldPanel("register_retention_years"),
                FieldPanel("notify_email"),
                FieldPanel("consent_notice"),
            ],
            heading="Tiếp nhận và giải quyết yêu cầu",
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Tiếp cận thông tin"
        verbose_name_plural = "Tiếp cận thông tin"

    def default_description(self) -> str:
        return gettext(
            "%(title)s: danh mục thông tin phường công khai, đầu mối cung cấp thông tin, cách yêu cầu "
            "cung cấp thông tin và tra cứu tình trạng yêu cầu."
        ) % {"title": self.title}

    # Routes: the views live in public_views.py to keep the model small.
    @path("")
    def index(self, request):
        from . import public_views

        return public_views.index(self, request)

    @path("gui-yeu-cau/", name="request")
    def request_form(self, request):
        from . import public_views

        return public_views.request_form(self, request)

    @path("da-gui/", name="receipt")
    def receipt(self, request):
        from . import public_views

        return public_views.receipt(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from . import public_views

        return public_views.lookup(self, request)


class PublishedInformation(Orderable):
    """One line of the ward's list of information it makes public (Luật Tiếp cận thông tin, Điều 17, 19)."""

    page = ParentalKey(InformationAccessPage, on_delete=models.CASCADE, related_name="published_items")
    title = models.CharField("Thông tin", max_length=255, help_text="Ví dụ: Dự toán và quyết toán ngân sách phường")
    place = models.CharField(
        "Nơi công khai", max_length=255, help_text="Ví dụ: Cổng thông tin điện tử phường; bảng tin tại trụ sở"
    )
    method = models.CharField("Hình thức công khai", max_length=255, help_text="Ví dụ: Đăng toàn văn; niêm yết")
    timing = models.CharField(
        "Thời điểm công khai", max_length=255, help_text="Ví dụ: Chậm nhất 30 ngày sau khi được phê duyệt"
    )
    duration = models.CharField("Thời hạn công khai", max_length=255, help_text="Ví dụ: Ít nhất 30 ngày; thường xuyên")
    link = models.URLField("Đường dẫn", blank=True, help_text="Nơi xem trên cổng, nếu có.")

    panels = [
        FieldPanel("title"),
        FieldPanel("place"),
        FieldPanel("method"),
        FieldPanel("timing"),
        FieldPanel("duration"),
        FieldPanel("link"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Thông tin công khai"
        verbose_name_plural = "Danh mục thông tin công khai"

    def __str__(self):
        return self.title


class RefusalGround(models.Model):
    """A ground a refusal may cite; install-wide, kept by the system administrator."""

    title = models.CharField("Căn cứ từ chối", max_length=255)
    legal_basis = models.CharField(
        "Điều, khoản", max_length=255, help_text="Ví dụ: Luật Tiếp cận thông tin 2016, Điều …, khoản …"
    )
    confirmed = models.BooleanField(
        "Đã đối chiếu với văn bản",
        default=False,
        help_text="Các căn cứ cài sẵn chưa được đối chiếu điều, khoản; đánh dấu sau khi kiểm tra.",
    )
    active = models.BooleanField("Đang dùng", default=True, help_text="Bỏ chọn để không còn chọn được khi từ chối.")
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)
    # What the English section (/en/) shows to a requester who asked there: the look-up page and the
    # result e-mail (docs/english-section.md). Left empty, the Vietnamese text is shown.
    title_en = models.CharField(
        "Căn cứ từ chối bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Hiện cho người yêu cầu trên phần tiếng Anh (/en/); để trống thì hiện bản tiếng Việt.",
    )
    legal_basis_en = models.CharField(
        "Điều, khoản bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Viết bằng tiếng Anh điều, khoản của ô Điều, khoản; để trống thì hiện bản tiếng Việt.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("legal_basis"),
        FieldPanel("title_en"),
        FieldPanel("legal_basis_en"),
        FieldPanel("confirmed"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "Căn cứ từ chối cung cấp thông tin"
        verbose_name_plural = "Căn cứ từ chối cung cấp thông tin"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def label(self) -> str:
        """The ground with its legal basis, as a refusal cites it, in the active language: the English
        fields on /en/ (each falling back to the Vietnamese one when empty), else the Vietnamese."""
        title, basis = self.title, self.legal_basis
        if is_english():
            title, basis = self.title_en or title, self.legal_basis_en or basis
        return f"{title} ({basis})" if basis else title


class InformationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=InformationRequest.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class InformationRequest(models.Model):
    NEW = "new"
    PROCESSING = "processing"
    PROVIDED = "provided"
    REFUSED = "refused"
    STATUS_CHOICES = [
        (NEW, "Mới tiếp nhận"),
        (PROCESSING, "Đang giải quyết"),
        (PROVIDED, "Đã cung cấp"),
        (REFUSED, "Từ chối cung cấp"),
    ]
    OPEN_STATUSES = (NEW, PROCESSING)

    COPY_IN_PERSON = "copy"
    COPY_BY_POST = "post"
    EMAIL = "email"
    READ_ON_SITE = "onsite"
    DELIVERY_CHOICES = [
        (COPY_IN_PERSON, "Nhận bản sao, bản chụp tại trụ sở"),
        (COPY_BY_POST, "Nhận bản sao, bản chụp qua bưu điện"),
        (EMAIL, "Nhận qua thư điện tử"),
        (READ_ON_SITE, "Đọc, xem, ghi chép tại trụ sở"),
    ]

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="information_requests"
    )
    page = models.ForeignKey(
        InformationAccessPage,
        verbose_name="Trang tiếp cận thông tin",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    code = models.CharField("Mã tra cứu", max_length=24, unique=True, editable=False)

    # The requester: personal data (Nghị định 13/2023/NĐ-CP), only for the ward's handling staff.
    full_name = models.CharField("Họ và tên", max_length=120)
    id_number = models.CharField(
        "Số giấy tờ tùy thân", max_length=20, help_text="Căn cước, căn cước công dân hoặc hộ chiếu"
    )
    address = models.CharField("Nơi cư trú, địa chỉ", max_length=255)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    information = models.TextField("Thông tin cần cung cấp")
    purpose = models.TextField("Mục đích yêu cầu", blank=True)
    delivery = models.CharField("Hình thức nhận thông tin", max_length=12, choices=DELIVERY_CHOICES)
    consent_at = models.DateTimeField("Đồng ý xử lý dữ liệu lúc", null=True, blank=True, editable=False)

    # Handling: each change is also a RequestEvent with who and when.
    received_at = models.DateTimeField("Ngày nhận", default=timezone.now, db_index=True)
    initial_due_date = models.DateField("Hạn giải quyết ban đầu", editable=False)
    due_date = models.DateField("Hạn giải quyết", db_index=True, editable=False)
    status = models.CharField(
        "Trạng thái", max_length=12, choices=STATUS_CHOICES, default=NEW, db_index=True, editable=False
    )
    extended_at = models.DateTimeField("Gia hạn lúc", null=True, blank=True, editable=False)
    extension_reason = models.TextField("Lý do gia hạn", blank=True, editable=False)
    result = models.TextField("Kết quả cung cấp", blank=True, editable=False)
    refusal_ground = models.ForeignKey(
        RefusalGround,
        verbose_name="Căn cứ từ chối",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
        editable=False,
    )
    refusal_reason = models.TextField("Lý do từ chối", blank=True, editable=False)
    closed_at = models.DateTimeField("Ngày kết thúc", null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người kết thúc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "Yêu cầu cung cấp thông tin"
        verbose_name_plural = "Yêu cầu cung cấp thông tin"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        # No personal data: the string lands in admin logs and messages.
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_extended(self) -> bool:
        return self.extended_at is not None

    @property
    def summary(self) -> str:
        text = " ".join(self.information.split())
        return text if len(text) <= 80 else text[:79].rstrip() + "…"

    @property
    def received_on(self):
        return timezone.localtime(self.received_at).date()

    @property
    def closed_on(self):
        return timezone.localtime(self.closed_at).date() if self.closed_at else None

    @property
    def provided_immediately(self) -> bool:
        """Provided on the day the request came in (the law's "cung cấp ngay")."""
        return self.status == self.PROVIDED and self.closed_on == self.received_on

    @property
    def extension_text(self) -> str:
        if not self.is_extended:
            return ""
        return f"Đến {self.due_date:%d/%m/%Y}: {self.extension_reason}"

    @property
    def closed_by_name(self) -> str:
        if self.closed_by is None:
            return ""
        return self.closed_by.get_full_name() or self.closed_by.get_username()

    @property
    def outcome_text(self) -> str:
        """One line for the register."""
        if self.status == self.PROVIDED:
            return ("Cung cấp ngay. " if self.provided_immediately else "") + self.result
        if self.status == self.REFUSED:
            ground = self.refusal_ground.label if self.refusal_ground_id else ""
            return f"Từ chối – {ground}: {self.refusal_reason}"
        return ""

    def save(self, *args, **kwargs):
        if not self.code:
            from congphuong.feedback.codes import new_code

            year = timezone.localtime(self.received_at).year if self.received_at else None
            code = new_code(year, prefix=CODE_PREFIX)
            while InformationRequest.objects.filter(code=code).exists():
                code = new_code(year, prefix=CODE_PREFIX)
            self.code = code
        if not self.due_date:
            from .handling import first_due_date

            self.initial_due_date = self.due_date = first_due_date(self)
        super().save(*args, **kwargs)


class RequestEvent(models.Model):
    """One step of a request's handling, or an internal note; never public."""

    RECEIVED = "received"
    STARTED = "started"
    EXTENDED = "extended"
    PROVIDED = "provided"
    REFUSED = "refused"
    NOTE = "note"
    KIND_CHOICES = [
        (RECEIVED, "Tiếp nhận"),
        (STARTED, "Bắt đầu giải quyết"),
        (EXTENDED, "Gia hạn"),
        (PROVIDED, "Cung cấp thông tin"),
        (REFUSED, "Từ chối"),
        (NOTE, "Ghi chú nội bộ"),
    ]

    request = models.ForeignKey(
        InformationRequest, verbose_name="Yêu cầu", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("Bước", max_length=12, choices=KIND_CHOICES)
    at = models.DateTimeField("Thời điểm", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, blank=True, on_delete=models.SET_NULL
    )
    text = models.TextField("Nội dung", blank=True)

    class Meta:
        verbose_name = "Bước xử lý yêu cầu"
        verbose_name_plural = "Các bước xử lý yêu cầu"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request.code}: {self.get_kind_display()}"

    @property
    def user_name(self) -> str:
        if self.user is None:
            return "Hệ thống"
        return self.user.get_full_name() or self.user.get_username()
