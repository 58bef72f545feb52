"""Demo content for "Văn bản" and "Dự thảo lấy ý kiến" of one ward (fictional, written for the demo).

``build_demo(home, site)`` is idempotent: sections, documents and drafts are found by slug and
created only when missing; the managed lists are shared and created with get_or_create.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from congphuong.core.text import slugify_vi

from .models import (
    DocumentIndexPage,
    DocumentReplacement,
    DocumentSector,
    DocumentType,
    DraftAttachment,
    DraftComment,
    DraftDocumentPage,
    DraftIndexPage,
    Issuer,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from .models import DocumentRelation as Relation
from .pdf import pdf_document

TYPES = ["Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Thông báo", "Công văn", "Báo cáo"]
SECTORS = [
    "Tổ chức – bộ máy",
    "Cải cách hành chính",
    "Văn hóa – xã hội",
    "Giáo dục – khuyến học",
    "Đất đai – xây dựng – đô thị",
    "Tài chính – ngân sách",
    "Quốc phòng – an ninh",
    "Y tế – môi trường",
]


@dataclass
class Doc:
    key: str
    doc_type: str
    number: str
    title: str
    summary: str
    issued: dt.date
    issuer: str = "ubnd"  # ubnd, dang-uy, hdnd, thanh-pho
    sectors: list[str] = field(default_factory=list)
    signer: tuple[str, str] = ("Nguyễn Thành Trung", "Chủ tịch")
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    replaces: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    files: int = 1


def _documents(today: dt.date) -> list[Doc]:
    soon = today + dt.timedelta(days=20)
    year = today.year
    vice = ("Lê Thị Hồng Nhung", "KT. Chủ tịch – Phó Chủ tịch")
    party = ("Trần Văn Bình", "Bí thư")
    return [
        Doc(
            "quy-che-2023",
            "Quyết định",
            "18/QĐ-UBND",
            "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân phường (năm 2023)",
            "Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường nhiệm kỳ 2021–2026",
            dt.date(2023, 2, 10),
            sectors=["Tổ chức – bộ máy"],
        ),
        Doc(
            "quy-che-moi",
            "Quyết định",
            "45/QĐ-UBND",
            "Quyết định ban hành Quy chế làm việc mới của Ủy ban nhân dân phường",
            "Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường sau khi sắp xếp đơn vị hành chính",
            dt.date(2025, 7, 15),
            sectors=["Tổ chức – bộ máy", "Cải cách hành chính"],
            replaces=["quy-che-2023"],
            files=2,
        ),
        Doc(
            "nq-nhiem-vu",
            "Nghị quyết",
            "12-NQ/ĐU",
            "Nghị quyết về lãnh đạo thực hiện nhiệm vụ phát triển kinh tế – xã hội",
            "Về lãnh đạo thực hiện nhiệm vụ phát triển kinh tế – xã hội, bảo đảm quốc phòng – an ninh",
            dt.date(year, 1, 8),
            issuer="dang-uy",
            sectors=["Tài chính – ngân sách", "Quốc phòng – an ninh"],
            signer=party,
        ),
        Doc(
            "kh-thuc-hien-nq",
            "Kế hoạch",
            "21/KH-UBND",
            "Kế hoạch thực hiện Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội",
            "Triển khai thực hiện Nghị quyết của Đảng ủy phường về nhiệm vụ phát triển kinh tế – xã hội",
            dt.date(year, 1, 20),
            sectors=["Tài chính – ngân sách"],
            related=["nq-nhiem-vu"],
            signer=vice,
        ),
        Doc(
            "kh-trung-thu-2024",
            "Kế hoạch",
            "96/KH-UBND",
            "Kế hoạch tổ chức Tết Trung thu cho thiếu nhi năm 2024",
            "Tổ chức vui Tết Trung thu, tặng quà cho thiếu nhi có hoàn cảnh khó khăn trên địa bàn phường",
            dt.date(2024, 8, 26),
            sectors=["Văn hóa – xã hội"],
            effective_until=dt.date(2024, 10, 1),
            signer=vice,
        ),
        Doc(
            "ct-phong-chay",
            "Chỉ thị",
            "02/CT-UBND",
            "Chỉ thị tăng cường phòng cháy, chữa cháy tại khu dân cư",
            "Về tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ tại khu dân cư, nhà trọ",
            dt.date(2024, 11, 5),
            sectors=["Quốc phòng – an ninh"],
        ),
        Doc(
            "tb-tiep-dan",
            "Thông báo",
            "35/TB-UBND",
            "Thông báo lịch tiếp công dân định kỳ của lãnh đạo phường",
            "Lịch tiếp công dân định kỳ của Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân phường",
            dt.date(year, 1, 3),
            sectors=["Cải cách hành chính"],
            signer=vice,
        ),
        Doc(
            "tb-nghi-tet",
            "Thông báo",
            "41/TB-UBND",
            "Thông báo lịch trực giải quyết thủ tục hành chính dịp nghỉ Tết",
            "Bố trí cán bộ trực tiếp nhận hồ sơ khai tử, khai sinh trong những ngày nghỉ Tết Nguyên đán",
            dt.date(2025, 1, 20),
            sectors=["Cải cách hành chính"],
            effective_until=dt.date(2025, 2, 3),
        ),
        Doc(
            "kh-khuyen-hoc",
            "Kế hoạch",
            "58/KH-UBND",
            "Kế hoạch xây dựng xã hội học tập, khuyến học – khuyến tài",
            "Đẩy mạnh phong trào gia đình học tập, dòng họ học tập, cộng đồng học tập ở khu phố",
            dt.date(2025, 3, 12),
            sectors=["Giáo dục – khuyến học"],
            signer=vice,
            files=2,
        ),
        Doc(
            "cv-chinh-trang",
            "Công văn",
            "310/UBND",
            "Công văn về chỉnh trang vỉa hè, lòng đường trên các tuyến hẻm",
            "Về việc vận động hộ kinh doanh không lấn chiếm vỉa hè, lòng đường trên các tuyến hẻm chính",
            dt.date(2025, 5, 6),
            sectors=["Đất đai – xây dựng – đô thị"],
            signer=vice,
        ),
        Doc(
            "bc-6-thang",
            "Báo cáo",
            "142/BC-UBND",
            "Báo cáo tình hình kinh tế – xã hội sáu tháng đầu năm 2025",
            "Kết quả thực hiện nhiệm vụ kinh tế – xã hội, quốc phòng – an ninh sáu tháng đầu năm và phương hướng",
            dt.date(2025, 6, 20),
            sectors=["Tài chính – ngân sách", "Văn hóa – xã hội"],
        ),
        Doc(
            "nq-du-toan",
            "Nghị quyết",
            "08/NQ-HĐND",
            "Nghị quyết về dự toán thu, chi ngân sách phường",
            "Về dự toán thu ngân sách trên địa bàn và chi ngân sách phường",
            dt.date(year, 1, 5),
            issuer="hdnd",
            sectors=["Tài chính – ngân sách"],
            signer=("Phạm Quốc Hưng", "Chủ tịch Hội đồng nhân dân"),
        ),
        Doc(
            "qd-thanh-lap-to",
            "Quyết định",
            "77/QĐ-UBND",
            "Quyết định thành lập Tổ công tác chuyển đổi số cộng đồng",
            "Về việc thành lập Tổ công tác hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
            dt.date(2025, 4, 2),
            sectors=["Cải cách hành chính"],
        ),
        Doc(
            "qd-thanh-pho",
            "Quyết định",
            "1520/QĐ-UBND",
            "Quyết định của Thành phố công bố danh mục thủ tục hành chính cấp xã",
            "Về việc công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã",
            dt.date(2025, 6, 30),
            issuer="thanh-pho",
            sectors=["Cải cách hành chính"],
            signer=("Võ Minh Tâm", "KT. Chủ tịch – Phó Chủ tịch"),
        ),
        Doc(
            "qd-ngoai-gio",
            "Quyết định",
            "102/QĐ-UBND",
            "Quyết định về giờ tiếp nhận hồ sơ ngoài giờ hành chính",
            "Về việc tiếp nhận hồ sơ thủ tục hành chính vào sáng thứ Bảy và buổi tối thứ Tư hằng tuần",
            today - dt.timedelta(days=5),
            effective_from=soon,
            sectors=["Cải cách hành chính"],
        ),
    ]


def ward_name(home, site) -> str:
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).first()
    return (settings.short_name if settings else "") or home.title


def ward_collection(ward: str):
    """The ward's demo collection (made by the core demo), so that `load_demo --reset` removes our files."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    return root.get_children().filter(name=ward).first() or root


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_section(home, model, title, slug, intro):
    page = model.objects.child_of(home).first()
    if page is None:
        page = publish_child(home, model(title=title, slug=slug, intro=intro, show_in_menus=True))
    return page


def _lists(ward: str):
    types = {
        name: DocumentType.objects.get_or_create(name=name, defaults={"sort_order": n})[0]
        for n, name in enumerate(TYPES)
    }
    sectors = {
        name: DocumentSector.objects.get_or_create(name=name, defaults={"sort_order": n})[0]
        for n, name in enumerate(SECTORS)
    }
    issuer_names = {
        "ubnd": (f"Ủy ban nhân dân {ward}", 1),
        "dang-uy": (f"Đảng ủy {ward}", 2),
        "hdnd": (f"Hội đồng nhân dân {ward}", 3),
        "thanh-pho": ("Ủy ban nhân dân Thành phố Hồ Chí Minh", 10),
    }
    issuers = {
        key: Issuer.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for key, (name, order) in issuer_names.items()
    }
    return types, sectors, issuers


def _file(ward, doc: Doc, n: int):
    label = "Toàn văn văn bản" if n == 0 else "Phụ lục kèm theo"
    slug = slugify_vi(f"{ward} {doc.number.replace('/', ' ')} {n}")
    return pdf_document(
        f"{doc.doc_type} {doc.number} – {ward}" + ("" if n == 0 else " – phụ lục"),
        f"{slug}.pdf",
        [ward.upper(), f"{doc.doc_type} so {doc.number}", doc.title, "", label, "(Tai lieu mau cua cong thong tin)"],
        collection=ward_collection(ward),
    ), label


# The ward's own signers in the document list below, and the position that names each in Lãnh đạo.
WARD_SIGNERS = {
    "Nguyễn Thành Trung": "Chủ tịch Ủy ban nhân dân",
    "Lê Thị Hồng Nhung": "Phó Chủ tịch Ủy ban nhân dân",
    "Trần Văn Bình": "Bí thư Đảng ủy",
    "Phạm Quốc Hưng": "Chủ tịch Hội đồng nhân dân",
}


def _ward_signers(site) -> dict[str, str]:
    """Placeholder signer → the name of the ward's leader in that position (organisation.Leader), so a
    decision is signed by the chairman the organisation page and the footer name."""
    from congphuong.organisation.models import leader_holding

    names = {}
    for placeholder, title in WARD_SIGNERS.items():
        leader = leader_holding(site, title)
        if leader is not None:
            names[placeholder] = leader.full_name
    return names


def build_demo(home, site):
    """Create the "Văn bản" and "Dự thảo lấy ý kiến" sections of one ward with demo content."""
    ward = ward_name(home, site)
    today = timezone.localdate()
    types, sectors, issuers = _lists(ward)

    index = ensure_section(
        home,
        DocumentIndexPage,
        "Văn bản",
        "van-ban",
        f"Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành của {ward}. Lọc theo loại, cơ quan ban hành, "
        "lĩnh vực, năm và tình trạng hiệu lực.",
    )
    pages = {}
    specs = _documents(today)
    signers = _ward_signers(site)
    for doc in specs:
        slug = slugify_vi(f"{doc.doc_type} {doc.number.replace('/', ' ')}", max_length=80)
        existing = LegalDocumentPage.objects.child_of(index).filter(slug=slug).first()
        if existing is not None:
            pages[doc.key] = existing
            continue
        page = LegalDocumentPage(
            title=doc.title,
            slug=slug,
            number=doc.number,
            doc_type=types[doc.doc_type],
            issuer=issuers[doc.issuer],
            signer_name=signers.get(doc.signer[0], doc.signer[0]),
            signer_position=doc.signer[1],
            issued_on=doc.issued,
            effective_from=doc.effective_from,
            effective_until=doc.effective_until,
            summary=doc.summary,
        )
        page.sectors.set([sectors[name] for name in doc.sectors])
        page.attachments = [
            LegalDocumentAttachment(document=document, label=label, sort_order=n)
            for n, (document, label) in enumerate(_file(ward, doc, n) for n in range(doc.files))
        ]
        page.replacement_links = [
            DocumentReplacement(document=pages[key], sort_order=n) for n, key in enumerate(doc.replaces)
        ]
        page.related_links = [Relation(document=pages[key], sort_order=n) for n, key in enumerate(doc.related)]
        pages[doc.key] = publish_child(index, page)

    drafts = ensure_section(
        home,
        DraftIndexPage,
        "Dự thảo lấy ý kiến",
        "du-thao-lay-y-kien",
        "Người dân, tổ chức góp ý cho các dự thảo văn bản của phường trong thời gian lấy ý kiến. "
        "Góp ý được công khai sau khi kiểm duyệt; thông tin liên hệ của người góp ý không được công khai.",
    )
    _drafts(drafts, ward, types, sectors, issuers)
    return {"documents": index, "drafts": drafts}


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _drafts(index, ward, types, sectors, issuers):
    today = timezone.localdate()
    specs = [
        {
            "slug": "du-thao-quy-che-nha-van-hoa-khu-pho",
            "title": "Dự thảo Quy chế quản lý, sử dụng nhà văn hóa khu phố",
            "summary": "Quy định việc mượn nhà văn hóa khu phố cho sinh hoạt cộng đồng, giờ mở cửa, "
            "trách nhiệm giữ gìn tài sản và cách công khai thu, chi.",
            "opens": _at(today - dt.timedelta(days=5), 7, 30),
            "closes": _at(today + dt.timedelta(days=25), 17),
            "type": "Quyết định",
            "sectors": ["Văn hóa – xã hội"],
            "comments": [
                (
                    "Ngô Thị Mai",
                    "Đề nghị cho mở cửa nhà văn hóa vào tối thứ Bảy để các lớp học kỹ năng số cho "
                    "người cao tuổi có chỗ sinh hoạt.",
                    DraftComment.Status.APPROVED,
                ),
                (
                    "Đỗ Văn Sơn",
                    "Nên quy định rõ mức đóng góp tiền điện khi tổ chức tiệc cưới, tránh mỗi khu phố thu một kiểu.",
                    DraftComment.Status.APPROVED,
                ),
                (
                    "Hoàng Anh",
                    "Tôi đồng ý với dự thảo, đề nghị dán lịch sử dụng ở bảng tin khu phố.",
                    DraftComment.Status.PENDING,
                ),
            ],
        },
        {
            "slug": "du-thao-ke-hoach-chinh-trang-hem",
            "title": "Dự thảo Kế hoạch chỉnh trang hẻm, bảo đảm trật tự lòng lề đường",
            "summary": "Lộ trình vận động người dân tự nguyện sắp xếp mái che, bảng hiệu; lắp đèn chiếu sáng "
            "và biển tên hẻm trên các tuyến hẻm chính.",
            "opens": _at(today - dt.timedelta(days=70), 7, 30),
            "closes": _at(today - dt.timedelta(days=40), 17),
            "type": "Kế hoạch",
            "sectors": ["Đất đai – xây dựng – đô thị"],
            "comments": [
                (
                    "Lý Thanh Tùng",
                    "Đề nghị ưu tiên lắp đèn cho hẻm cụt phía sau chợ, buổi tối rất tối.",
                    DraftComment.Status.APPROVED,
                ),
                (
                    "Bùi Thị Lan",
                    "Cần cho hộ kinh doanh thời gian chuẩn bị ít nhất một tháng trước khi tháo dỡ mái che.",
                    DraftComment.Status.APPROVED,
                ),
                ("Khách", "Quảng cáo dịch vụ không liên quan.", DraftComment.Status.HIDDEN),
            ],
        },
    ]
    for n, spec in enumerate(specs):
        if DraftDocumentPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        draft = DraftDocumentPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            doc_type=types[spec["type"]],
            issuer=issuers["ubnd"],
            comment_opens_at=spec["opens"],
            comment_closes_at=spec["closes"],
            other_channels="Gửi văn bản góp ý về Văn phòng Ủy ban nhân dân phường hoặc góp ý trực tiếp tại "
            "buổi họp khu phố.",
        )
        draft.sectors.set([sectors[name] for name in spec["sectors"]])
        document = pdf_document(
            f"{spec['title']} – {ward}",
            f"{slugify_vi(ward)}-{spec['slug']}.pdf",
            [ward.upper(), spec["title"], "", "Du thao lay y kien nhan dan", "(Tai lieu mau cua cong thong tin)"],
            collection=ward_collection(ward),
        )
        draft.attachments = [DraftAttachment(document=document, label="Toàn văn dự thảo")]
        publish_child(index, draft)
        for m, (name, body, status) in enumerate(spec["comments"]):
            DraftComment.objects.create(
                draft=draft,
                name=name,
                email=f"gopy{n}{m}@example.vn",
                body=body,
                status=status,
                created_at=spec["opens"] + dt.timedelta(days=1 + m, hours=3 * m),
            )
