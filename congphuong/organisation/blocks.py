"""StreamField blocks of the "Giới thiệu" pages: leaders, facts, departments, map, khu phố, contacts."""

from django.db.models import Prefetch
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from congphuong.core.blocks import BodyStreamBlock

UNIT_DUTY_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def site_from_context(context):
    """The ward (Site) a block renders for: the page's own site, else the request's (current_site)."""
    if not context:
        return None
    page = context.get("page")
    if page is not None and hasattr(page, "get_site"):
        if not hasattr(page, "_ward_site"):
            page._ward_site = page.get_site()  # one query per page, not per block
        if page._ward_site is not None:
            return page._ward_site
    return context.get("current_site")


class LeaderChooserBlock(SnippetChooserBlock):
    """Chooses a Leader; loads every chosen leader with photo and renditions in two queries."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Lãnh đạo")
        super().__init__("organisation.Leader", **kwargs)

    def bulk_to_python(self, values):
        from wagtail.images import get_image_model

        from .models import Leader

        renditions = Prefetch("photo__renditions", queryset=get_image_model().get_rendition_model().objects.all())
        found = Leader.objects.select_related("photo").prefetch_related(renditions).in_bulk(values)
        return [found.get(value) for value in values]

    def deconstruct(self):
        # The target model is fixed: keep migrations free of the positional argument.
        path = "congphuong.organisation.blocks.LeaderChooserBlock"
        _, args, kwargs = super().deconstruct()
        return path, (), kwargs


def public_leaders(leaders, site):
    """Chosen leaders the public may see: published, of this ward, each once."""
    seen, shown = set(), []
    for leader in leaders:
        if leader is None or not leader.live or leader.pk in seen:
            continue
        if site is not None and leader.site_id != site.pk:
            continue  # chosen from another ward: never shown here
        seen.add(leader.pk)
        shown.append(leader)
    return shown


class LeaderListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Tiêu đề", required=False, default="Lãnh đạo phường")
    leaders = blocks.ListBlock(LeaderChooserBlock(), label="Các lãnh đạo (theo thứ tự hiện)")
    show_duties = blocks.BooleanBlock(
        label="Hiện nhiệm vụ được phân công", required=False, default=False, help_text="Hiện ngay dưới tên mỗi người."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["shown_leaders"] = public_leaders(value.get("leaders") or [], site_from_context(parent_context))
        return context

    class Meta:
        icon = "group"
        label = "Danh sách lãnh đạo"
        template = "organisation/blocks/leader_list.html"


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Chỉ tiêu", help_text="Ví dụ: Diện tích tự nhiên")
    value = blocks.CharBlock(label="Giá trị", help_text="Ví dụ: 1,25 km²")
    note = blocks.CharBlock(label="Ghi chú", required=False)

    class Meta:
        icon = "list-ul"
        label = "Số liệu"


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Tiêu đề", required=False, default="Số liệu chính")
    facts = blocks.ListBlock(FactBlock(), label="Các số liệu")
    source = blocks.CharBlock(
        label="Nguồn, thời điểm số liệu", required=False, help_text="Ví dụ: Số liệu đến 31/12/2025"
    )

    class Meta:
        icon = "table"
        label = "Bảng số liệu (diện tích, dân số…)"
        template = "organisation/blocks/facts.html"


class UnitBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Tên")
    head_name = blocks.CharBlock(label="Người đứng đầu", required=False)
    head_title = blocks.CharBlock(label="Chức vụ người đứng đầu", required=False, help_text="Ví dụ: Trưởng ban")
    phone = blocks.CharBlock(label="Điện thoại", required=False)
    email = blocks.EmailBlock(label="Thư điện tử", required=False)
    duties = blocks.RichTextBlock(label="Chức năng, nhiệm vụ", required=False, features=UNIT_DUTY_FEATURES)

    class Meta:
        icon = "group"
        label = "Đơn vị"


class UnitListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Tiêu đề", required=False)
    intro = blocks.TextBlock(label="Giới thiệu ngắn", required=False)
    units = blocks.ListBlock(UnitBlock(), label="Các đơn vị")

    class Meta:
        icon = "group"
        template = "organisation/blocks/unit_list.html"


class MapBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh bản đồ", required=False)
    alt_text = blocks.CharBlock(
        label="Mô tả bản đồ cho người khiếm thị",
        required=False,
        help_text="Tả ngắn ranh giới: phía Bắc giáp…, phía Nam giáp…",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False)
    map_url = blocks.URLBlock(
        label="Liên kết bản đồ trực tuyến", required=False, help_text="Ví dụ: địa chỉ OpenStreetMap hoặc Google Maps"
    )

    class Meta:
        icon = "site"
        label = "Bản đồ địa giới"
        template = "organisation/blocks/map.html"


class QuarterListBlock(blocks.StructBlock):
    """The ward's khu phố/ấp, read from the "Khu phố/ấp" snippets when the page renders."""

    heading = blocks.CharBlock(label="Tiêu đề", required=False, default="Các khu phố")
    intro = blocks.TextBlock(label="Giới thiệu ngắn", required=False)

    def get_context(self, value, parent_context=None):
        from .models import Quarter

        context = super().get_context(value, parent_context)
        site = site_from_context(parent_context)
        context["quarters"] = list(Quarter.objects.for_site(site)) if site else []
        return context

    class Meta:
        icon = "home"
        label = "Danh sách khu phố/ấp (tự động)"
        template = "organisation/blocks/quarter_list.html"


class ContactBlock(blocks.StructBlock):
    unit = blocks.CharBlock(label="Bộ phận / việc cần liên hệ", help_text="Ví dụ: Bộ phận Một cửa")
    person = blocks.CharBlock(label="Người phụ trách", required=False)
    phone = blocks.CharBlock(label="Điện thoại", required=False)
    email = blocks.EmailBlock(label="Thư điện tử", required=False)
    note = blocks.CharBlock(label="Ghi chú", required=False, help_text="Ví dụ: giờ tiếp dân")

    class Meta:
        icon = "mail"
        label = "Đầu mối liên hệ"


class ContactListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Tiêu đề", required=False, default="Đầu mối liên hệ")
    show_ward_details = blocks.BooleanBlock(
        label="Hiện địa chỉ, điện thoại, giờ làm việc của phường",
        required=False,
        default=True,
        help_text="Lấy từ “Thông tin phường” trong phần Cài đặt.",
    )
    contacts = blocks.ListBlock(ContactBlock(), label="Các đầu mối", required=False)

    class Meta:
        icon = "mail"
        label = "Thông tin liên hệ"
        template = "organisation/blocks/contacts.html"


class AboutStreamBlock(BodyStreamBlock):
    leaders = LeaderListBlock()
    facts = FactsBlock()
    departments = UnitListBlock(label="Bộ phận, ban ngành", default={"heading": "Các bộ phận, ban ngành"})
    mass_organisations = UnitListBlock(
        label="Mặt trận và các đoàn thể", default={"heading": "Mặt trận Tổ quốc và các đoàn thể"}
    )
    map = MapBlock()
    quarters = QuarterListBlock()
    contacts = ContactListBlock()

    class Meta:
        label = "Nội dung"
