"""Phường Tân Sơn Hòa: the second demo ward (a real ward since 1/7/2025; every person and figure here is invented)."""

from .spec import ArticleSpec as A
from .spec import CategorySpec, MediaSpec, TableSpec, WardSpec

UBND = "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA"
DANG_UY = "ĐẢNG ỦY PHƯỜNG TÂN SƠN HÒA"
MAT_TRAN = "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG TÂN SƠN HÒA"
KHUYEN_HOC = "HỘI KHUYẾN HỌC PHƯỜNG TÂN SƠN HÒA"

C_CQ = "Hoạt động chính quyền"
C_DMT = "Đảng ủy – Mặt trận"
C_CDS = "Chuyển đổi số"
C_KH = "Khuyến học – khuyến tài"
C_DS = "Đời sống khu phố"

CATEGORIES = (
    CategorySpec(
        C_CQ,
        "Tin điều hành, thông báo và lịch tiếp công dân của Ủy ban nhân dân phường Tân Sơn Hòa.",
        UBND,
        ("#134e4a", "#14b8a6"),
        "building",
    ),
    CategorySpec(
        C_DMT,
        "Hoạt động của Đảng ủy phường, Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị – xã hội.",
        DANG_UY,
        ("#7f1d1d", "#ef4444"),
        "hall",
    ),
    CategorySpec(
        C_CDS,
        "Dịch vụ công trực tuyến, số hóa hồ sơ và các tiện ích số phục vụ người dân.",
        UBND,
        ("#1e1b4b", "#6366f1"),
        "screen",
    ),
    CategorySpec(
        C_KH,
        "Học bổng, gia đình học tập và các lớp học cộng đồng của phường.",
        KHUYEN_HOC,
        ("#14532d", "#22c55e"),
        "books",
    ),
    CategorySpec(
        C_DS,
        "Chuyện của các khu phố: vệ sinh môi trường, mảng xanh, an sinh và nghĩa tình láng giềng.",
        UBND,
        ("#78350f", "#f97316"),
        "house",
    ),
)

ARTICLES = (
    A(
        C_CQ,
        "2025-07-01 10:30",
        "Phường Tân Sơn Hòa ra mắt, bắt đầu phục vụ người dân từ ngày 1/7/2025",
        "Sáng 1/7/2025, phường Tân Sơn Hòa công bố các nghị quyết, quyết định về tổ chức bộ máy và chính thức vận hành "
        "chính quyền địa phương hai cấp.",
        (
            "Phường mới được hình thành trên cơ sở sắp xếp ba phường cũ; các khu phố giữ nguyên tên gọi trong thời "
            "gian đầu để người dân không phải điều chỉnh giấy tờ ngay. Trụ sở Ủy ban nhân dân phường đặt tại số 9 "
            "đường Số 12, Khu phố 2.",
            "Trong ngày đầu, Trung tâm Phục vụ hành chính công phường tiếp nhận 96 hồ sơ. Mọi thủ tục vẫn được giải "
            "quyết liên tục, không để người dân phải chờ vì thay đổi bộ máy.",
            "> Chúng tôi xin nhận mọi góp ý của bà con để chính quyền phường mới làm việc ngày càng tốt hơn. — Bà Phan "
            "Thị Kim Oanh, Chủ tịch Ủy ban nhân dân phường",
        ),
        tags=("chính quyền hai cấp", "sắp xếp đơn vị hành chính"),
        image="Lễ công bố thành lập phường Tân Sơn Hòa",
    ),
    A(
        C_DMT,
        "2025-08-20 17:00",
        "Đại hội đại biểu Đảng bộ phường Tân Sơn Hòa lần thứ I, nhiệm kỳ 2025 – 2030",
        "Trong hai ngày 19 và 20/8/2025, Đảng bộ phường Tân Sơn Hòa tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 "
        "– 2030 với 135 đại biểu chính thức.",
        (
            "Đại hội xác định mục tiêu xây dựng phường Tân Sơn Hòa văn minh, hiện đại, nghĩa tình; lấy chuyển đổi số "
            "và chỉnh trang các khu phố làm hai nhiệm vụ đột phá trong nhiệm kỳ.",
            "Đại hội bầu Ban Chấp hành Đảng bộ phường gồm 17 đồng chí; đồng chí Hà Quang Vinh được bầu làm Bí thư Đảng "
            "ủy phường.",
        ),
        tags=("Đại hội Đảng", "nhiệm kỳ 2025 – 2030"),
        image="Đại hội đại biểu Đảng bộ phường Tân Sơn Hòa lần thứ I",
    ),
    A(
        C_KH,
        "2025-09-05 10:00",
        "Lãnh đạo phường dự lễ khai giảng, trao quà cho học sinh khó khăn",
        "Sáng 5/9/2025, lãnh đạo phường Tân Sơn Hòa chia nhau dự lễ khai giảng năm học 2025 – 2026 tại các trường trên "
        "địa bàn và trao 80 phần quà cho học sinh có hoàn cảnh khó khăn.",
        (
            "Mỗi phần quà gồm một xe đạp hoặc bộ sách giáo khoa, tập vở và 500.000 đồng, do Hội Khuyến học phường vận "
            "động từ các nhà hảo tâm.",
            "Năm học này, các trường trên địa bàn phường đón hơn 7.200 học sinh, trong đó có gần 1.300 em vào lớp 1 và "
            "lớp 6.",
        ),
        tags=("khai giảng", "năm học 2025 – 2026"),
        image="Học sinh dự lễ khai giảng năm học 2025 – 2026",
    ),
    A(
        C_KH,
        "2025-10-20",
        "Ra mắt câu lạc bộ “Gia đình học tập” ở Khu phố 4",
        "Ngày 20/10/2025, Chi hội Khuyến học Khu phố 4 ra mắt câu lạc bộ “Gia đình học tập” với 32 gia đình thành "
        "viên.",
        (
            "Câu lạc bộ sinh hoạt mỗi tháng một lần, chia sẻ cách đồng hành cùng con học trực tuyến, cách giữ an toàn "
            "trên mạng và giới thiệu các lớp học nghề ngắn hạn cho người lớn.",
            "Các gia đình thành viên cam kết dành ít nhất 30 phút đọc sách cùng con mỗi tối và đăng ký danh hiệu “Gia "
            "đình học tập” hằng năm.",
        ),
        tags=("gia đình học tập", "xã hội học tập"),
        image="Câu lạc bộ Gia đình học tập Khu phố 4",
    ),
    A(
        C_CDS,
        "2025-11-25",
        "Người dân hỏi – phường đáp về thủ tục hành chính qua tài khoản Zalo chính thức",
        "Từ ngày 25/11/2025, người dân phường Tân Sơn Hòa có thể hỏi về thủ tục hành chính qua tài khoản Zalo chính "
        "thức của Ủy ban nhân dân phường và nhận trả lời trong giờ hành chính.",
        (
            "Câu hỏi được công chức Trung tâm Phục vụ hành chính công phường trả lời trong vòng một ngày làm việc. "
            "Những câu hỏi nhiều người quan tâm được tổng hợp, đăng lại trên cổng thông tin điện tử phường.",
            "Phường lưu ý người dân không gửi ảnh căn cước hay giấy tờ cá nhân qua tin nhắn; hồ sơ cần nộp qua Cổng "
            "Dịch vụ công quốc gia hoặc trực tiếp tại Trung tâm.",
        ),
        tags=("dịch vụ công trực tuyến", "hỏi đáp"),
        image="Công chức trả lời câu hỏi của người dân qua Zalo",
    ),
    A(
        C_DMT,
        "2026-01-09",
        "Ban Chấp hành Đảng bộ phường tổng kết công tác năm 2025",
        "Ngày 9/1/2026, Ban Chấp hành Đảng bộ phường Tân Sơn Hòa tổ chức hội nghị tổng kết công tác xây dựng Đảng và "
        "thực hiện nhiệm vụ chính trị năm 2025.",
        (
            "Sáu tháng sau sắp xếp, các chi bộ đã ổn định sinh hoạt; Đảng bộ kết nạp 19 đảng viên mới và hoàn thành "
            "việc chuyển sinh hoạt đảng cho hơn 300 đảng viên theo nơi cư trú mới.",
            "Hội nghị thống nhất chọn năm 2026 là năm hành động vì khu phố xanh – sạch – an toàn.",
        ),
        tags=("tổng kết năm", "xây dựng Đảng"),
        image="Hội nghị tổng kết công tác năm 2025 của Đảng bộ phường",
    ),
    A(
        C_DS,
        "2026-02-10 15:30",
        "Trao quà Tết cho công nhân khó khăn và hộ cận nghèo",
        "Ngày 10/2/2026, Ủy ban nhân dân phường Tân Sơn Hòa trao 650 phần quà Tết Bính Ngọ cho công nhân lao động khó "
        "khăn, hộ cận nghèo và người cao tuổi neo đơn.",
        (
            "Mỗi phần quà trị giá 700.000 đồng, gồm tiền mặt và nhu yếu phẩm. Danh sách người nhận được các khu phố "
            "bình xét và niêm yết công khai trước khi trao.",
            "Nhiều nhà trọ trên địa bàn cũng giảm một phần tiền thuê tháng Tết cho người lao động ở lại thành phố.",
        ),
        tags=("quà Tết", "an sinh xã hội"),
        image="Trao quà Tết cho công nhân lao động",
    ),
    A(
        C_DS,
        "2026-03-22 11:00",
        "Ra quân làm sạch hẻm, chỉnh trang mảng xanh ở các khu phố",
        "Sáng Chủ nhật 22/3/2026, hơn 400 người dân và đoàn viên phường Tân Sơn Hòa ra quân dọn vệ sinh, trồng cây và "
        "sơn lại các bồn hoa trong hẻm.",
        (
            "Các khu phố trồng mới 260 cây xanh và chậu hoa, dọn sạch 14 điểm thường bị đổ rác. Những bức tường từng "
            "bị bôi vẽ được đoàn viên sơn lại và trang trí tranh về chủ đề bảo vệ môi trường.",
            "[[image]]",
            "Mỗi tổ dân phố nhận chăm sóc mảng xanh trong hẻm của mình; kết quả được chấm điểm hằng quý.",
        ),
        tags=("môi trường", "mảng xanh"),
        image="Người dân trồng cây trong hẻm",
        body_image="Bồn hoa mới được sơn lại ở đầu hẻm Khu phố 6",
    ),
    A(
        C_CDS,
        "2026-05-15",
        "Số hóa hơn 40.000 trang sổ hộ tịch",
        "Ủy ban nhân dân phường Tân Sơn Hòa đã hoàn thành số hóa hơn 40.000 trang sổ hộ tịch lưu trữ của các phường "
        "cũ, giúp việc cấp bản sao trích lục nhanh hơn.",
        (
            "Trước đây, để cấp bản sao giấy khai sinh đăng ký từ nhiều năm trước, công chức phải tìm trong hàng trăm "
            "cuốn sổ giấy. Nay dữ liệu đã được nhập vào hệ thống, phần lớn yêu cầu được giải quyết trong ngày.",
            "Người dân có thể yêu cầu cấp bản sao trích lục hộ tịch trực tuyến và nhận kết quả qua bưu chính hoặc bản "
            "điện tử.",
        ),
        tags=("số hóa", "hộ tịch"),
        image="Số hóa sổ hộ tịch tại Ủy ban nhân dân phường",
    ),
    A(
        C_CQ,
        "2026-07-18",
        "Sơ kết 6 tháng đầu năm 2026: 88% hồ sơ nộp trực tuyến",
        "Ngày 18/7/2026, Ủy ban nhân dân phường Tân Sơn Hòa sơ kết tình hình kinh tế – xã hội 6 tháng đầu năm 2026.",
        (
            "[[table]]",
            "Trong 6 tháng cuối năm, phường tập trung hoàn thành chỉnh trang 8 tuyến hẻm, mở rộng mô hình phân loại "
            "rác tại nguồn và chuẩn bị các điều kiện cho đánh giá “Cộng đồng học tập” cấp xã.",
        ),
        tags=("sơ kết", "kinh tế – xã hội"),
        image="Hội nghị sơ kết 6 tháng đầu năm 2026",
        table=TableSpec(
            "Một số kết quả 6 tháng đầu năm 2026",
            ("Nội dung", "Kết quả"),
            (
                ("Hồ sơ thủ tục hành chính tiếp nhận", "14.820"),
                ("Tỷ lệ hồ sơ nộp trực tuyến", "88%"),
                ("Tỷ lệ hồ sơ giải quyết đúng hạn", "99,4%"),
                ("Tuyến hẻm được chỉnh trang", "5"),
            ),
        ),
    ),
    A(
        C_KH,
        "2026-08-26 17:00",
        "Trao học bổng “Chắp cánh ước mơ” năm học 2026 – 2027",
        "Chiều 26/8/2026, Hội Khuyến học phường Tân Sơn Hòa trao 90 suất học bổng “Chắp cánh ước mơ” cho học sinh, "
        "sinh viên vượt khó, tổng trị giá 180 triệu đồng.",
        (
            "Học bổng được trao cho các em có kết quả học tập khá, giỏi trong hoàn cảnh gia đình khó khăn, do các khu "
            "phố giới thiệu và Hội Khuyến học phường xét chọn công khai.",
            "> Học bổng này giúp em yên tâm bước vào năm cuối cấp. Em sẽ cố gắng đỗ đại học ngành y. — Em Lạc Tuệ Nhi, "
            "học sinh lớp 12",
            "Danh sách học sinh nhận học bổng và nhà tài trợ được công khai tại trụ sở Ủy ban nhân dân phường trong 30 "
            "ngày.",
        ),
        tags=("học bổng", "khuyến học"),
        image="Trao học bổng Chắp cánh ước mơ",
    ),
    A(
        C_DMT,
        "2026-10-09",
        "Mặt trận phường giám sát công trình chỉnh trang hẻm do Nhân dân đóng góp",
        "Ban Giám sát đầu tư của cộng đồng phường Tân Sơn Hòa vừa giám sát công trình nâng cấp hẻm 12 ở Khu phố 3, do "
        "người dân và ngân sách phường cùng đầu tư.",
        (
            "Công trình dài 220 m, tổng kinh phí 640 triệu đồng, trong đó người dân tự nguyện đóng góp 160 triệu đồng. "
            "Ban Giám sát kiểm tra khối lượng, chất lượng bê tông và việc công khai các khoản đóng góp tại đầu hẻm.",
            "Ban Giám sát đề nghị đơn vị thi công hoàn trả mặt bằng trước cửa các hộ dân ngay sau mỗi đoạn thi công và "
            "niêm yết quyết toán công trình sau khi hoàn thành.",
        ),
        tags=("giám sát cộng đồng", "công khai"),
        image="Ban Giám sát đầu tư của cộng đồng kiểm tra hẻm 12",
        signing_unit=MAT_TRAN,
    ),
    A(
        C_CQ,
        "2026-11-19 08:00",
        "Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân phường tháng 12/2026",
        "Ủy ban nhân dân phường Tân Sơn Hòa thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân phường "
        "trong tháng 12/2026.",
        (
            "Chủ tịch Ủy ban nhân dân phường tiếp công dân vào sáng thứ Tư các ngày 9/12 và 23/12/2026, từ 7 giờ 30 "
            "đến 11 giờ 30, tại phòng tiếp công dân, trụ sở Ủy ban nhân dân phường.",
            "Công dân đến vui lòng mang theo căn cước và giấy tờ liên quan; có thể đăng ký trước qua số điện thoại 028 "
            "3844 0212.",
        ),
        tags=("tiếp công dân",),
        image="Phòng tiếp công dân Ủy ban nhân dân phường Tân Sơn Hòa",
    ),
)

MEDIA = (
    MediaSpec(
        "2025-07-02 09:00",
        "Video: Phường Tân Sơn Hòa những ngày đầu vận hành",
        "Ghi nhận của người dân và công chức trong tuần làm việc đầu tiên của phường mới.",
        ("Phóng sự về những ngày đầu vận hành chính quyền địa phương hai cấp tại phường Tân Sơn Hòa.",),
        "building",
        ("#134e4a", "#14b8a6"),
        video_url="https://www.youtube.com/watch?v=TanSonHoa01",
    ),
    MediaSpec(
        "2025-09-05 16:00",
        "Ảnh: Ngày khai giảng năm học 2025 – 2026",
        "Niềm vui ngày tựu trường của học sinh phường Tân Sơn Hòa.",
        ("Lãnh đạo phường dự lễ khai giảng và trao quà cho học sinh có hoàn cảnh khó khăn.",),
        "books",
        ("#14532d", "#22c55e"),
        photos=(
            "Học sinh lớp 1 trong ngày khai giảng",
            "Trao xe đạp cho học sinh có hoàn cảnh khó khăn",
            "Đánh trống khai giảng năm học mới",
        ),
        photo_motifs=("books", "people", "building"),
    ),
    MediaSpec(
        "2026-03-22 16:00",
        "Ảnh: Ra quân chỉnh trang mảng xanh trong hẻm",
        "Người dân các khu phố cùng trồng cây, sơn bồn hoa trong ngày ra quân.",
        ("Hơn 400 người dân và đoàn viên tham gia làm sạch hẻm, chỉnh trang mảng xanh.",),
        "house",
        ("#78350f", "#f97316"),
        photos=(
            "Trồng cây xanh ở đầu hẻm Khu phố 3",
            "Đoàn viên sơn lại tường hẻm",
            "Bồn hoa mới ở Khu phố 6",
        ),
        photo_motifs=("building", "people", "house"),
    ),
)

WARD = WardSpec(
    key="tan-son-hoa",
    name="Phường Tân Sơn Hòa",
    official_name=UBND,
    parent_unit="Thành phố Hồ Chí Minh",
    unit_code="26977",  # phường Tân Sơn Hòa since 1/7/2025 (Phường 1, 2, 3 of the old quận Tân Bình)
    hostname="phuong-tan-son-hoa.localhost",
    port=8000,
    is_default_site=False,
    intro=(
        "Cổng thông tin điện tử phường Tân Sơn Hòa: tin hoạt động, thông báo và tiện ích số cho người dân. Phường được "
        "thành lập ngày 1/7/2025."
    ),
    address="Số 9 đường Số 12, Khu phố 2, phường Tân Sơn Hòa, Thành phố Hồ Chí Minh",
    phone="028 3844 0212",
    email="ubnd.tansonhoa@example.vn",
    working_hours=(
        "Thứ Hai – Thứ Sáu: 7:30 – 11:30 và 13:00 – 17:00\nSáng thứ Bảy: 7:30 – 11:30\nChủ nhật và ngày lễ: nghỉ"
    ),
    responsible_person="Bà Phan Thị Kim Oanh, Chủ tịch Ủy ban nhân dân phường",
    chairman=("Phan Thị Kim Oanh", True),
    launched="2025-07-01 07:00",
    colours=("#0f766e", "#fde047"),
    themes={
        2025: "Năm khởi đầu của phường mới: đoàn kết, ổn định, gần dân và phục vụ nhân dân",
        2026: "Năm hành động vì khu phố xanh – sạch – an toàn; đẩy mạnh cải cách hành chính và chuyển đổi số",
    },
    categories=CATEGORIES,
    articles=ARTICLES,
    media_intro="Hình ảnh và video về hoạt động của phường Tân Sơn Hòa.",
    media=MEDIA,
    featured=(
        "Số hóa hơn 40.000 trang sổ hộ tịch",
        "Mặt trận phường giám sát công trình chỉnh trang hẻm do Nhân dân đóng góp",
        "Trao học bổng “Chắp cánh ước mơ” năm học 2026 – 2027",
    ),
)
