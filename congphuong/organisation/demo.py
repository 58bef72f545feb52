"""Demo content for one ward: Giới thiệu, leaders, khu phố, Lịch công tác, Công khai, mandatory categories.

Every person, phone number and figure here is invented. ``build_demo(home, site)``
is idempotent: what exists is kept, only what is missing is added.
"""

import datetime
import hashlib
import io
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import demo_images
from .compliance.sources import ensure_default_categories
from .models import (
    AboutIndexPage,
    AboutPage,
    DisclosureAttachment,
    DisclosureCategory,
    DisclosureIndexPage,
    DisclosurePage,
    Leader,
    OrganisationPage,
    Quarter,
    ScheduleEntry,
    WeeklySchedulePage,
    WorkSchedulePage,
)
from .permissions import ensure_organisation_permissions
from .weeks import Week

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_MEN = ["Văn", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Công"]
MIDDLE_WOMEN = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ"]
GIVEN_MEN = ["Hùng", "Dũng", "Tuấn", "Khang", "Phúc", "Lộc", "Nghĩa", "Tâm", "Thắng", "Sơn", "Bình", "Tài"]
PROVINCES = ["Long An", "Bến Tre", "Đồng Nai", "Quảng Ngãi", "Tiền Giang", "Bình Định"]
DEGREES = ["Thạc sĩ Quản lý công", "Cử nhân Luật", "Cử nhân Kinh tế", "Thạc sĩ Hành chính công"]
GIVEN_WOMEN = ["Lan", "Hương", "Mai", "Hạnh", "Thảo", "Trang", "Ngân", "Yến", "Loan", "Phượng"]

# (position, woman?, duties)
LEADERS = [
    (
        "Bí thư Đảng ủy phường",
        False,
        "Lãnh đạo toàn diện các mặt công tác của Đảng bộ phường; trực tiếp phụ trách công tác tổ chức cán bộ, "
        "nội chính, quốc phòng – an ninh.",
    ),
    (
        "Phó Bí thư Thường trực Đảng ủy, Chủ tịch Hội đồng nhân dân phường",
        True,
        "Phụ trách công tác kiểm tra, giám sát của Đảng; điều hành hoạt động của Hội đồng nhân dân phường; "
        "tiếp công dân định kỳ vào sáng Thứ Năm tuần đầu tháng.",
    ),
    (
        "Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường",
        False,
        "Lãnh đạo, điều hành chung hoạt động của Ủy ban nhân dân phường; trực tiếp phụ trách ngân sách, "
        "tổ chức bộ máy, thanh tra, tiếp công dân và giải quyết khiếu nại, tố cáo.",
    ),
    (
        "Phó Chủ tịch Ủy ban nhân dân phường (phụ trách kinh tế)",
        False,
        "Phụ trách kinh tế, tài chính, đất đai, xây dựng, quản lý đô thị, tài nguyên – môi trường; "
        "theo dõi Khu phố 1 đến Khu phố 4.",
    ),
    (
        "Phó Chủ tịch Ủy ban nhân dân phường (phụ trách văn hóa – xã hội)",
        True,
        "Phụ trách văn hóa, giáo dục, y tế, lao động – thương binh và xã hội, chuyển đổi số, cải cách hành chính; "
        "theo dõi Khu phố 5 đến Khu phố 8.",
    ),
    (
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        True,
        "Chủ trì công tác Mặt trận, giám sát và phản biện xã hội, phối hợp các đoàn thể; tiếp nhận ý kiến, "
        "kiến nghị của Nhân dân.",
    ),
]

DEPARTMENTS = [
    ("Văn phòng Đảng ủy", "Chánh Văn phòng", "Tham mưu, giúp việc Đảng ủy về tổ chức, tuyên giáo, kiểm tra."),
    (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
        "Chánh Văn phòng",
        "Tổng hợp, hành chính, văn thư, lưu trữ; vận hành cổng thông tin điện tử.",
    ),
    ("Phòng Kinh tế", "Trưởng phòng", "Tài chính – kế toán, đất đai, xây dựng, quản lý đô thị, môi trường, kinh tế."),
    (
        "Phòng Văn hóa – Xã hội",
        "Trưởng phòng",
        "Văn hóa, thông tin, thể thao, giáo dục, y tế, lao động và an sinh xã hội.",
    ),
    (
        "Trung tâm Phục vụ hành chính công",
        "Giám đốc",
        "Tiếp nhận và trả kết quả thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.",
    ),
    ("Công an phường", "Trưởng Công an", "Bảo đảm an ninh, trật tự; quản lý cư trú, căn cước."),
    ("Ban Chỉ huy Quân sự phường", "Chỉ huy trưởng", "Công tác quốc phòng, dân quân tự vệ, tuyển quân."),
]

MASS_ORGANISATIONS = [
    ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Chủ tịch", "Tập hợp, đoàn kết Nhân dân; giám sát, phản biện xã hội."),
    (
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường",
        "Bí thư",
        "Tập hợp thanh thiếu nhi; phong trào tình nguyện, khởi nghiệp.",
    ),
    (
        "Hội Liên hiệp Phụ nữ phường",
        "Chủ tịch",
        "Chăm lo quyền lợi phụ nữ và trẻ em; hỗ trợ phụ nữ phát triển kinh tế.",
    ),
    ("Hội Cựu chiến binh phường", "Chủ tịch", "Phát huy truyền thống; tham gia giữ gìn an ninh, trật tự ở khu dân cư."),
    ("Hội Nông dân phường", "Chủ tịch", "Hỗ trợ hội viên sản xuất, kinh doanh, tiếp cận vốn vay."),
    ("Hội Khuyến học phường", "Chủ tịch", "Xây dựng xã hội học tập; quản lý quỹ khuyến học, trao học bổng."),
    ("Hội Chữ thập đỏ phường", "Chủ tịch", "Nhân đạo, từ thiện, hiến máu tình nguyện, cứu trợ."),
]

STREETS = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Phan Đình Phùng",
    "Hoàng Văn Thụ",
    "Cách Mạng Tháng Tám",
]

DISCLOSURE_CATEGORIES = [
    ("ngan-sach", "Ngân sách, tài chính", "Dự toán, tình hình thực hiện và quyết toán ngân sách phường."),
    ("ho-tro-xa-hoi", "Danh sách hỗ trợ xã hội", "Đối tượng được hưởng trợ cấp, hỗ trợ; hộ nghèo, hộ cận nghèo."),
    ("phi-le-phi", "Phí, lệ phí", "Các khoản phí, lệ phí và mức thu áp dụng tại phường."),
    ("ke-hoach", "Kế hoạch phát triển kinh tế – xã hội", "Kế hoạch năm, kế hoạch trung hạn và kết quả thực hiện."),
    (
        "dong-gop-cua-nhan-dan",
        "Đóng góp của Nhân dân",
        "Các khoản huy động, đóng góp và việc sử dụng (khoản 5 Điều 11).",
    ),
    (
        "dat-dai-quy-hoach",
        "Đất đai, quy hoạch",
        "Quy hoạch, kế hoạch sử dụng đất; thu hồi đất, bồi thường, tái định cư.",
    ),
    ("tai-san-cong", "Tài sản công", "Việc quản lý, sử dụng tài sản công tại phường."),
]


def _rnd(site, *parts) -> random.Random:
    digest = hashlib.sha256("|".join([site.hostname, *map(str, parts)]).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def _person(rnd, woman):
    middle = rnd.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN)
    given = rnd.choice(GIVEN_WOMEN if woman else GIVEN_MEN)
    return f"{rnd.choice(FAMILY)} {middle} {given}"


def _ward_name(site) -> str:
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).first()
    return (settings.short_name if settings else "") or site.site_name or "Phường"


def _collection(ward):
    """The ward's demo collection (made by the core demo) so that `load_demo --reset` removes our files too."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=ward).first() or root


def _image(title, data, filename, ward):
    Image = get_image_model()  # noqa: N806
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, collection=_collection(ward))
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.file_size = len(data)
    image.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's duplicate check, not security)
    image.save()
    return image


def _document(title, data, filename, ward):
    Document = get_document_model()  # noqa: N806
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=_collection(ward))
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324
    document.save()
    return document


def _publish(parent, page, moment=None):
    parent.add_child(instance=page)
    page.save_revision().publish()
    if moment is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
        )
        page.refresh_from_db()
    return page


def _child(parent, model):
    return model.objects.child_of(parent).first()


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


# --- Snippets ------------------------------------------------------------------------------


CHAIRMAN_POSITION = "Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường"


def _ward_spec(site):
    """The core demo's description of this ward (by its host name), or None for a ward it did not make."""
    from congphuong.demo.builder import WARDS

    return next((spec for spec in WARDS if spec.hostname == site.hostname), None)


def _leaders(site, ward):
    rnd = _rnd(site, "leaders")
    spec = _ward_spec(site)
    leaders = []
    for order, (position, woman, duties) in enumerate(LEADERS, start=1):
        existing = Leader.objects.filter(site=site, position=position).first()
        if existing:
            leaders.append(existing)
            continue
        name = _person(rnd, woman)
        if position == CHAIRMAN_POSITION and spec is not None:
            name, woman = spec.chairman  # the chairman the ward's news and settings name
        born = rnd.randint(1968, 1982)
        home_province = rnd.choice(PROVINCES)
        degree = rnd.choice(DEGREES)
        photo = _image(
            f"Ảnh chân dung {name} ({ward})",
            demo_images.portrait(f"{site.hostname}-{order}", woman),
            f"chan-dung-{order}.png",
            ward,
        )
        leader = Leader(
            site=site,
            full_name=name,
            position=position,
            photo=photo,
            duties=f"<p>{duties}</p>",
            biography=(
                f"<ul><li>Năm sinh: {born}</li><li>Quê quán: {home_province}</li>"
                f"<li>Trình độ: {degree}; "
                "Cao cấp lý luận chính trị</li>"
                f"<li>Từ {rnd.randint(2015, 2023)}: công tác tại {ward}; giữ chức vụ hiện nay từ 7/2025.</li></ul>"
            ),
            phone=f"028 38{rnd.randint(10, 99)} {rnd.randint(1000, 9999)}" if order <= 3 else "",
            email=f"lanhdao{order}@example.vn" if order <= 3 else "",
            sort_order=order * 10,
        )
        leader.save()
        leader.save_revision().publish()
        leaders.append(leader)
    return leaders


def _footer_names_the_chairman(site, leaders):
    """The footer's "Chịu trách nhiệm nội dung" is the chairman's Leader record, not a second copy of the name."""
    from congphuong.wards.models import WardSettings

    chairman = next((leader for leader in leaders if leader.position == CHAIRMAN_POSITION), None)
    if chairman is not None:
        WardSettings.objects.filter(site=site).update(responsible_leader=chairman, responsible_person="")


def _quarters(site, count=8):
    rnd = _rnd(site, "quarters")
    quarters = []
    for number in range(1, count + 1):
        name = f"Khu phố {number}"
        quarter = Quarter.objects.filter(site=site, name=name).first()
        if quarter is None:
            streets = rnd.sample(STREETS, 2)
            quarter = Quarter(
                site=site,
                name=name,
                head_name=_person(rnd, rnd.random() < 0.4),
                head_phone=f"0909 {rnd.randint(100, 999)} {rnd.randint(100, 999)}",
                area=f"Đường {streets[0]} (số {number * 10 + 1} – {number * 10 + 59}), hẻm {rnd.randint(10, 300)} "
                f"đường {streets[1]}",
                households=rnd.randint(900, 2400),
                sort_order=number * 10,
            )
            quarter.save()
            quarter.save_revision().publish()
        quarters.append(quarter)
    return quarters


def _disclosure_categories(site):
    categories = {}
    for order, (slug, name, description) in enumerate(DISCLOSURE_CATEGORIES, start=1):
        category, _ = DisclosureCategory.objects.get_or_create(
            site=site, slug=slug, defaults={"name": name, "description": description, "sort_order": order * 10}
        )
        categories[slug] = category
    return categories


# --- Giới thiệu ------------------------------------------------------------------------------


def _about(home, site, ward, leaders, quarters, launched):
    index = _child(home, AboutIndexPage)
    if index is None:
        index = _publish(
            home,
            AboutIndexPage(
                title="Giới thiệu",
                slug="gioi-thieu",
                show_in_menus=True,
                intro=f"Lịch sử, địa giới, điều kiện tự nhiên – xã hội, bộ máy tổ chức và các khu phố của {ward}.",
            ),
            launched,
        )
    rnd = _rnd(site, "facts")
    area = rnd.randint(180, 420) / 100
    population = rnd.randint(38_000, 72_000)
    households = population // 4 + rnd.randint(-500, 500)
    neighbours = rnd.sample(
        ["phường Tân Định", "phường Hòa Bình", "phường An Phú", "phường Phú Thạnh", "xã Bình Lợi"], 4
    )
    area_text = f"{area:.2f}".replace(".", ",") + " km²"
    population_text = f"{population:,}".replace(",", ".") + " người"
    pages = [
        (
            "Lịch sử hình thành và phát triển",
            "lich-su",
            f"Từ vùng đất ven kênh đến một phường đô thị: các mốc chính của {ward}.",
            [
                _paragraph(
                    f"Vùng đất {ward} ngày nay xưa là những xóm nhỏ ven kênh, người dân sống bằng nghề làm vườn, "
                    "dệt vải và buôn bán nhỏ. Đầu thế kỷ XX, các con đường đầu tiên được mở, chợ phường hình thành "
                    "và dân cư từ nhiều nơi về sinh sống."
                ),
                _heading("Các mốc chính"),
                {
                    "type": "paragraph",
                    "value": "<ul><li>1976: thành lập các phường trên địa bàn theo đơn vị hành chính mới.</li>"
                    "<li>1990–2010: chỉnh trang đô thị, nạo vét kênh, mở rộng hẻm, xây trường học và trạm y tế.</li>"
                    "<li>2020: hoàn thành phổ cập giáo dục trung học cơ sở, được công nhận phường đạt chuẩn "
                    "văn minh đô thị.</li>"
                    f"<li>1/7/2025: sắp xếp đơn vị hành chính cấp xã, {ward} được thành lập trên cơ sở nhập "
                    "ba phường cũ; bộ máy chính quyền hai cấp đi vào hoạt động.</li></ul>",
                },
                _heading("Truyền thống"),
                _paragraph(
                    "Trong các cuộc kháng chiến, nhiều người con của địa phương đã tham gia cách mạng; phường có "
                    "các gia đình được tặng danh hiệu Bà mẹ Việt Nam anh hùng. Truyền thống ấy được tiếp nối trong "
                    "phong trào khuyến học, đền ơn đáp nghĩa và xây dựng khu phố văn minh."
                ),
            ],
        ),
        (
            "Bản đồ địa giới hành chính",
            "ban-do-dia-gioi",
            f"Sơ đồ ranh giới {ward} và các khu phố.",
            [
                {
                    "type": "map",
                    "value": {
                        "image": _image(
                            f"Bản đồ địa giới {ward}",
                            demo_images.boundary_map(
                                f"Sơ đồ địa giới {ward}", [q.name for q in quarters], neighbours, site.hostname
                            ),
                            "ban-do-dia-gioi.png",
                            ward,
                        ).pk,
                        "alt_text": f"Sơ đồ {ward}: phía Bắc giáp {neighbours[0]}, phía Đông giáp {neighbours[1]}, "
                        f"phía Nam giáp kênh và {neighbours[2]}, phía Tây giáp {neighbours[3]}; "
                        f"{len(quarters)} khu phố.",
                        "caption": "Sơ đồ minh họa, không dùng để xác định ranh giới pháp lý.",
                        "map_url": "https://www.openstreetmap.org/#map=15/10.7769/106.7009",
                    },
                },
                {
                    "type": "facts",
                    "value": {
                        "heading": "Vị trí, ranh giới",
                        "facts": [
                            {"label": "Phía Bắc", "value": f"Giáp {neighbours[0]}", "note": ""},
                            {"label": "Phía Đông", "value": f"Giáp {neighbours[1]}", "note": ""},
                            {"label": "Phía Nam", "value": f"Giáp kênh và {neighbours[2]}", "note": ""},
                            {"label": "Phía Tây", "value": f"Giáp {neighbours[3]}", "note": ""},
                            {"label": "Diện tích tự nhiên", "value": area_text, "note": ""},
                            {"label": "Dân số", "value": population_text, "note": "31/12/2025"},
                        ],
                        "source": "Nguồn: Ủy ban nhân dân phường, số liệu đến 31/12/2025.",
                    },
                },
            ],
        ),
        (
            "Điều kiện tự nhiên – xã hội",
            "dieu-kien-tu-nhien-xa-hoi",
            "Diện tích, dân số, khu phố, trường học, y tế và các thiết chế văn hóa.",
            [
                _paragraph(
                    "Địa hình bằng phẳng, cao độ trung bình 1,5–2 m; khí hậu nhiệt đới gió mùa với hai mùa mưa, "
                    "khô rõ rệt. Phường nằm trên trục giao thông chính, thuận lợi cho thương mại và dịch vụ."
                ),
                {
                    "type": "facts",
                    "value": {
                        "heading": "Số liệu chính",
                        "facts": [
                            {"label": "Diện tích tự nhiên", "value": area_text, "note": ""},
                            {"label": "Dân số", "value": population_text, "note": ""},
                            {"label": "Số hộ", "value": f"{households:,}".replace(",", ".") + " hộ", "note": ""},
                            {"label": "Số khu phố", "value": str(len(quarters)), "note": ""},
                            {
                                "label": "Mật độ dân số",
                                "value": f"{round(population / area):,}".replace(",", ".") + " người/km²",
                                "note": "",
                            },
                            {"label": "Trường học", "value": "3 mầm non, 2 tiểu học, 1 trung học cơ sở", "note": ""},
                            {"label": "Y tế", "value": "1 trạm y tế, 4 phòng khám tư nhân", "note": ""},
                            {
                                "label": "Thiết chế văn hóa",
                                "value": "1 trung tâm văn hóa – thể thao, 1 thư viện",
                                "note": "",
                            },
                            {"label": "Chợ, siêu thị", "value": "2 chợ, 3 siêu thị mini", "note": ""},
                        ],
                        "source": "Số liệu đến 31/12/2025.",
                    },
                },
                _heading("Kinh tế"),
                _paragraph(
                    "Thương mại – dịch vụ chiếm phần lớn giá trị sản xuất trên địa bàn; nhiều hộ kinh doanh nhỏ dọc "
                    "các tuyến đường chính. Tỷ lệ hộ nghèo theo chuẩn thành phố giảm còn dưới 0,5%."
                ),
            ],
        ),
        (
            "Các khu phố",
            "khu-pho",
            "Danh sách khu phố, trưởng khu phố và địa bàn.",
            [
                {
                    "type": "quarters",
                    "value": {
                        "heading": f"{len(quarters)} khu phố",
                        "intro": "Liên hệ trưởng khu phố khi cần xác nhận, phản ánh việc ở khu dân cư.",
                    },
                }
            ],
        ),
        (
            "Liên hệ",
            "lien-he",
            "Địa chỉ, điện thoại, giờ làm việc và các đầu mối liên hệ.",
            [
                {
                    "type": "contacts",
                    "value": {
                        "heading": "Địa chỉ và đầu mối liên hệ",
                        "show_ward_details": True,
                        "contacts": [
                            {
                                "unit": "Trung tâm Phục vụ hành chính công",
                                "person": "",
                                "phone": "028 3800 1111",
                                "email": "motcua@example.vn",
                                "note": "Tiếp nhận hồ sơ trong giờ hành chính",
                            },
                            {
                                "unit": "Tiếp công dân",
                                "person": leaders[2].full_name if len(leaders) > 2 else "",
                                "phone": "028 3800 2222",
                                "email": "",
                                "note": "Sáng Thứ Năm hằng tuần",
                            },
                            {
                                "unit": "Cổng thông tin điện tử (ban biên tập)",
                                "person": "",
                                "phone": "",
                                "email": "congthongtin@example.vn",
                                "note": "",
                            },
                            {
                                "unit": "Công an phường (trực 24/24)",
                                "person": "",
                                "phone": "028 3800 3333",
                                "email": "",
                                "note": "",
                            },
                        ],
                    },
                }
            ],
        ),
    ]
    organisation = None
    for title, slug, summary, body in pages:
        if slug == "khu-pho":  # "Cơ cấu tổ chức" sits between the facts and the khu phố
            organisation = _organisation(index, site, leaders, launched)
        if not AboutPage.objects.child_of(index).filter(slug=slug).exists():
            _publish(index, AboutPage(title=title, slug=slug, summary=summary, body=body), launched)
    return index, organisation


def _organisation(index, site, leaders, launched):
    organisation = _child(index, OrganisationPage)
    if organisation is None:
        rnd = _rnd(site, "units")
        organisation = _publish(
            index,
            OrganisationPage(
                title="Cơ cấu tổ chức",
                slug="co-cau-to-chuc",
                summary="Lãnh đạo phường, các phòng, ban chuyên môn, Mặt trận Tổ quốc và các đoàn thể.",
                body=[
                    {
                        "type": "leaders",
                        "value": {
                            "heading": "Lãnh đạo phường",
                            "leaders": [leader.pk for leader in leaders],
                            "show_duties": True,
                        },
                    },
                    {
                        "type": "departments",
                        "value": {
                            "heading": "Các phòng, ban chuyên môn",
                            "intro": "",
                            "units": [
                                {
                                    "name": name,
                                    "head_name": _person(rnd, rnd.random() < 0.4),
                                    "head_title": head,
                                    "phone": f"028 3800 {4000 + n * 11}",
                                    "email": "",
                                    "duties": f"<p>{duties}</p>",
                                }
                                for n, (name, head, duties) in enumerate(DEPARTMENTS)
                            ],
                        },
                    },
                    {
                        "type": "mass_organisations",
                        "value": {
                            "heading": "Mặt trận Tổ quốc và các đoàn thể",
                            "intro": "",
                            "units": [
                                {
                                    "name": name,
                                    "head_name": leaders[5].full_name
                                    if n == 0 and len(leaders) > 5
                                    else _person(rnd, "Phụ nữ" in name or rnd.random() < 0.3),
                                    "head_title": head,
                                    "phone": "",
                                    "email": "",
                                    "duties": f"<p>{duties}</p>",
                                }
                                for n, (name, head, duties) in enumerate(MASS_ORGANISATIONS)
                            ],
                        },
                    },
                ],
            ),
            launched,
        )
    return organisation


# --- Lịch công tác ---------------------------------------------------------------------------

WEEK_PLAN = [
    # (weekday, hour, minute, content, leader index or None, host text, participants, location)
    (
        0,
        7,
        30,
        "Chào cờ đầu tuần; giao ban lãnh đạo Ủy ban nhân dân phường",
        2,
        "",
        "Lãnh đạo UBND, trưởng các phòng, ban",
        "Hội trường UBND phường",
    ),
    (
        0,
        14,
        0,
        "Họp Ban Chỉ đạo chuyển đổi số phường",
        4,
        "",
        "Thành viên Ban Chỉ đạo; Văn phòng HĐND và UBND",
        "Phòng họp số 1",
    ),
    (
        1,
        8,
        0,
        "Kiểm tra công tác vệ sinh môi trường, thu gom rác tại các khu phố",
        3,
        "",
        "Phòng Kinh tế; trưởng Khu phố 1–4",
        "Các khu phố 1–4",
    ),
    (
        1,
        14,
        0,
        "Làm việc với Hội Khuyến học về kế hoạch trao học bổng",
        4,
        "",
        "Hội Khuyến học; Phòng Văn hóa – Xã hội",
        "Phòng họp số 2",
    ),
    (2, 8, 0, "Hội nghị Ban Thường vụ Đảng ủy", 0, "", "Ban Thường vụ Đảng ủy", "Phòng họp Đảng ủy"),
    (
        2,
        15,
        0,
        "Đối thoại với hộ kinh doanh về trật tự lòng lề đường",
        3,
        "",
        "Công an phường; Phòng Kinh tế; hộ kinh doanh",
        "Hội trường UBND phường",
    ),
    (3, 7, 30, "Tiếp công dân định kỳ", 2, "", "Ban Tiếp công dân; đại diện Mặt trận", "Phòng tiếp công dân"),
    (3, 14, 0, "Họp xét duyệt hồ sơ hỗ trợ hộ có hoàn cảnh khó khăn", 4, "", "Hội đồng xét duyệt", "Phòng họp số 1"),
    (4, 8, 0, "Giám sát việc giải quyết kiến nghị cử tri", 1, "", "Thường trực HĐND; các ban HĐND", "Phòng họp HĐND"),
    (
        4,
        15,
        30,
        "Họp giao ban Mặt trận và các đoàn thể",
        5,
        "",
        "Chủ tịch, Bí thư các đoàn thể",
        "Trụ sở Ủy ban MTTQ phường",
    ),
]


def _schedule(home, site, leaders, today):
    schedule = _child(home, WorkSchedulePage)
    if schedule is None:
        schedule = _publish(
            home,
            WorkSchedulePage(
                title="Lịch công tác",
                slug="lich-cong-tac",
                show_in_menus=True,
                intro="Lịch làm việc hằng tuần của lãnh đạo Đảng ủy, Hội đồng nhân dân và Ủy ban nhân dân phường.",
            ),
        )
    current = Week.containing(today)
    for offset, week in enumerate((current.previous(), current, current.next())):
        if WeeklySchedulePage.objects.child_of(schedule).filter(week_start=week.start).exists():
            continue
        rnd = _rnd(site, "week", week.param)
        page = WeeklySchedulePage(
            title=f"Lịch công tác tuần {week.number} ({week.start:%d/%m} – {week.end:%d/%m/%Y})",
            slug=f"tuan-{week.year}-w{week.number:02d}",
            week_start=week.start,
        )
        plan = [item for item in WEEK_PLAN if rnd.random() < 0.85 or item[0] == 0]
        for n, (weekday, hour, minute, content, leader_index, host_text, participants, location) in enumerate(plan):
            leader = leaders[leader_index] if leader_index is not None and leader_index < len(leaders) else None
            page.entries.add(
                ScheduleEntry(
                    date=week.start + datetime.timedelta(days=weekday),
                    time=datetime.time(hour, minute),
                    content=content,
                    host_leader=leader,
                    host_text=host_text,
                    participants=participants,
                    location=location,
                    sort_order=n,
                )
            )
        if offset == 2:
            page.entries.add(
                ScheduleEntry(
                    date=week.start + datetime.timedelta(days=5),
                    time_note="Cả ngày",
                    content="Ra quân Ngày Chủ nhật xanh – làm sạch kênh, hẻm",
                    host_text="Đoàn Thanh niên phường",
                    participants="Đoàn viên, thanh niên; hội viên các đoàn thể",
                    location="Dọc kênh và các hẻm Khu phố 6, 7",
                    sort_order=99,
                )
            )
        published = timezone.make_aware(
            datetime.datetime.combine(week.start - datetime.timedelta(days=3), datetime.time(16, 0))
        )
        _publish(schedule, page, min(published, timezone.now()))
    return schedule


# --- Công khai -------------------------------------------------------------------------------


def _disclosures(home, site, ward, categories, today):
    index = _child(home, DisclosureIndexPage)
    if index is None:
        index = _publish(
            home,
            DisclosureIndexPage(
                title="Công khai",
                slug="cong-khai",
                show_in_menus=True,
                intro="Thông tin phường công khai theo Luật Thực hiện dân chủ ở cơ sở: ngân sách, hỗ trợ xã hội, "
                "phí – lệ phí, kế hoạch, đóng góp của Nhân dân, đất đai. Mỗi thông tin được niêm yết ít nhất 30 ngày.",
            ),
        )
    year = today.year
    last_quarter, last_quarter_year = ((today.month - 1) // 3, year) if today.month > 3 else (4, year - 1)
    postings = [
        (
            5,
            "ngan-sach",
            f"Công khai dự toán ngân sách phường năm {year}",
            "Dự toán thu, chi ngân sách đã được Hội đồng nhân dân phường quyết định.",
            [
                ("Tổng thu ngân sách trên địa bàn", "18.450 triệu đồng"),
                ("Tổng chi ngân sách phường", "16.920 triệu đồng"),
                ("Chi đầu tư phát triển", "3.100 triệu đồng"),
                ("Chi thường xuyên", "13.820 triệu đồng"),
            ],
        ),
        (
            14,
            "dat-dai-quy-hoach",
            "Thông báo thu hồi đất để mở rộng hẻm 112 (Khu phố 5)",
            "Danh sách thửa đất, diện tích thu hồi và dự kiến phương án bồi thường; người dân góp ý trong 30 ngày.",
            [
                ("Số hộ bị ảnh hưởng", "17 hộ"),
                ("Tổng diện tích thu hồi", "412,6 m²"),
                ("Thời gian nhận ý kiến", "30 ngày kể từ ngày niêm yết"),
            ],
        ),
        (
            46,
            "ho-tro-xa-hoi",
            f"Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ quý {last_quarter} năm {last_quarter_year}",
            "Danh sách đã được Hội đồng xét duyệt phường thông qua; khiếu nại gửi về Bộ phận một cửa.",
            [("Hộ nghèo", "12 hộ"), ("Hộ cận nghèo", "31 hộ"), ("Mức hỗ trợ", "500.000 đồng/hộ/tháng")],
        ),
        (
            63,
            "dong-gop-cua-nhan-dan",
            f"Công khai thu, chi quỹ khuyến học do Nhân dân đóng góp năm {year - 1}",
            "Số tiền vận động được, số đã chi cho học bổng và khen thưởng, số còn lại chuyển năm sau.",
            [
                ("Tổng thu", "286.500.000 đồng"),
                ("Chi học bổng (214 suất)", "214.000.000 đồng"),
                ("Chi khen thưởng", "48.000.000 đồng"),
                ("Còn lại chuyển năm sau", "24.500.000 đồng"),
            ],
        ),
        (
            95,
            "ngan-sach",
            f"Tình hình thực hiện dự toán ngân sách quý I năm {year}"
            if today.month > 4
            else f"Quyết toán ngân sách phường năm {year - 2}",
            "Báo cáo tình hình thu, chi ngân sách theo mẫu biểu quy định.",
            [("Thu đạt so với dự toán", "27,4%"), ("Chi đạt so với dự toán", "22,1%")],
        ),
        (
            130,
            "phi-le-phi",
            "Mức thu phí, lệ phí áp dụng tại Trung tâm Phục vụ hành chính công",
            "Danh mục phí, lệ phí, mức thu và trường hợp được miễn, giảm.",
            [
                ("Lệ phí đăng ký khai sinh đúng hạn", "Miễn"),
                ("Phí chứng thực bản sao từ bản chính", "2.000 đồng/trang"),
                ("Lệ phí đăng ký kết hôn", "Miễn"),
            ],
        ),
        (
            210,
            "ke-hoach",
            f"Kế hoạch phát triển kinh tế – xã hội năm {year}",
            "Các chỉ tiêu chủ yếu và giải pháp thực hiện kế hoạch năm.",
            [("Tỷ lệ hồ sơ nộp trực tuyến", "≥ 80%"), ("Tỷ lệ hộ nghèo", "< 0,5%"), ("Khu phố văn hóa", "100%")],
        ),
    ]
    for days_ago, slug, title, summary, rows in postings:
        if DisclosurePage.objects.child_of(index).filter(title=title).exists():
            continue
        posted = today - datetime.timedelta(days=days_ago)
        document = _document(
            f"{title} ({ward})",
            demo_images.docx(title.upper(), [ward, summary], [("Nội dung", "Số liệu"), *rows]),
            "cong-khai.docx",
            ward,
        )
        page = DisclosurePage(
            title=title,
            category=categories[slug],
            posted_on=posted,
            summary=summary,
            body=[
                _paragraph(summary),
                {
                    "type": "table",
                    "value": {
                        "data": [["Nội dung", "Số liệu"], *[list(row) for row in rows]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": title,
                    },
                },
                _paragraph("Mọi ý kiến về nội dung công khai xin gửi Ủy ban nhân dân phường hoặc qua mục Hỏi đáp."),
            ],
        )
        page.attachments.add(DisclosureAttachment(document=document, title=f"Bản đầy đủ: {title}"))
        moment = timezone.make_aware(datetime.datetime.combine(posted, datetime.time(8, 30)))
        _publish(index, page, min(moment, timezone.now()))
    return index


def build_demo(home, site):
    """Add this app's demo content to one ward (idempotent)."""
    today = timezone.localdate()
    ward = _ward_name(site)
    launched = timezone.now() - datetime.timedelta(days=300)
    leaders = _leaders(site, ward)
    _footer_names_the_chairman(site, leaders)
    quarters = _quarters(site)
    categories = _disclosure_categories(site)
    _about(home, site, ward, leaders, quarters, launched)
    _schedule(home, site, leaders, today)
    _disclosures(home, site, ward, categories, today)
    ensure_default_categories(site)
    ensure_organisation_permissions()
    # The English section (/en/): after the Vietnamese pages it translates (docs/english-section.md).
    from .demo_english import build_english_section

    build_english_section(home, site)
