"""Demo content for "Thủ tục hành chính" of one ward: ten common commune-level procedures.

Written for the demo in plain words; the codes, fees and time limits illustrate the layout and
must be checked against the national procedures database before real use. Idempotent.
"""

from django.utils.html import escape

from congphuong.core.text import slugify_vi
from congphuong.documents.demo import ensure_section, publish_child, ward_collection, ward_name
from congphuong.documents.pdf import pdf_document

from .models import DossierItem, ProcedureChannel, ProcedureIndexPage, ProcedurePage, ProcedureSector

PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
SECTORS = ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Đất đai"]

IN_PERSON = (
    "truc-tiep",
    # The hours are the ward's (Thông tin phường), shown beside this by the page: not written here.
    "Nộp tại Bộ phận tiếp nhận và trả kết quả (một cửa) của Ủy ban nhân dân phường.",
)
ONLINE_FULL = (
    "truc-tuyen",
    "Dịch vụ công trực tuyến toàn trình: khai tờ khai, đính kèm ảnh giấy tờ và nhận "
    "kết quả điện tử trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
)
ONLINE_PART = (
    "truc-tuyen",
    "Dịch vụ công trực tuyến một phần: nộp hồ sơ trên Cổng Dịch vụ công, mang bản chính "
    "giấy tờ đến đối chiếu khi nhận kết quả.",
)
POST = ("buu-chinh", "Gửi hồ sơ qua dịch vụ bưu chính công ích; kết quả được gửi về địa chỉ người yêu cầu.")


def _steps(*steps):
    return [
        {"type": "step", "value": {"title": title, "description": f"<p>{escape(text)}</p>"}} for title, text in steps
    ]


def _basis(*laws):
    return "<ul>" + "".join(f"<li>{escape(law)}</li>" for law in laws) + "</ul>"


RECEIVE = (
    "Nhận kết quả",
    "Nhận kết quả tại Bộ phận một cửa, qua bưu chính hoặc bản điện tử trên tài khoản dịch vụ công của người yêu cầu.",
)
CHECK = (
    "Kiểm tra hồ sơ",
    "Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu còn thiếu sẽ hướng dẫn bổ sung một lần bằng văn bản.",
)
CIVIL_LAW = (
    "Luật Hộ tịch năm 2014.",
    "Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp "
    "thi hành Luật Hộ tịch (đã được sửa đổi, bổ sung).",
)
CERT_LAW = (
    "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực "
    "chữ ký và chứng thực hợp đồng, giao dịch.",
)

PROCEDURES = [
    {
        "title": "Đăng ký khai sinh",
        "code": "1.001193",
        "sector": "Hộ tịch",
        "applicants": "Cha, mẹ, ông, bà hoặc người thân thích đang nuôi dưỡng trẻ",
        "steps": _steps(
            (
                "Chuẩn bị và nộp hồ sơ",
                "Người đi đăng ký điền tờ khai, nộp kèm giấy chứng sinh và xuất trình giấy tờ tùy thân.",
            ),
            CHECK,
            (
                "Ghi sổ và cấp giấy khai sinh",
                "Nếu hồ sơ hợp lệ, công chức ghi vào Sổ đăng ký khai sinh, cập nhật "
                "số định danh cá nhân cho trẻ và trình lãnh đạo ký giấy khai sinh.",
            ),
            RECEIVE,
        ),
        "channels": [IN_PERSON, ONLINE_FULL, POST],
        "dossier": [
            ("Tờ khai đăng ký khai sinh", "ban-chinh", 1, "to-khai-dang-ky-khai-sinh"),
            (
                "Giấy chứng sinh do cơ sở y tế cấp (hoặc văn bản của người làm chứng nếu sinh ngoài cơ sở y tế)",
                "ban-chinh",
                1,
                None,
            ),
            ("Văn bản ủy quyền có chứng thực, nếu nhờ người khác đi đăng ký", "ban-chinh", 1, None),
        ],
        "time": "Ngay trong ngày tiếp nhận hồ sơ; nếu nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
        "fees": "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh).",
        "result": "Giấy khai sinh (bản chính) và bản sao trích lục nếu có yêu cầu",
        "basis": CIVIL_LAW,
    },
    {
        "title": "Đăng ký kết hôn",
        "code": "1.000894",
        "sector": "Hộ tịch",
        "applicants": "Nam, nữ công dân Việt Nam đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình",
        "steps": _steps(
            ("Nộp hồ sơ", "Hai bên nộp tờ khai và xuất trình giấy tờ tùy thân; có thể một bên nộp trước."),
            CHECK,
            (
                "Trao giấy chứng nhận kết hôn",
                "Cả hai bên có mặt, ký vào Sổ đăng ký kết hôn và giấy chứng nhận kết "
                "hôn trước sự chứng kiến của công chức.",
            ),
        ),
        "channels": [IN_PERSON, ONLINE_PART],
        "dossier": [
            ("Tờ khai đăng ký kết hôn", "ban-chinh", 1, "to-khai-dang-ky-ket-hon"),
            ("Giấy xác nhận tình trạng hôn nhân, nếu nơi cư trú khác nơi đăng ký kết hôn", "ban-chinh", 1, None),
        ],
        "time": "Ngay trong ngày nhận đủ hồ sơ; trường hợp cần xác minh thì không quá 05 ngày làm việc.",
        "fees": "Miễn lệ phí.",
        "result": "Giấy chứng nhận kết hôn (mỗi bên một bản chính)",
        "basis": (*CIVIL_LAW, "Luật Hôn nhân và gia đình năm 2014."),
    },
    {
        "title": "Đăng ký khai tử",
        "code": "1.000656",
        "sector": "Hộ tịch",
        "applicants": "Vợ, chồng, con, cha, mẹ hoặc người thân thích của người chết",
        "steps": _steps(
            ("Nộp hồ sơ", "Người đi khai tử nộp tờ khai và giấy báo tử hoặc giấy tờ thay giấy báo tử."),
            CHECK,
            ("Cấp trích lục khai tử", "Công chức ghi vào Sổ đăng ký khai tử và trình lãnh đạo ký trích lục."),
            RECEIVE,
        ),
        "channels": [IN_PERSON, ONLINE_FULL],
        "dossier": [
            ("Tờ khai đăng ký khai tử", "ban-chinh", 1, "to-khai-dang-ky-khai-tu"),
            ("Giấy báo tử hoặc giấy tờ thay giấy báo tử", "ban-chinh", 1, None),
        ],
        "time": "Ngay trong ngày tiếp nhận; cần xác minh thì không quá 03 ngày làm việc.",
        "fees": "Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày chết).",
        "result": "Trích lục khai tử",
        "basis": CIVIL_LAW,
    },
    {
        "title": "Cấp bản sao trích lục hộ tịch",
        "code": "2.000635",
        "sector": "Hộ tịch",
        "applicants": "Người đã được đăng ký hộ tịch hoặc người thân thích, người được ủy quyền",
        "steps": _steps(
            ("Nộp tờ khai", "Ghi rõ loại việc hộ tịch cần trích lục và số bản cần cấp."),
            ("Tra cứu sổ hộ tịch", "Công chức tra cứu Sổ hộ tịch, cơ sở dữ liệu hộ tịch điện tử."),
            RECEIVE,
        ),
        "channels": [IN_PERSON, ONLINE_FULL, POST],
        "dossier": [("Tờ khai cấp bản sao trích lục hộ tịch", "ban-chinh", 1, "to-khai-cap-ban-sao-trich-luc")],
        "time": "Ngay trong ngày tiếp nhận yêu cầu.",
        "fees": "Lệ phí cấp bản sao trích lục theo quy định của Thành phố (mỗi bản).",
        "result": "Bản sao trích lục hộ tịch",
        "basis": CIVIL_LAW,
    },
    {
        "title": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "code": "2.000815",
        "sector": "Chứng thực",
        "applicants": "Mọi cá nhân, tổ chức có yêu cầu",
        "steps": _steps(
            (
                "Xuất trình bản chính và bản chụp",
                "Người yêu cầu xuất trình bản chính cùng bản chụp; nếu chưa có bản chụp, Bộ phận một cửa hỗ trợ chụp.",
            ),
            (
                "Đối chiếu và chứng thực",
                "Người thực hiện chứng thực đối chiếu với bản chính, ghi lời chứng, ký và đóng dấu.",
            ),
            RECEIVE,
        ),
        "channels": [IN_PERSON],
        "dossier": [
            ("Bản chính giấy tờ, văn bản cần chứng thực", "ban-chinh", 1, None),
            ("Bản sao cần chứng thực", "ban-sao", 1, None),
        ],
        "time": "Trong ngày tiếp nhận; nếu nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
        "fees": "2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
        "result": "Bản sao có chứng thực",
        "basis": CERT_LAW,
    },
    {
        "title": "Chứng thực chữ ký trong các giấy tờ, văn bản",
        "code": "2.000884",
        "sector": "Chứng thực",
        "applicants": "Cá nhân có yêu cầu",
        "steps": _steps(
            ("Xuất trình giấy tờ", "Người yêu cầu xuất trình giấy tờ tùy thân và giấy tờ cần chứng thực chữ ký."),
            (
                "Ký trước mặt người chứng thực",
                "Người yêu cầu ký trước mặt người thực hiện chứng thực; người "
                "chứng thực ghi lời chứng, ký và đóng dấu.",
            ),
        ),
        "channels": [IN_PERSON],
        "dossier": [
            ("Giấy tờ tùy thân còn giá trị sử dụng", "ban-chinh", 1, None),
            ("Giấy tờ, văn bản cần chứng thực chữ ký", "ban-chinh", 1, None),
        ],
        "time": "Trong ngày tiếp nhận yêu cầu.",
        "fees": "10.000 đồng/trường hợp.",
        "result": "Giấy tờ, văn bản đã được chứng thực chữ ký",
        "basis": CERT_LAW,
    },
    {
        "title": "Chứng thực hợp đồng, giao dịch liên quan đến nhà ở",
        "code": "2.001009",
        "sector": "Chứng thực",
        "applicants": "Các bên tham gia hợp đồng, giao dịch",
        "steps": _steps(
            ("Nộp dự thảo hợp đồng", "Các bên nộp dự thảo hợp đồng và giấy tờ về quyền sở hữu nhà ở."),
            ("Kiểm tra và ký", "Người thực hiện chứng thực kiểm tra, các bên ký trước mặt người chứng thực."),
            RECEIVE,
        ),
        "channels": [IN_PERSON],
        "dossier": [
            ("Dự thảo hợp đồng, giao dịch", "ban-chinh", 1, None),
            ("Giấy tờ tùy thân của các bên", "ban-sao-kem-ban-chinh", 1, None),
            ("Giấy chứng nhận quyền sở hữu nhà ở", "ban-sao-kem-ban-chinh", 1, None),
        ],
        "time": "Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "50.000 đồng/hợp đồng, giao dịch.",
        "result": "Hợp đồng, giao dịch được chứng thực",
        "basis": CERT_LAW,
    },
    {
        "title": "Trợ cấp xã hội hằng tháng cho người cao tuổi",
        "code": "1.001776",
        "sector": "Bảo trợ xã hội",
        "applicants": "Người cao tuổi thuộc diện hưởng trợ cấp xã hội theo quy định",
        "steps": _steps(
            ("Nộp tờ khai", "Người cao tuổi hoặc người giám hộ nộp tờ khai đề nghị trợ giúp xã hội."),
            ("Xét duyệt", "Hội đồng xét duyệt của phường họp, niêm yết công khai kết quả tại trụ sở và khu phố."),
            (
                "Quyết định",
                "Chủ tịch Ủy ban nhân dân phường quyết định trợ cấp; tiền trợ cấp chi trả qua tài khoản hoặc bưu điện.",
            ),
        ),
        "channels": [IN_PERSON, ONLINE_PART],
        "dossier": [("Tờ khai đề nghị trợ giúp xã hội", "ban-chinh", 1, "to-khai-de-nghi-tro-giup-xa-hoi")],
        "time": "Không quá 10 ngày làm việc (xét duyệt và niêm yết công khai theo quy định).",
        "fees": "Không",
        "result": "Quyết định hưởng trợ cấp xã hội hằng tháng",
        "basis": ("Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội.",),
    },
    {
        "title": "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "code": "1.001731",
        "sector": "Bảo trợ xã hội",
        "applicants": "Gia đình, cá nhân, tổ chức đứng ra lo mai táng",
        "steps": _steps(
            ("Nộp hồ sơ", "Người lo mai táng nộp tờ khai đề nghị hỗ trợ kèm trích lục khai tử."),
            ("Xem xét, quyết định", "Ủy ban nhân dân phường xem xét và quyết định hỗ trợ."),
            RECEIVE,
        ),
        "channels": [IN_PERSON, POST],
        "dossier": [
            ("Tờ khai đề nghị hỗ trợ chi phí mai táng", "ban-chinh", 1, "to-khai-ho-tro-mai-tang"),
            ("Trích lục khai tử", "ban-sao", 1, None),
        ],
        "time": "Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "Không",
        "result": "Quyết định hỗ trợ chi phí mai táng",
        "basis": ("Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội.",),
    },
    {
        "title": "Hòa giải tranh chấp đất đai",
        "code": "1.003554",
        "sector": "Đất đai",
        "applicants": "Các bên tranh chấp đất đai",
        "steps": _steps(
            ("Nộp đơn", "Một hoặc các bên tranh chấp nộp đơn đề nghị hòa giải."),
            ("Xác minh", "Ủy ban nhân dân phường thẩm tra, xác minh nguồn gốc, quá trình sử dụng đất."),
            ("Họp hòa giải", "Hội đồng hòa giải tổ chức họp với sự có mặt của các bên; kết quả lập thành biên bản."),
        ),
        "channels": [IN_PERSON, POST],
        "dossier": [
            ("Đơn đề nghị hòa giải tranh chấp đất đai", "ban-chinh", 1, "don-de-nghi-hoa-giai-dat-dai"),
            ("Giấy tờ liên quan đến thửa đất đang tranh chấp (nếu có)", "ban-sao", 1, None),
        ],
        "time": "Không quá 30 ngày kể từ ngày nhận được đơn.",
        "fees": "Không",
        "result": "Biên bản hòa giải thành hoặc không thành",
        "basis": ("Luật Đất đai năm 2024.",),
    },
]


def _form(ward, slug, name):
    return pdf_document(
        f"{name} (mẫu) – {ward}",
        f"{slug}.pdf",
        [
            ward.upper(),
            name.upper(),
            "",
            "Ho va ten: ....................",
            "Dia chi: ....................",
            "(Mau minh hoa cua cong thong tin)",
        ],
        collection=ward_collection(ward),
    )


def build_demo(home, site):
    """Create the "Thủ tục hành chính" section of one ward with ten demo procedures."""
    ward = ward_name(home, site)
    sectors = {
        name: ProcedureSector.objects.get_or_create(name=name, defaults={"sort_order": n})[0]
        for n, name in enumerate(SECTORS)
    }
    index = ensure_section(
        home,
        ProcedureIndexPage,
        "Thủ tục hành chính",
        "thu-tuc-hanh-chinh",
        f"Thủ tục hành chính giải quyết tại {ward}: trình tự, hồ sơ, thời hạn, lệ phí và mẫu đơn. "
        "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia. (Dữ liệu mẫu minh họa.)",
    )
    for spec in PROCEDURES:
        slug = slugify_vi(spec["title"], max_length=80)
        if ProcedurePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = ProcedurePage(
            title=spec["title"],
            slug=slug,
            code=spec["code"],
            sector=sectors[spec["sector"]],
            applicants=spec["applicants"],
            steps=spec["steps"],
            processing_time=spec["time"],
            fees=spec["fees"],
            result=spec["result"],
            legal_basis=_basis(*spec["basis"]),
            national_portal_url=PORTAL + spec["code"],
        )
        page.channels = [
            ProcedureChannel(kind=kind, details=details, sort_order=n)
            for n, (kind, details) in enumerate(spec["channels"])
        ]
        page.dossier_items = [
            DossierItem(
                name=name,
                copy_type=copy_type,
                quantity=quantity,
                template_file=_form(ward, form, name) if form else None,
                sort_order=n,
            )
            for n, (name, copy_type, quantity, form) in enumerate(spec["dossier"])
        ]
        publish_child(index, page)
    return index
