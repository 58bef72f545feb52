"""Phường Bình An: the fictional default demo ward. Every name, figure and event is invented."""

from .binh_an_notices import NOTICES
from .spec import ArticleSpec as A
from .spec import CategorySpec, MediaSpec, TableSpec, VideoSpec, WardSpec

UBND = "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH AN"
DANG_UY = "ĐẢNG ỦY PHƯỜNG BÌNH AN"
MAT_TRAN = "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG BÌNH AN"
KHUYEN_HOC = "HỘI KHUYẾN HỌC PHƯỜNG BÌNH AN"
TRUNG_TAM = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BÌNH AN"
DOAN = "ĐOÀN THANH NIÊN PHƯỜNG BÌNH AN"

C_DANG = "Đảng ủy"
C_UBND = "Ủy ban nhân dân"
C_TB = "Thông báo"
C_MT = "Mặt trận và đoàn thể"
C_KH = "Khuyến học – khuyến tài"
C_CC = "Cải cách hành chính"
C_AS = "An sinh xã hội"

CATEGORIES = (
    CategorySpec(
        C_DANG,
        "Hoạt động của Đảng ủy phường và các chi bộ trực thuộc: hội nghị, học tập nghị quyết, công tác xây dựng Đảng.",
        DANG_UY,
        ("#7f1d1d", "#dc2626"),
        "hall",
    ),
    CategorySpec(
        C_UBND,
        "Tin hoạt động điều hành của Ủy ban nhân dân phường về kinh tế – xã hội, đô thị, môi trường, quốc phòng – an "
        "ninh.",
        UBND,
        ("#1e3a8a", "#3b82f6"),
        "building",
        children=(
            CategorySpec(
                C_TB,
                "Thông báo của Ủy ban nhân dân phường: lịch tiếp công dân, lịch làm việc, các đợt ra quân và hoạt động "
                "cần người dân biết.",
                UBND,
                ("#0c4a6e", "#0ea5e9"),
                "notice",
            ),
        ),
    ),
    CategorySpec(
        C_MT,
        "Hoạt động của Ủy ban Mặt trận Tổ quốc Việt Nam phường, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến "
        "binh và các khu phố.",
        MAT_TRAN,
        ("#9a3412", "#f59e0b"),
        "people",
    ),
    CategorySpec(
        C_KH,
        "Công tác khuyến học, khuyến tài, xây dựng xã hội học tập: học bổng, gia đình học tập, cộng đồng học tập, "
        "Trung tâm học tập cộng đồng.",
        KHUYEN_HOC,
        ("#065f46", "#10b981"),
        "books",
    ),
    CategorySpec(
        C_CC,
        "Cải cách hành chính và chuyển đổi số: dịch vụ công trực tuyến, Trung tâm Phục vụ hành chính công phường, "
        "kỹ năng số cho người dân.",
        UBND,
        ("#4c1d95", "#8b5cf6"),
        "screen",
    ),
    CategorySpec(
        C_AS,
        "Chăm lo người có công, hộ nghèo, hộ cận nghèo, người cao tuổi, trẻ em và người có hoàn cảnh khó khăn.",
        UBND,
        ("#9d174d", "#f472b6"),
        "house",
    ),
)

ARTICLES = (
    # —— Đảng ủy ——
    A(
        C_DANG,
        "2025-08-14 16:20",
        "Đại hội đại biểu Đảng bộ phường Bình An lần thứ I, nhiệm kỳ 2025 – 2030 thành công tốt đẹp",
        "Sau một ngày rưỡi làm việc khẩn trương, Đại hội đại biểu Đảng bộ phường Bình An lần thứ I đã hoàn thành toàn "
        "bộ chương trình đề ra và bầu Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025 – 2030 gồm 19 đồng chí.",
        (
            "Dự Đại hội có 150 đại biểu thay mặt cho hơn 1.200 đảng viên đang sinh hoạt tại 42 chi bộ, đảng bộ trực "
            "thuộc. Đây là đại hội đầu tiên của Đảng bộ phường kể từ khi sắp xếp đơn vị hành chính và vận hành chính "
            "quyền địa phương hai cấp.",
            "[[image]]",
            "## Ba khâu đột phá",
            "Báo cáo chính trị xác định ba khâu đột phá của nhiệm kỳ: cải cách hành chính gắn với chuyển đổi số; chỉnh "
            "trang đô thị, giữ gìn mỹ quan các tuyến hẻm; xây dựng xã hội học tập bắt đầu từ mỗi gia đình, mỗi khu "
            "phố.",
            "Đại hội thống nhất 16 chỉ tiêu chủ yếu, trong đó phấn đấu 100% thủ tục hành chính đủ điều kiện được tiếp "
            "nhận trực tuyến, tỷ lệ hộ nghèo theo chuẩn thành phố giảm còn dưới 0,5% và 75% hộ gia đình đạt danh hiệu "
            "“Gia đình học tập” vào cuối nhiệm kỳ.",
            "> Mỗi cán bộ, đảng viên phải là tấm gương về tinh thần phục vụ; sự hài lòng của người dân là thước đo kết "
            "quả công việc của chúng ta. — Đồng chí Lê Hoàng Phúc, Bí thư Đảng ủy phường",
            "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ phường khóa I đã bầu Ban Thường vụ gồm 7 đồng chí; đồng chí "
            "Lê Hoàng Phúc được bầu giữ chức Bí thư Đảng ủy phường nhiệm kỳ 2025 – 2030.",
        ),
        tags=("Đại hội Đảng", "nhiệm kỳ 2025 – 2030"),
        image="Hội trường Đại hội đại biểu Đảng bộ phường Bình An lần thứ I",
        body_image="Đoàn Chủ tịch điều hành phiên khai mạc Đại hội",
    ),
    A(
        C_DANG,
        "2025-10-09",
        "Ban Chấp hành Đảng bộ phường đánh giá 100 ngày vận hành chính quyền địa phương hai cấp",
        "Ngày 9/10/2025, Ban Chấp hành Đảng bộ phường Bình An tổ chức hội nghị mở rộng, đánh giá 100 ngày vận hành "
        "chính quyền địa phương hai cấp và cho ý kiến về nhiệm vụ trọng tâm những tháng cuối năm.",
        (
            "Theo báo cáo, từ ngày 1/7 đến hết tháng 9/2025, Trung tâm Phục vụ hành chính công phường tiếp nhận 9.864 "
            "hồ sơ, giải quyết đúng và trước hạn 98,7%; không có hồ sơ quá hạn do lỗi chủ quan của công chức. Bộ máy "
            "các cơ quan Đảng, chính quyền, Mặt trận và đoàn thể cơ bản ổn định, phân công rõ người, rõ việc.",
            "Hội nghị cũng thẳng thắn chỉ ra hạn chế: một số công chức mới nhận nhiệm vụ còn lúng túng khi sử dụng hệ "
            "thống giải quyết thủ tục hành chính; trụ sở làm việc tại cơ sở 2 còn chật, chưa có chỗ để xe thuận tiện "
            "cho người dân.",
            "## Nhiệm vụ đến cuối năm",
            "Kết luận hội nghị, Bí thư Đảng ủy phường yêu cầu các chi bộ rà soát toàn bộ quy trình nội bộ, công khai "
            "số điện thoại đường dây nóng tại từng khu phố; hoàn thành việc bố trí ghế chờ, nước uống và khu vực hướng "
            "dẫn dịch vụ công trực tuyến tại các điểm tiếp nhận trước ngày 31/10/2025.",
        ),
        tags=("chính quyền hai cấp", "hội nghị"),
        image="Hội nghị Ban Chấp hành Đảng bộ phường mở rộng",
    ),
    A(
        C_DANG,
        "2025-11-07",
        "Trao Huy hiệu Đảng đợt 7/11 cho 14 đảng viên",
        "Nhân kỷ niệm 108 năm Cách mạng Tháng Mười Nga, Đảng ủy phường Bình An tổ chức lễ trao Huy hiệu Đảng cho 14 "
        "đảng viên, trong đó có 2 đồng chí nhận Huy hiệu 70 năm tuổi Đảng.",
        (
            "Các đảng viên được trao huy hiệu đợt này sinh hoạt tại 9 chi bộ khu phố. Nhiều đồng chí từng tham gia "
            "kháng chiến, sau đó tiếp tục cống hiến trong ngành giáo dục, y tế và công tác ở khu dân cư.",
            "Thay mặt Ban Thường vụ Đảng ủy, đồng chí Trịnh Thị Mai Anh, Phó Bí thư Thường trực Đảng ủy phường, chúc "
            "mừng các đảng viên và mong các đồng chí tiếp tục truyền lửa cho thế hệ trẻ, tham gia góp ý xây dựng Đảng, "
            "xây dựng chính quyền ở cơ sở.",
            "> Tôi vào Đảng năm 1955, khi mới 19 tuổi. Hôm nay nhận huy hiệu giữa bà con khu phố mình, tôi chỉ mong "
            "con cháu học hành tử tế, sống có ích. — Ông Đoàn Văn Khiêm, Chi bộ Khu phố 2",
            "Dịp này, Đảng ủy phường đến thăm và trao huy hiệu tại nhà cho 3 đảng viên cao tuổi, sức khỏe yếu không "
            "thể đến dự buổi lễ.",
        ),
        tags=("Huy hiệu Đảng",),
        image="Lễ trao Huy hiệu Đảng tại hội trường Đảng ủy phường",
    ),
    A(
        C_DANG,
        "2026-02-02 10:40",
        "Họp mặt kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Sáng 2/2/2026, Đảng ủy phường Bình An tổ chức họp mặt kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam "
        "(3/2/1930 – 3/2/2026) và mừng Xuân Bính Ngọ.",
        (
            "Tại buổi họp mặt, các đại biểu cùng ôn lại chặng đường vẻ vang của Đảng và những dấu mốc của Đảng bộ "
            "phường trong năm đầu nhiệm kỳ. Năm 2025, Đảng bộ kết nạp 38 đảng viên mới; 100% chi bộ hoàn thành nhiệm "
            "vụ, trong đó 31 chi bộ hoàn thành tốt và xuất sắc nhiệm vụ.",
            "[[image]]",
            "Chương trình văn nghệ của câu lạc bộ người cao tuổi Khu phố 7 và đoàn viên thanh niên phường với các ca "
            "khúc về Đảng, về Bác Hồ và mùa xuân quê hương mang lại không khí ấm áp cho buổi họp mặt.",
            "Dịp này, Ban Thường vụ Đảng ủy phường biểu dương 12 chi bộ và 25 đảng viên hoàn thành xuất sắc nhiệm vụ "
            "tiêu biểu năm 2025.",
        ),
        tags=("kỷ niệm", "mừng Xuân"),
        image="Họp mặt mừng Đảng, mừng Xuân Bính Ngọ 2026",
        body_image="Tiết mục văn nghệ chào mừng của câu lạc bộ người cao tuổi Khu phố 7",
    ),
    A(
        C_DANG,
        "2026-03-27",
        "Học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "Trong hai ngày 26 và 27/3/2026, Đảng ủy phường Bình An tổ chức hội nghị học tập, quán triệt Nghị quyết Đại "
        "hội XIV của Đảng cho hơn 1.100 cán bộ, đảng viên, kết hợp trực tiếp và trực tuyến đến 42 chi bộ.",
        (
            "Các báo cáo viên truyền đạt những nội dung cơ bản và điểm mới của các văn kiện Đại hội, các quan điểm chỉ "
            "đạo và mục tiêu phát triển đất nước đến năm 2030, tầm nhìn đến năm 2045.",
            "Sau hội nghị, mỗi đảng viên viết bài thu hoạch, liên hệ với nhiệm vụ được giao; mỗi chi bộ xây dựng "
            "chương trình hành động cụ thể, gắn với việc thực hiện Nghị quyết Đại hội Đảng bộ phường lần thứ I.",
            "Đảng ủy phường giao Ban Xây dựng Đảng biên soạn tài liệu tóm tắt, đăng trên cổng thông tin điện tử và các "
            "nhóm tin nhắn của khu phố để đảng viên cao tuổi, đảng viên đi làm xa có thể tiếp cận thuận tiện.",
        ),
        tags=("Nghị quyết Đại hội XIV", "học tập nghị quyết"),
        image="Cán bộ, đảng viên dự hội nghị học tập nghị quyết",
    ),
    A(
        C_DANG,
        "2026-05-18",
        "Kết nạp 9 đảng viên mới là đoàn viên ưu tú, quần chúng tiêu biểu",
        "Nhân kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026), các chi bộ trực thuộc Đảng ủy "
        "phường Bình An đồng loạt tổ chức lễ kết nạp đảng viên mới.",
        (
            "Trong số 9 quần chúng được kết nạp có 5 đoàn viên thanh niên, 2 giáo viên trường tiểu học trên địa bàn và "
            "2 tổ trưởng tổ dân phố có nhiều đóng góp cho phong trào ở khu dân cư. Tuổi bình quân của các đảng viên "
            "mới là 29.",
            "Phát biểu tại lễ kết nạp ở Chi bộ Khu phố 4, đồng chí Lê Hoàng Phúc đề nghị các đảng viên mới không ngừng "
            "học tập, rèn luyện, gương mẫu nơi cư trú và tích cực tham gia các việc chung của khu phố, nhất là chuyển "
            "đổi số, giữ gìn trật tự, mỹ quan đô thị.",
            "Từ đầu năm 2026 đến nay, Đảng bộ phường đã kết nạp 21 đảng viên, đạt 55% chỉ tiêu cả năm.",
        ),
        tags=("phát triển đảng viên",),
        image="Lễ kết nạp đảng viên mới tại Chi bộ Khu phố 4",
    ),
    A(
        C_DANG,
        "2026-09-10 15:10",
        "Thường trực Đảng ủy làm việc với chi bộ khu phố về giải quyết kiến nghị của người dân",
        "Ngày 10/9/2026, Thường trực Đảng ủy phường Bình An làm việc với chi bộ các khu phố 1, 3 và 6 về công tác dân "
        "vận, việc nắm bắt và giải quyết kiến nghị của người dân ở cơ sở.",
        (
            "Báo cáo của ba chi bộ cho thấy, trong 8 tháng năm 2026, các khu phố tiếp nhận 64 ý kiến, kiến nghị, chủ "
            "yếu về chiếu sáng hẻm, thoát nước, lấn chiếm lòng đường và tiếng ồn. Đến nay đã giải quyết xong 57 ý "
            "kiến; 7 ý kiến đang được phối hợp với các cơ quan chức năng của thành phố xử lý.",
            "[[table]]",
            "## Theo dõi đến khi giải quyết xong",
            "Thường trực Đảng ủy đề nghị mỗi chi bộ lập sổ theo dõi kiến nghị, phân công đảng viên phụ trách từng việc "
            "và thông tin kết quả cho người dân trong buổi sinh hoạt tổ dân phố gần nhất. Những việc vượt thẩm quyền "
            "phải báo cáo ngay để Ủy ban nhân dân phường làm việc với cơ quan có thẩm quyền.",
        ),
        tags=("dân vận", "kiến nghị của người dân"),
        image="Buổi làm việc của Thường trực Đảng ủy với chi bộ khu phố",
        table=TableSpec(
            "Kết quả giải quyết kiến nghị 8 tháng năm 2026",
            ("Khu phố", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết"),
            (
                ("Khu phố 1", "18", "16", "2"),
                ("Khu phố 3", "25", "22", "3"),
                ("Khu phố 6", "21", "19", "2"),
                ("Cộng", "64", "57", "7"),
            ),
        ),
    ),
    # —— Ủy ban nhân dân ——
    A(
        C_UBND,
        "2025-07-01 09:15",
        "Phường Bình An chính thức vận hành mô hình chính quyền địa phương hai cấp",
        "Sáng 1/7/2025, Ủy ban nhân dân phường Bình An ra mắt và chính thức đi vào hoạt động cùng các cơ quan Đảng, "
        "Hội đồng nhân dân và Ủy ban Mặt trận Tổ quốc Việt Nam phường.",
        (
            "Phường Bình An được thành lập trên cơ sở sắp xếp toàn bộ diện tích và dân số của ba phường cũ, rộng 4,6 "
            "km², có hơn 86.000 người dân sinh sống tại 24 khu phố. Trụ sở chính đặt tại số 18 đường Số 7; hai cơ sở "
            "còn lại tiếp tục phục vụ người dân trong giai đoạn chuyển tiếp.",
            "[[image]]",
            "Ngay buổi sáng đầu tiên, Trung tâm Phục vụ hành chính công phường tiếp nhận 142 hồ sơ, chủ yếu là chứng "
            "thực, đăng ký hộ tịch và xác nhận thông tin cư trú. Công chức được bố trí hướng dẫn tận tình, người dân "
            "không phải chờ lâu.",
            "> Gần dân, sát dân, phục vụ nhân dân là yêu cầu xuyên suốt của chính quyền phường mới. — Đồng chí Võ Đức "
            "Trung, Chủ tịch Ủy ban nhân dân phường",
            "Để người dân tiện liên hệ, phường niêm yết sơ đồ các bộ phận và số điện thoại đường dây nóng tại trụ sở, "
            "văn phòng các khu phố và trên cổng thông tin điện tử này.",
        ),
        tags=("chính quyền hai cấp", "sắp xếp đơn vị hành chính"),
        image="Trụ sở Ủy ban nhân dân phường Bình An ngày ra mắt",
        body_image="Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công phường trong ngày đầu vận hành",
    ),
    A(
        C_UBND,
        "2025-09-14 11:05",
        "Ra quân “Ngày Chủ nhật xanh” làm sạch bờ rạch và các tuyến hẻm",
        "Sáng 14/9/2025, gần 600 cán bộ, đoàn viên, hội viên và người dân phường Bình An đồng loạt ra quân dọn vệ sinh "
        "tại 24 khu phố, tập trung ở bờ rạch Bình An và những con hẻm thường ngập nước.",
        (
            "Các lực lượng thu gom hơn 12 tấn rác thải, xà bần; khơi thông 1,8 km cống thoát nước và vớt lục bình, rác "
            "nổi dọc bờ rạch. Đơn vị dịch vụ công ích bố trí xe chuyên dụng chở rác đi xử lý ngay trong ngày.",
            "Ủy ban nhân dân phường đề nghị người dân bỏ rác đúng giờ, đúng nơi quy định, không xả rác xuống kênh rạch "
            "và miệng cống. Các khu phố duy trì tổng vệ sinh vào sáng Chủ nhật cuối mỗi tháng.",
        ),
        tags=("môi trường", "Chủ nhật xanh"),
        image="Người dân dọn rác dọc bờ rạch Bình An",
    ),
    A(
        C_UBND,
        "2025-12-26",
        "Hội nghị tổng kết năm 2025, triển khai nhiệm vụ năm 2026",
        "Ngày 26/12/2025, Ủy ban nhân dân phường Bình An tổ chức hội nghị tổng kết công tác năm 2025 và triển khai "
        "phương hướng, nhiệm vụ năm 2026.",
        (
            "Sau sáu tháng vận hành chính quyền địa phương hai cấp, phường hoàn thành 14/16 chỉ tiêu kinh tế – xã hội. "
            "Thu ngân sách trên địa bàn đạt 104% dự toán; 99,1% hồ sơ thủ tục hành chính được giải quyết đúng hạn; "
            "tình hình an ninh trật tự được giữ vững.",
            "[[table]]",
            "## Trọng tâm năm 2026",
            "Năm 2026, phường tập trung đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính, chỉnh trang 15 "
            "tuyến hẻm, phát triển mạng lưới tủ sách cộng đồng và nâng tỷ lệ hộ đạt danh hiệu “Gia đình học tập” lên "
            "72%.",
            "Dịp này, Chủ tịch Ủy ban nhân dân phường tặng giấy khen cho 18 tập thể và 46 cá nhân có thành tích xuất "
            "sắc trong thực hiện nhiệm vụ năm 2025.",
        ),
        tags=("tổng kết năm", "kinh tế – xã hội"),
        image="Hội nghị tổng kết công tác năm 2025 của Ủy ban nhân dân phường",
        table=TableSpec(
            "Một số chỉ tiêu chủ yếu năm 2025",
            ("Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"),
            (
                ("Thu ngân sách trên địa bàn", "100%", "104%", "Vượt"),
                ("Hồ sơ thủ tục hành chính giải quyết đúng hạn", "98%", "99,1%", "Đạt"),
                ("Hồ sơ nộp trực tuyến", "70%", "76,4%", "Vượt"),
                ("Hộ đạt danh hiệu Gia đình văn hóa", "95%", "96,2%", "Đạt"),
                ("Số hộ thoát nghèo theo chuẩn thành phố", "40 hộ", "43 hộ", "Vượt"),
            ),
        ),
    ),
    A(
        C_UBND,
        "2026-03-15 14:30",
        "Cử tri phường Bình An nô nức đi bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp",
        "Từ 7 giờ sáng nay, 36 khu vực bỏ phiếu trên địa bàn phường Bình An đồng loạt khai mạc, đón cử tri đến thực "
        "hiện quyền và nghĩa vụ công dân.",
        (
            "Phường có hơn 61.000 cử tri trong danh sách. Đến 11 giờ, tỷ lệ cử tri đi bầu đã vượt 80%; nhiều khu vực "
            "bỏ phiếu hoàn thành sớm. Các tổ bầu cử mang hòm phiếu phụ đến tận nhà cho cử tri cao tuổi, ốm đau không "
            "thể đến điểm bỏ phiếu.",
            "Công an phường và lực lượng bảo vệ an ninh, trật tự ở cơ sở túc trực tại tất cả các khu vực bỏ phiếu; "
            "đoàn viên thanh niên hướng dẫn cử tri, giữ xe và đưa đón người cao tuổi.",
            "> Năm nay tôi đi bầu lần đầu. Tôi đã đọc kỹ tiểu sử các ứng cử viên trên bảng niêm yết ở khu phố trước "
            "khi bỏ phiếu. — Chị Hồ Thảo Vy, cử tri Khu phố 8",
        ),
        tags=("bầu cử", "cử tri"),
        image="Cử tri bỏ phiếu tại khu vực bỏ phiếu số 12",
        motif="people",
    ),
    A(
        C_UBND,
        "2026-05-21 17:05",
        "Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu nhà trọ",
        "Chiều 21/5/2026, Ủy ban nhân dân phường Bình An phối hợp với lực lượng Cảnh sát phòng cháy, chữa cháy khu vực "
        "tổ chức diễn tập phương án chữa cháy tại một dãy nhà trọ ở Khu phố 7.",
        (
            "Tình huống giả định: 15 giờ, một phòng trọ ở tầng 2 bốc cháy do chập điện khi sạc xe đạp điện, khói lan "
            "sang các phòng bên cạnh, 3 người mắc kẹt. Tổ liên gia an toàn phòng cháy và lực lượng chữa cháy cơ sở đã "
            "báo động, ngắt điện, dùng bình chữa cháy và thang dây để dập lửa, đưa người ra ngoài trước khi xe chữa "
            "cháy chuyên nghiệp có mặt.",
            "[[image]]",
            "Qua buổi diễn tập, phường khuyến cáo chủ nhà trọ không để người thuê sạc xe điện qua đêm trong phòng ở, "
            "trang bị bình chữa cháy và mở lối thoát nạn thứ hai; người dân ghi nhớ số điện thoại 114 để báo cháy kịp "
            "thời.",
        ),
        tags=("phòng cháy chữa cháy", "an toàn khu dân cư"),
        image="Diễn tập chữa cháy tại dãy nhà trọ Khu phố 7",
        body_image="Lực lượng chữa cháy cơ sở Khu phố 7 thực hành dập lửa",
    ),
    A(
        C_UBND,
        "2026-07-10",
        "Sơ kết 6 tháng đầu năm 2026: thu ngân sách đạt 61% dự toán",
        "Ngày 10/7/2026, Ủy ban nhân dân phường Bình An sơ kết tình hình kinh tế – xã hội, quốc phòng – an ninh 6 "
        "tháng đầu năm và bàn giải pháp thực hiện nhiệm vụ những tháng cuối năm.",
        (
            "Sáu tháng đầu năm, thu ngân sách trên địa bàn đạt 61% dự toán; 82% hồ sơ thủ tục hành chính được nộp trực "
            "tuyến; 5 tuyến hẻm ở các khu phố 2, 5 và 11 được nâng cấp mặt đường, lắp đèn chiếu sáng. Phường tổ chức "
            "14 đợt ra quân lập lại trật tự lòng đường, vỉa hè, vận động tháo dỡ 230 mái che, bảng hiệu lấn chiếm.",
            "Bên cạnh đó, tình trạng bỏ rác không đúng nơi quy định vẫn tái diễn ở một số điểm; việc phân loại chất "
            "thải rắn sinh hoạt tại nguồn chưa đồng đều giữa các khu phố.",
            "Phát biểu chỉ đạo, đồng chí Võ Đức Trung yêu cầu các bộ phận bám sát kế hoạch, phấn đấu hoàn thành các "
            "chỉ tiêu năm 2026 trước ngày 15/12; chú trọng giải ngân vốn cho các công trình chỉnh trang hẻm và chuẩn "
            "bị tốt điều kiện cho năm học mới.",
        ),
        tags=("sơ kết", "kinh tế – xã hội"),
        image="Hội nghị sơ kết 6 tháng đầu năm 2026",
    ),
    A(
        C_UBND,
        "2026-10-18 10:45",
        "Ra quân diệt lăng quăng, phòng chống sốt xuất huyết trong mùa mưa",
        "Trước diễn biến của bệnh sốt xuất huyết trong mùa mưa, sáng 18/10/2026, Ủy ban nhân dân phường Bình An phát "
        "động chiến dịch vệ sinh môi trường, diệt lăng quăng tại 24 khu phố.",
        (
            "Trạm Y tế phường phối hợp với các tổ dân phố đến từng hộ gia đình, hướng dẫn đậy kín dụng cụ chứa nước, "
            "thả cá bảy màu vào bể nước lớn và thu gom vật dụng phế thải có thể đọng nước. Từ đầu năm, phường ghi nhận "
            "57 ca sốt xuất huyết, giảm 18 ca so với cùng kỳ năm trước.",
            "Khi có dấu hiệu sốt cao đột ngột, đau nhức cơ hoặc xuất huyết dưới da, người dân cần đến ngay cơ sở y tế "
            "để được khám và theo dõi, không tự điều trị tại nhà.",
        ),
        tags=("y tế", "sốt xuất huyết"),
        image="Cán bộ y tế hướng dẫn người dân diệt lăng quăng",
    ),
    # —— Thông báo ——
    A(
        C_TB,
        "2026-01-05 08:00",
        "Thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân phường năm 2026",
        "Ủy ban nhân dân phường Bình An thông báo lịch tiếp công dân định kỳ năm 2026 của Chủ tịch Ủy ban nhân dân "
        "phường.",
        (
            "Chủ tịch Ủy ban nhân dân phường tiếp công dân định kỳ vào thứ Năm của tuần thứ hai và tuần thứ tư hằng "
            "tháng, buổi sáng từ 7 giờ 30 đến 11 giờ 30. Nếu trùng ngày nghỉ lễ, buổi tiếp được dời sang ngày làm việc "
            "kế tiếp.",
            "Địa điểm: Bộ phận Tiếp công dân, tầng trệt trụ sở Ủy ban nhân dân phường, số 18 đường Số 7, Khu phố 3.",
            "Khi đến, công dân vui lòng mang theo:\n"
            "- Căn cước hoặc giấy tờ tùy thân có ảnh;\n"
            "- Giấy ủy quyền hợp lệ nếu được người khác ủy quyền;\n"
            "- Giấy tờ, tài liệu liên quan đến nội dung khiếu nại, tố cáo, kiến nghị, phản ánh.",
            "Ngoài lịch định kỳ, Bộ phận Tiếp công dân nhận đơn và ghi nhận ý kiến của người dân vào tất cả các ngày "
            "làm việc trong tuần.",
        ),
        tags=("tiếp công dân",),
        image="Bộ phận Tiếp công dân của Ủy ban nhân dân phường",
    ),
    A(
        C_TB,
        "2026-02-09 08:30",
        "Thông báo lịch làm việc của Trung tâm Phục vụ hành chính công phường dịp Tết Nguyên đán Bính Ngọ 2026",
        "Trung tâm Phục vụ hành chính công phường Bình An thông báo lịch tiếp nhận hồ sơ trong dịp Tết Nguyên đán Bính "
        "Ngọ 2026.",
        (
            "Trung tâm nghỉ Tết theo lịch nghỉ chung của cán bộ, công chức, viên chức và tiếp nhận hồ sơ trở lại từ 7 "
            "giờ 30 ngày làm việc đầu tiên sau Tết.",
            "Trong những ngày nghỉ, người dân vẫn có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia; hồ sơ "
            "được xử lý theo thứ tự tiếp nhận khi Trung tâm làm việc trở lại.",
            "Trường hợp cần đăng ký khai tử hoặc có việc khẩn cấp, người dân liên hệ cán bộ trực Tết của Ủy ban nhân "
            "dân phường qua số điện thoại 028 3855 0190.",
            "Ủy ban nhân dân phường kính chúc bà con một năm mới an khang, hạnh phúc.",
        ),
        tags=("Tết Nguyên đán", "lịch làm việc"),
        image="Trung tâm Phục vụ hành chính công phường trang trí đón Tết",
        signing_unit=TRUNG_TAM,
    ),
    A(
        C_TB,
        "2026-04-02",
        "Thông báo tổ chức Ngày hội hiến máu tình nguyện đợt 1 năm 2026",
        "Ban Chỉ đạo vận động hiến máu tình nguyện phường Bình An thông báo tổ chức Ngày hội hiến máu đợt 1 năm 2026.",
        (
            "Thời gian: từ 7 giờ đến 11 giờ, Chủ nhật ngày 12/4/2026. Địa điểm: hội trường Ủy ban nhân dân phường, số "
            "18 đường Số 7.",
            "Người hiến máu cần:\n"
            "- Từ đủ 18 đến 60 tuổi, cân nặng từ 45 kg đối với nam và 42 kg đối với nữ;\n"
            "- Không mắc bệnh lây truyền qua đường máu, không uống rượu bia trong 24 giờ trước khi hiến;\n"
            "- Mang theo căn cước hoặc giấy tờ tùy thân có ảnh.",
            "Người hiến máu được khám sức khỏe miễn phí, nhận giấy chứng nhận và quà bồi dưỡng theo quy định. Đăng ký "
            "trước tại văn phòng khu phố hoặc qua số điện thoại 028 3855 0190.",
        ),
        tags=("hiến máu tình nguyện",),
        image="Ngày hội hiến máu tình nguyện tại hội trường phường",
        signing_unit="BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN PHƯỜNG BÌNH AN",
    ),
    A(
        C_TB,
        "2026-06-15",
        "Thông báo thu gom chất thải rắn cồng kềnh đợt 2 năm 2026",
        "Để hỗ trợ người dân bỏ đồ dùng cũ, hư hỏng có kích thước lớn, Ủy ban nhân dân phường Bình An tổ chức thu gom "
        "miễn phí chất thải rắn cồng kềnh đợt 2 năm 2026.",
        (
            "Thời gian tập kết: từ 6 giờ đến 9 giờ sáng thứ Bảy, ngày 27/6/2026. Mỗi khu phố có một điểm tập kết do "
            "Ban điều hành khu phố thông báo cụ thể.",
            "Các loại được nhận:\n"
            "- Bàn, ghế, tủ, giường, nệm cũ;\n"
            "- Thiết bị điện, điện tử đã hư hỏng như tủ lạnh, máy giặt, ti vi;\n"
            "- Cành cây, gỗ vụn đã bó gọn.",
            "Không nhận xà bần, chất thải nguy hại và chất thải từ hoạt động sản xuất, kinh doanh. Đề nghị người dân "
            "không để đồ cồng kềnh trên vỉa hè, lòng đường ngoài thời gian và địa điểm quy định.",
        ),
        tags=("môi trường", "rác cồng kềnh"),
        image="Điểm tập kết chất thải rắn cồng kềnh tại khu phố",
    ),
    A(
        C_TB,
        "2026-11-20 08:15",
        "Thông báo lịch tiếp công dân của lãnh đạo Ủy ban nhân dân phường tháng 12/2026",
        "Ủy ban nhân dân phường Bình An thông báo lịch tiếp công dân của lãnh đạo phường trong tháng 12/2026.",
        (
            "[[table]]",
            "Thời gian tiếp: buổi sáng từ 7 giờ 30 đến 11 giờ 30, tại Bộ phận Tiếp công dân, tầng trệt trụ sở Ủy ban "
            "nhân dân phường.",
            "Công dân có nhu cầu vui lòng đăng ký trước tại Bộ phận Tiếp công dân hoặc qua số điện thoại 028 3855 0190 "
            "để được bố trí thời gian phù hợp.",
        ),
        tags=("tiếp công dân",),
        image="Lịch tiếp công dân tháng 12/2026",
        table=TableSpec(
            "Lịch tiếp công dân tháng 12/2026",
            ("Ngày", "Người tiếp", "Lĩnh vực"),
            (
                ("Thứ Năm, 10/12/2026", "Ông Võ Đức Trung, Chủ tịch UBND phường", "Chung"),
                ("Thứ Ba, 15/12/2026", "Bà Đặng Thị Hồng Nhung, Phó Chủ tịch UBND phường", "Văn hóa – xã hội"),
                ("Thứ Năm, 24/12/2026", "Ông Võ Đức Trung, Chủ tịch UBND phường", "Chung"),
                ("Thứ Ba, 29/12/2026", "Ông Quách Minh Tuấn, Phó Chủ tịch UBND phường", "Kinh tế – đô thị, đất đai"),
            ),
        ),
    ),
    # —— Mặt trận và đoàn thể ——
    A(
        C_MT,
        "2025-11-16 11:30",
        "Ngày hội Đại đoàn kết toàn dân tộc ấm tình láng giềng ở Khu phố 5",
        "Hướng tới kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam (18/11/1930 – 18/11/2025), sáng "
        "16/11, Khu phố 5 tổ chức Ngày hội Đại đoàn kết toàn dân tộc với gần 400 người dân tham dự.",
        (
            "Trong năm, Khu phố 5 có 97% hộ đạt danh hiệu “Gia đình văn hóa”, không có người vi phạm pháp luật nghiêm "
            "trọng và tất cả các tuyến hẻm đều có đèn chiếu sáng. Kết quả được trình bày ngắn gọn ngay đầu ngày hội để "
            "bà con cùng góp ý.",
            "[[image]]",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường trao 10 phần quà cho hộ khó khăn và khen thưởng 6 gia đình tiêu "
            "biểu; bà con cùng gói bánh, thi nấu ăn và giao lưu văn nghệ.",
            "> Ngày hội là dịp để bà con ngồi lại với nhau, cùng bàn chuyện giữ hẻm sạch, xóm yên. — Ông Huỳnh Văn "
            "Lợi, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        ),
        tags=("Ngày hội Đại đoàn kết", "khu dân cư"),
        image="Ngày hội Đại đoàn kết toàn dân tộc Khu phố 5",
        body_image="Người dân Khu phố 5 giao lưu văn nghệ tại ngày hội",
    ),
    A(
        C_MT,
        "2025-12-20 16:00",
        "Hội Cựu chiến binh phường họp mặt kỷ niệm 81 năm Ngày thành lập Quân đội nhân dân Việt Nam",
        "Chiều 20/12/2025, Hội Cựu chiến binh phường Bình An họp mặt kỷ niệm 81 năm Ngày thành lập Quân đội nhân dân "
        "Việt Nam (22/12/1944 – 22/12/2025) và 36 năm Ngày hội Quốc phòng toàn dân.",
        (
            "Năm 2025, các chi hội cựu chiến binh tích cực tham gia giữ gìn an ninh trật tự, hòa giải thành 11 vụ mâu "
            "thuẫn ở khu dân cư và duy trì 4 tổ tự quản bảo vệ môi trường. Câu lạc bộ cựu chiến binh làm kinh tế giúp "
            "6 hội viên vay vốn không lãi để mở rộng buôn bán.",
            "Dịp này, Hội trao 15 phần quà cho hội viên có hoàn cảnh khó khăn và biểu dương 9 cựu chiến binh tiêu biểu "
            "trong phong trào thi đua của Hội.",
        ),
        tags=("cựu chiến binh", "kỷ niệm"),
        image="Họp mặt Hội Cựu chiến binh phường Bình An",
        signing_unit="HỘI CỰU CHIẾN BINH PHƯỜNG BÌNH AN",
    ),
    A(
        C_MT,
        "2026-03-08 10:10",
        "Hội Liên hiệp Phụ nữ phường ra mắt mô hình phân loại rác tại nguồn",
        "Nhân kỷ niệm Ngày Quốc tế Phụ nữ 8/3, Hội Liên hiệp Phụ nữ phường Bình An ra mắt mô hình “Phụ nữ Bình An phân "
        "loại rác tại nguồn” ở Khu phố 7 với 120 hộ gia đình tham gia.",
        (
            "Mỗi hộ được phát hai thùng rác khác màu và tờ hướng dẫn phân loại thành ba nhóm: chất thải thực phẩm, "
            "chất thải có thể tái chế và chất thải sinh hoạt khác. Hội viên các tổ phụ nữ đến từng nhà hướng dẫn, ghi "
            "nhận khó khăn trong tuần đầu áp dụng.",
            "Giấy, chai nhựa, lon nhôm thu được sẽ bán cho cơ sở tái chế; tiền bán phế liệu góp vào quỹ giúp hội viên "
            "nghèo vay vốn và quỹ khuyến học cho con em hội viên.",
            "Sau 3 tháng, Hội sẽ đánh giá kết quả và nhân rộng mô hình ra các khu phố khác.",
        ),
        tags=("phụ nữ", "phân loại rác"),
        image="Hội viên phụ nữ hướng dẫn phân loại rác tại Khu phố 7",
        signing_unit="HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BÌNH AN",
    ),
    A(
        C_MT,
        "2026-03-26 21:00",
        "Tuổi trẻ Bình An kỷ niệm 95 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Tối 26/3/2026, Đoàn Thanh niên phường Bình An tổ chức chương trình kỷ niệm 95 năm Ngày thành lập Đoàn Thanh "
        "niên Cộng sản Hồ Chí Minh và tổng kết Tháng Thanh niên năm 2026.",
        (
            "Trong Tháng Thanh niên, các chi đoàn thực hiện 26 công trình, phần việc: làm sạch 3 km bờ rạch, trồng 400 "
            "cây xanh, tổ chức 8 buổi hướng dẫn kỹ năng số cho người cao tuổi và vận động hiến 180 đơn vị máu.",
            "Tại chương trình, Đoàn phường kết nạp 24 đoàn viên mới và tuyên dương 15 cán bộ đoàn, đoàn viên tiêu "
            "biểu; các đoàn viên ưu tú được giới thiệu để chi bộ bồi dưỡng, xem xét kết nạp vào Đảng.",
        ),
        tags=("Đoàn Thanh niên", "Tháng Thanh niên"),
        image="Đoàn viên thanh niên phường Bình An trong đêm kỷ niệm",
        signing_unit=DOAN,
    ),
    A(
        C_MT,
        "2026-06-07 11:20",
        "Đoàn phường ra quân chiến dịch tình nguyện Mùa hè xanh năm 2026",
        "Sáng 7/6/2026, Đoàn Thanh niên phường Bình An ra quân chiến dịch Mùa hè xanh năm 2026 với hơn 300 đoàn viên, "
        "thanh niên và sinh viên tình nguyện.",
        (
            "Chiến dịch kéo dài đến hết tháng 8 với các công trình trọng tâm: sơn sửa 5 bức tường tranh trong hẻm, hỗ "
            "trợ người dân dùng ứng dụng VNeID và thanh toán không dùng tiền mặt, mở lớp dạy bơi cho thiếu nhi và "
            "chương trình “Tiếp sức mùa thi”.",
            "[[video]]",
            "Theo Bí thư Đoàn phường Trương Minh Khang, năm nay đoàn viên được chia thành 12 đội hình; mỗi đội phụ "
            "trách hai khu phố và báo cáo kết quả hằng tuần để kịp điều chỉnh.",
        ),
        tags=("Mùa hè xanh", "thanh niên tình nguyện"),
        image="Lễ ra quân chiến dịch Mùa hè xanh 2026",
        signing_unit=DOAN,
        video=VideoSpec(
            "https://www.youtube.com/watch?v=BinhAnMHX26",
            "Lễ ra quân chiến dịch Mùa hè xanh năm 2026 tại phường Bình An",
            "Video: Đoàn Thanh niên phường Bình An",
        ),
    ),
    A(
        C_MT,
        "2026-09-18 16:40",
        "Người đứng đầu cấp ủy, chính quyền phường đối thoại với Nhân dân",
        "Ngày 18/9/2026, Ủy ban Mặt trận Tổ quốc Việt Nam phường Bình An phối hợp tổ chức hội nghị đối thoại giữa Bí "
        "thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường với hơn 200 người dân tiêu biểu của 24 khu phố.",
        (
            "Người dân nêu 19 ý kiến, tập trung vào tiến độ nâng cấp hẻm, tình trạng đậu xe trên vỉa hè trước cổng "
            "trường giờ tan học, việc cấp giấy chứng nhận quyền sử dụng đất còn vướng hồ sơ cũ và nhu cầu mở thêm lớp "
            "kỹ năng số cho người cao tuổi.",
            "Lãnh đạo phường trả lời trực tiếp 15 ý kiến tại hội nghị; 4 ý kiến còn lại được giao bộ phận chuyên môn "
            "nghiên cứu, trả lời bằng văn bản trong 15 ngày làm việc và công khai trên cổng thông tin điện tử phường.",
            "> Việc gì làm được thì phường trả lời ngay, việc chưa làm được thì nói rõ vì sao và khi nào làm. Người "
            "dân cần sự rõ ràng như vậy. — Bà Châu Thị Mỹ Lệ, Khu phố 2",
        ),
        tags=("đối thoại", "Mặt trận Tổ quốc"),
        image="Hội nghị đối thoại giữa lãnh đạo phường và người dân",
    ),
    A(
        C_MT,
        "2026-11-14 11:00",
        "Khu phố 5 đón nhận danh hiệu Khu phố văn hóa tại Ngày hội Đại đoàn kết năm 2026",
        "Sáng 14/11/2026, Khu phố 5 tổ chức Ngày hội Đại đoàn kết toàn dân tộc và đón nhận quyết định công nhận “Khu "
        "phố văn hóa” năm 2026.",
        (
            "Trong năm, người dân Khu phố 5 đóng góp hơn 180 triệu đồng và hàng trăm ngày công để bê tông hóa hai "
            "đoạn hẻm, lắp camera an ninh tại 9 vị trí. Tổ dân phố 12-3 duy trì nhóm tin nhắn chung để nhắc lịch thu "
            "gom rác, báo mưa ngập và chia sẻ thông tin học bổng cho học sinh.",
            "Đồng chí Huỳnh Văn Lợi, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường, ghi nhận tinh thần tự quản của "
            "bà con và đề nghị khu phố tiếp tục công khai thu chi các khoản đóng góp tự nguyện để giữ vững lòng tin.",
        ),
        tags=("Ngày hội Đại đoàn kết", "khu phố văn hóa"),
        image="Khu phố 5 đón nhận danh hiệu Khu phố văn hóa",
    ),
    # —— Khuyến học – khuyến tài ——
    A(
        C_KH,
        "2025-08-28 17:30",
        "Trao 120 suất học bổng “Tiếp sức đến trường” năm học 2025 – 2026",
        "Chiều 28/8/2025, Hội Khuyến học phường Bình An trao 120 suất học bổng “Tiếp sức đến trường” cho học sinh, "
        "sinh viên có hoàn cảnh khó khăn, vươn lên trong học tập, tổng trị giá 264 triệu đồng.",
        (
            "[[table]]",
            "Kinh phí được vận động từ các doanh nghiệp, nhà hảo tâm trên địa bàn, từ “heo đất khuyến học” của các chi "
            "hội và sự đóng góp của cán bộ, công chức phường. Ngoài tiền học bổng, mỗi em còn nhận một bộ sách giáo "
            "khoa, tập vở và ba lô mới.",
            "> Em sẽ dùng học bổng mua sách luyện thi và đóng học phí lớp tiếng Anh. Sau này em muốn trở thành kỹ sư "
            "công nghệ thông tin. — Em Đinh Gia Bảo, học sinh lớp 11, Khu phố 6",
            "Ông Phạm Ngọc Diệp, Chủ tịch Hội Khuyến học phường, cho biết Hội sẽ theo dõi kết quả học tập của các em "
            "trong suốt năm học để kịp thời động viên, hỗ trợ những trường hợp gặp khó khăn đột xuất.",
        ),
        tags=("học bổng", "khuyến học"),
        image="Học sinh nhận học bổng Tiếp sức đến trường",
        table=TableSpec(
            "Cơ cấu học bổng “Tiếp sức đến trường” năm học 2025 – 2026",
            ("Đối tượng", "Số suất", "Mức học bổng (đồng/suất)", "Thành tiền (đồng)"),
            (
                ("Học sinh tiểu học", "40", "1.500.000", "60.000.000"),
                ("Học sinh trung học cơ sở", "45", "2.000.000", "90.000.000"),
                ("Học sinh trung học phổ thông", "25", "2.800.000", "70.000.000"),
                ("Sinh viên năm thứ nhất", "10", "4.400.000", "44.000.000"),
                ("Cộng", "120", "", "264.000.000"),
            ),
        ),
    ),
    A(
        C_KH,
        "2025-10-02",
        "Mỗi khu phố một “góc học tập mở” hưởng ứng Tuần lễ học tập suốt đời năm 2025",
        "Nhân Tuần lễ hưởng ứng học tập suốt đời năm 2025 và Ngày Khuyến học Việt Nam 2/10, phường Bình An phát động "
        "mỗi khu phố xây dựng một “góc học tập mở” tại văn phòng khu phố hoặc nhà văn hóa.",
        (
            "Góc học tập mở có kệ sách, bàn đọc, kết nối wifi miễn phí và một máy tính để người dân tra cứu thông tin, "
            "nộp hồ sơ dịch vụ công trực tuyến, tự học kỹ năng số. Sách do các gia đình, trường học và thư viện quyên "
            "góp, luân chuyển giữa các khu phố ba tháng một lần.",
            "Trong tuần lễ, Trung tâm học tập cộng đồng phường tổ chức 6 chuyên đề ngắn: dùng điện thoại thông minh an "
            "toàn, nhận diện lừa đảo qua mạng, chăm sóc sức khỏe người cao tuổi, nuôi dạy con tuổi mới lớn, sơ cấp cứu "
            "và phân loại rác tại nguồn, thu hút hơn 900 lượt người tham dự.",
            "Các gia đình được khuyến khích đăng ký danh hiệu “Gia đình học tập” năm 2025 tại chi hội khuyến học khu "
            "phố trước ngày 31/10.",
        ),
        tags=("học tập suốt đời", "xã hội học tập"),
        image="Góc học tập mở tại văn phòng khu phố",
    ),
    A(
        C_KH,
        "2025-12-18",
        "Công nhận 15.480 hộ đạt danh hiệu “Gia đình học tập” năm 2025",
        "Ủy ban nhân dân phường Bình An vừa ban hành quyết định công nhận các danh hiệu “Gia đình học tập”, “Dòng họ "
        "học tập”, “Cộng đồng học tập” cấp khu phố và “Đơn vị học tập” năm 2025.",
        (
            "Toàn phường có 15.480/21.800 hộ đạt danh hiệu “Gia đình học tập”, tỷ lệ 71%, vượt chỉ tiêu đề ra; 12 dòng "
            "họ đạt “Dòng họ học tập”; 16/24 khu phố đạt “Cộng đồng học tập” và 19 cơ quan, trường học đạt “Đơn vị học "
            "tập”.",
            "[[table]]",
            "Việc bình xét được thực hiện công khai từ tổ dân phố. Các gia đình tự chấm điểm theo bộ tiêu chí, chi hội "
            "khuyến học thẩm định; danh sách đề nghị được niêm yết tại văn phòng khu phố 7 ngày trước khi trình công "
            "nhận.",
            "Hội Khuyến học phường lưu ý danh hiệu được xét hằng năm; các gia đình cần tiếp tục chăm lo việc học của "
            "con em và của người lớn, tham gia các lớp tại Trung tâm học tập cộng đồng để giữ vững danh hiệu.",
        ),
        tags=("gia đình học tập", "xã hội học tập"),
        image="Trao giấy công nhận Gia đình học tập năm 2025",
        signing_unit=UBND,
        table=TableSpec(
            "Kết quả công nhận các mô hình học tập năm 2025",
            ("Mô hình", "Số đạt", "Tỷ lệ", "Chỉ tiêu năm 2025"),
            (
                ("Gia đình học tập", "15.480/21.800 hộ", "71%", "70%"),
                ("Dòng họ học tập", "12/15 dòng họ", "80%", "65%"),
                ("Cộng đồng học tập cấp khu phố", "16/24 khu phố", "66,7%", "65%"),
                ("Đơn vị học tập", "19/23 đơn vị", "82,6%", "80%"),
            ),
        ),
    ),
    A(
        C_KH,
        "2026-01-16",
        "Hướng dẫn tự đánh giá phường theo tiêu chí “Cộng đồng học tập” cấp xã",
        "Ngày 16/1/2026, Ban Chỉ đạo xây dựng xã hội học tập phường Bình An tổ chức hội nghị hướng dẫn thu thập minh "
        "chứng và tự đánh giá phường theo tiêu chí “Cộng đồng học tập” cấp xã tại Thông tư số 25/2023/TT-BGDĐT.",
        (
            "Bộ tiêu chí gồm 5 tiêu chí, 15 chỉ tiêu, bao quát công tác lãnh đạo, chỉ đạo và kế hoạch; các điều kiện "
            "bảo đảm; hoạt động của Trung tâm học tập cộng đồng, thư viện và nhà văn hóa; kết quả phổ cập giáo dục, "
            "xóa mù chữ và tác động của việc xây dựng cộng đồng học tập đến đời sống người dân.",
            "Các bộ phận được giao tổng hợp số liệu năm 2025 (từ ngày 1/1 đến ngày 31/12), hoàn thiện hồ sơ tự đánh "
            "giá trước ngày 28/2/2026 để kịp đề nghị cấp có thẩm quyền đánh giá, công nhận.",
            "Phường đặt mục tiêu đạt “Cộng đồng học tập” cấp xã mức 2 ngay trong năm đầu sau sắp xếp đơn vị hành "
            "chính.",
        ),
        tags=("cộng đồng học tập", "xã hội học tập"),
        image="Hội nghị hướng dẫn tự đánh giá Cộng đồng học tập cấp xã",
        signing_unit=UBND,
    ),
    A(
        C_KH,
        "2026-01-22 16:50",
        "Chi hội khuyến học Khu phố 8 đập “heo đất” trước thềm Xuân Bính Ngọ",
        "Chiều 22/1/2026, Chi hội Khuyến học Khu phố 8 tổ chức đập 46 con heo đất khuyến học, thu được hơn 31 triệu "
        "đồng để trao quà Tết cho học sinh có hoàn cảnh khó khăn.",
        (
            "Mỗi gia đình tham gia nuôi một chú heo đất, bỏ vào đó những đồng tiền lẻ sau buổi chợ hay mỗi lần con "
            "cháu được điểm tốt. Cuối năm, chi hội mời các hộ mang heo đến đập và kiểm đếm công khai trước bà con.",
            "Từ số tiền này, chi hội trao 20 phần quà, mỗi phần gồm 1 triệu đồng và tập vở, cho học sinh khó khăn; "
            "phần còn lại bổ sung vào quỹ khuyến học của khu phố và được công khai thu chi tại buổi sinh hoạt tổ dân "
            "phố.",
            "> Tiền bỏ heo là tiền nhỏ, nhưng góp lại thành món quà lớn cho các cháu. Tôi nuôi heo đất đã sáu năm rồi. "
            "— Bà Tạ Thị Nga, Tổ dân phố 8-2",
        ),
        tags=("heo đất khuyến học", "quỹ khuyến học"),
        image="Bà con Khu phố 8 đập heo đất khuyến học",
    ),
    A(
        C_KH,
        "2026-04-20 10:20",
        "Trung tâm học tập cộng đồng khai giảng lớp kỹ năng số cho người cao tuổi",
        "Sáng 20/4/2026, Trung tâm học tập cộng đồng phường Bình An khai giảng lớp kỹ năng số miễn phí đầu tiên trong "
        "năm cho 35 học viên từ 60 đến 78 tuổi.",
        (
            "Khóa học gồm 6 buổi, mỗi tuần 2 buổi, hướng dẫn dùng điện thoại thông minh, gọi video cho người thân, sử "
            "dụng ứng dụng VNeID, tra cứu và nộp hồ sơ dịch vụ công trực tuyến, thanh toán hóa đơn điện nước và nhận "
            "diện các thủ đoạn lừa đảo qua mạng.",
            "Người hướng dẫn là công chức Trung tâm Phục vụ hành chính công phường và đoàn viên trong tổ công nghệ số "
            "cộng đồng. Trong phần thực hành, mỗi học viên có một tình nguyện viên kèm riêng.",
            "[[image]]",
            "Trung tâm học tập cộng đồng dự kiến mở thêm 4 lớp trong năm 2026; người dân có nhu cầu đăng ký tại văn "
            "phòng khu phố hoặc trực tiếp tại Trung tâm.",
        ),
        tags=("kỹ năng số", "người cao tuổi", "Trung tâm học tập cộng đồng"),
        image="Lớp kỹ năng số cho người cao tuổi",
        body_image="Tình nguyện viên hướng dẫn học viên cao tuổi sử dụng ứng dụng VNeID",
    ),
    A(
        C_KH,
        "2026-04-23",
        "Ra mắt tủ sách cộng đồng ở Khu phố 3 nhân Ngày Sách và Văn hóa đọc Việt Nam",
        "Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4, Hội Khuyến học phường Bình An phối hợp với Đoàn Thanh niên "
        "ra mắt tủ sách cộng đồng tại nhà văn hóa Khu phố 3 với hơn 1.500 cuốn sách.",
        (
            "Sách do các gia đình, trường học và nhà hảo tâm quyên góp, gồm sách thiếu nhi, kỹ năng sống, pháp luật "
            "phổ thông, chăm sóc sức khỏe và kỹ thuật nghề. Tủ sách mở cửa từ 17 giờ đến 20 giờ các ngày trong tuần và "
            "cả ngày Chủ nhật; người dân được mượn sách về nhà tối đa hai tuần.",
            "Đoàn viên thanh niên nhận trông tủ sách theo ca và đọc truyện cho thiếu nhi vào sáng Chủ nhật hằng tuần.",
            "Đây là tủ sách cộng đồng thứ 9 của phường. Hội Khuyến học phường đặt mục tiêu đến cuối năm 2026, khu phố "
            "nào cũng có ít nhất một điểm đọc sách miễn phí.",
        ),
        tags=("văn hóa đọc", "tủ sách cộng đồng"),
        image="Tủ sách cộng đồng tại nhà văn hóa Khu phố 3",
    ),
    A(
        C_KH,
        "2026-06-30 20:45",
        "Tuyên dương 186 học sinh giỏi, học sinh đạt giải năm học 2025 – 2026",
        "Tối 30/6/2026, Ủy ban nhân dân phường và Hội Khuyến học phường Bình An tuyên dương học sinh giỏi, học sinh "
        "đạt giải các kỳ thi cấp thành phố, cấp quốc gia năm học 2025 – 2026.",
        (
            "Năm học vừa qua, các trường trên địa bàn có 186 học sinh được tuyên dương: 3 em đạt giải kỳ thi học sinh "
            "giỏi quốc gia, 41 em đạt giải cấp thành phố và 142 em nhiều năm liền đạt danh hiệu học sinh xuất sắc.",
            "Mỗi em được tặng giấy khen và phần thưởng từ 500.000 đồng đến 3.000.000 đồng tùy thành tích. Ba giáo viên "
            "có nhiều học sinh đạt giải cũng được Hội Khuyến học phường khen thưởng.",
            "> Thành tích của các em là niềm tự hào của phường, là kết quả của cả gia đình, nhà trường và khu phố cùng "
            "chăm lo. — Bà Đặng Thị Hồng Nhung, Phó Chủ tịch Ủy ban nhân dân phường",
        ),
        tags=("học sinh giỏi", "khen thưởng"),
        image="Lễ tuyên dương học sinh giỏi năm học 2025 – 2026",
        motif="hall",
    ),
    A(
        C_KH,
        "2026-08-27 17:15",
        "Trao học bổng năm học 2026 – 2027 cho 135 học sinh, sinh viên",
        "Chuẩn bị cho năm học mới, chiều 27/8/2026, Hội Khuyến học phường Bình An trao 135 suất học bổng cho học sinh, "
        "sinh viên vượt khó học tốt, tổng kinh phí hơn 300 triệu đồng.",
        (
            "So với năm học trước, số suất học bổng tăng thêm 15 nhờ sự đóng góp của 14 doanh nghiệp, hộ kinh doanh và "
            "các cựu học sinh của phường nay đang làm việc trong và ngoài nước. Lần đầu tiên, học bổng được chuyển "
            "khoản thẳng vào tài khoản của phụ huynh hoặc của sinh viên.",
            "Bên cạnh đó, 5 sinh viên năm nhất có hoàn cảnh đặc biệt được các nhà tài trợ nhận đỡ đầu suốt bốn năm đại "
            "học với mức 2 triệu đồng mỗi tháng.",
            "Danh sách nhà tài trợ và số tiền vận động được công khai tại trụ sở Ủy ban nhân dân phường và trên cổng "
            "thông tin điện tử trong 30 ngày.",
        ),
        tags=("học bổng", "khuyến học"),
        image="Trao học bổng năm học 2026 – 2027",
        related=("Trao 120 suất học bổng “Tiếp sức đến trường” năm học 2025 – 2026",),
    ),
    A(
        C_KH,
        "2026-10-01 11:10",
        "Khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026",
        "Sáng 1/10/2026, phường Bình An khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026 với thông điệp “Học tập "
        "số – cơ hội cho mọi người”.",
        (
            "Trong tuần lễ, Trung tâm học tập cộng đồng phường và 24 khu phố tổ chức 30 hoạt động: lớp kỹ năng số, "
            "chuyên đề pháp luật về phòng, chống bạo lực gia đình, ngày hội đọc sách cho thiếu nhi và hội thi “Gia "
            "đình học tập” giữa các khu phố.",
            "[[video]]",
            "Ban Chỉ đạo xây dựng xã hội học tập phường đề nghị các trường học, cơ quan trên địa bàn mở cửa thư viện "
            "cho người dân trong tuần lễ và hướng dẫn các gia đình đăng ký danh hiệu “Gia đình học tập” năm 2026.",
        ),
        tags=("học tập suốt đời", "xã hội học tập"),
        image="Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026",
        video=VideoSpec(
            "https://youtu.be/BinhAnHTSD26",
            "Khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026 tại phường Bình An",
            "Video: Trung tâm học tập cộng đồng phường Bình An",
        ),
        related=("Mỗi khu phố một “góc học tập mở” hưởng ứng Tuần lễ học tập suốt đời năm 2025",),
    ),
    # —— Cải cách hành chính ——
    A(
        C_CC,
        "2025-09-20 11:40",
        "Ra quân hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình",
        "Sáng 20/9/2025, Ủy ban nhân dân phường Bình An phối hợp với Đoàn Thanh niên ra quân hướng dẫn người dân nộp "
        "hồ sơ trực tuyến toàn trình tại 24 khu phố.",
        (
            "Các tổ hướng dẫn túc trực tại văn phòng khu phố, giúp người dân đăng nhập Cổng Dịch vụ công quốc gia bằng "
            "tài khoản định danh điện tử, chụp và đính kèm giấy tờ, nộp lệ phí trực tuyến. Trong ngày ra quân, các tổ "
            "hỗ trợ 1.260 lượt người dân, 418 hồ sơ được nộp thành công.",
            "Các thủ tục được hỏi nhiều nhất là đăng ký khai sinh, đăng ký thường trú, tạm trú, cấp bản sao trích lục "
            "hộ tịch và chứng thực bản sao điện tử từ bản chính.",
            "Ủy ban nhân dân phường duy trì tổ hướng dẫn vào sáng thứ Bảy hằng tuần tại Trung tâm Phục vụ hành chính "
            "công phường đến hết năm 2025.",
        ),
        tags=("dịch vụ công trực tuyến", "chuyển đổi số"),
        image="Đoàn viên hướng dẫn người dân nộp hồ sơ trực tuyến",
    ),
    A(
        C_CC,
        "2025-10-15",
        "Phát động phong trào “Bình dân học vụ số” trên địa bàn phường",
        "Ngày 15/10/2025, Ủy ban nhân dân phường Bình An phát động phong trào “Bình dân học vụ số”, đặt mục tiêu đến "
        "cuối năm 2026 có ít nhất 80% người trong độ tuổi lao động có kỹ năng số cơ bản.",
        (
            "Phong trào thực hiện theo cách “ai biết giúp người chưa biết”: mỗi đoàn viên thanh niên, mỗi học sinh "
            "trung học phổ thông kèm ít nhất một người thân hoặc hàng xóm; mỗi khu phố có một tổ công nghệ số cộng "
            "đồng làm đầu mối.",
            "Nội dung phổ cập gồm sử dụng tài khoản định danh điện tử, dịch vụ công trực tuyến, thanh toán không dùng "
            "tiền mặt, bảo vệ thông tin cá nhân và nhận biết tin giả, lừa đảo trên không gian mạng.",
            "Kết quả phong trào được đánh giá hằng quý và là một tiêu chí bình xét thi đua của khu phố, các chi hội "
            "đoàn thể.",
        ),
        tags=("Bình dân học vụ số", "kỹ năng số", "chuyển đổi số"),
        image="Lễ phát động phong trào Bình dân học vụ số",
    ),
    A(
        C_CC,
        "2025-11-08",
        "Tổ công nghệ số cộng đồng: người đồng hành của bà con khi làm thủ tục trực tuyến",
        "Hơn bốn tháng sau khi thành lập, 24 tổ công nghệ số cộng đồng của phường Bình An với 168 thành viên đã trở "
        "thành địa chỉ quen thuộc khi người dân cần hỗ trợ làm thủ tục trực tuyến.",
        (
            "Thành viên các tổ là trưởng khu phố, tổ trưởng tổ dân phố, công an khu vực, đoàn viên thanh niên và cả "
            "những người đã nghỉ hưu rành công nghệ. Mỗi tổ trực tại văn phòng khu phố vào buổi tối và sáng thứ Bảy, "
            "sẵn sàng đến tận nhà giúp người cao tuổi, người khuyết tật.",
            "> Có hôm tôi giúp một cụ bà 82 tuổi đăng ký nhận trợ cấp qua tài khoản ngân hàng. Bà cầm tay cảm ơn mãi; "
            "việc nhỏ mà thấy có ích. — Anh Kha Văn Định, tổ công nghệ số Khu phố 8",
            "Từ tháng 7 đến tháng 10/2025, các tổ đã hỗ trợ hơn 7.400 lượt người dân. Ủy ban nhân dân phường tập huấn "
            "cho thành viên hằng quý để cập nhật các dịch vụ mới.",
        ),
        tags=("tổ công nghệ số cộng đồng", "chuyển đổi số"),
        image="Tổ công nghệ số cộng đồng trực tại văn phòng khu phố",
    ),
    A(
        C_CC,
        "2026-04-08",
        "Mức độ hài lòng của người dân quý I/2026 đạt 97,8%",
        "Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính tại Trung tâm "
        "Phục vụ hành chính công phường Bình An quý I/2026 đạt 97,8%, tăng 1,2 điểm phần trăm so với quý trước.",
        (
            "Khảo sát được thực hiện qua thiết bị đánh giá đặt tại quầy và qua đường liên kết gửi kèm tin nhắn báo kết "
            "quả hồ sơ; người đánh giá không phải cho biết họ tên. Trong quý có 4.912 lượt đánh giá.",
            "[[table]]",
            "Một số ý kiến góp ý về thời gian chờ vào sáng thứ Hai và việc thiếu chỗ để xe. Trung tâm đã mở thêm một "
            "quầy tiếp nhận vào giờ cao điểm và mượn sân nhà văn hóa khu phố gần đó làm chỗ giữ xe miễn phí.",
        ),
        tags=("sự hài lòng", "cải cách hành chính"),
        image="Thiết bị đánh giá mức độ hài lòng tại quầy tiếp nhận",
        signing_unit=TRUNG_TAM,
        table=TableSpec(
            "Kết quả đánh giá quý I/2026 theo tiêu chí",
            ("Tiêu chí", "Hài lòng", "Bình thường", "Không hài lòng"),
            (
                ("Tiếp cận thông tin thủ tục", "98,4%", "1,4%", "0,2%"),
                ("Thái độ phục vụ của công chức", "98,9%", "1,0%", "0,1%"),
                ("Thời gian giải quyết hồ sơ", "96,5%", "3,1%", "0,4%"),
                ("Cơ sở vật chất nơi tiếp nhận", "97,3%", "2,3%", "0,4%"),
            ),
        ),
    ),
    A(
        C_CC,
        "2026-05-12",
        "Nộp phí, lệ phí không dùng tiền mặt tại Trung tâm Phục vụ hành chính công phường",
        "Từ ngày 12/5/2026, người dân làm thủ tục tại Trung tâm Phục vụ hành chính công phường Bình An có thể nộp phí, "
        "lệ phí bằng mã QR, thẻ ngân hàng hoặc ví điện tử ngay tại quầy.",
        (
            "Mỗi quầy tiếp nhận có một mã QR riêng gắn với tài khoản thu ngân sách; biên lai điện tử được gửi về số "
            "điện thoại hoặc thư điện tử của người nộp. Người chưa có tài khoản thanh toán vẫn có thể nộp bằng tiền "
            "mặt.",
            "Sau hai tuần chạy thử từ ngày 28/4, 64% giao dịch nộp phí, lệ phí tại Trung tâm đã không dùng tiền mặt; "
            "thời gian xử lý mỗi hồ sơ giảm trung bình 3 phút.",
            "Ủy ban nhân dân phường khuyến khích người dân nộp hồ sơ và thanh toán trực tuyến để tiết kiệm thời gian "
            "đi lại.",
        ),
        tags=("thanh toán không dùng tiền mặt", "chuyển đổi số"),
        image="Người dân quét mã QR nộp lệ phí tại quầy",
        signing_unit=TRUNG_TAM,
    ),
    A(
        C_CC,
        "2026-08-20",
        "Công khai tiến độ giải quyết hồ sơ trên màn hình điện tử và cổng thông tin phường",
        "Trung tâm Phục vụ hành chính công phường Bình An vừa đưa vào sử dụng màn hình điện tử hiển thị tình trạng xử "
        "lý hồ sơ theo thời gian thực, giúp người dân theo dõi mà không cần hỏi lại công chức.",
        (
            "Người dân nhập mã hồ sơ in trên giấy tiếp nhận hoặc quét mã QR để biết hồ sơ đang ở bước nào và ngày dự "
            "kiến trả kết quả. Số hồ sơ tiếp nhận, đã giải quyết, đúng hạn và quá hạn trong tháng cũng được công khai "
            "trên cổng thông tin điện tử phường.",
            "Mỗi hồ sơ trễ hạn đều có thư xin lỗi gửi người dân, ghi rõ thời hạn trả kết quả mới. Trong 7 tháng năm "
            "2026, Trung tâm có 12 hồ sơ trễ hạn trên tổng số 23.506 hồ sơ, đều do phải xác minh thêm với cơ quan "
            "khác.",
            "## Nộp và theo dõi hồ sơ ở đâu?",
            "Người dân có thể:\n"
            "- Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia;\n"
            "- Theo dõi tiến độ bằng mã hồ sơ trên màn hình tại Trung tâm hoặc trên cổng thông tin điện tử phường;\n"
            "- Gọi đường dây nóng 028 3855 0190 trong giờ hành chính khi cần hỗ trợ.",
        ),
        tags=("công khai", "cải cách hành chính"),
        image="Màn hình tra cứu tiến độ hồ sơ tại Trung tâm Phục vụ hành chính công",
        signing_unit=TRUNG_TAM,
    ),
    A(
        C_CC,
        "2026-11-05 17:20",
        "Chung kết hội thi tìm hiểu cải cách hành chính và chuyển đổi số năm 2026",
        "Chiều 5/11/2026, Ủy ban nhân dân phường Bình An tổ chức vòng chung kết hội thi tìm hiểu cải cách hành chính "
        "và chuyển đổi số với 8 đội thi đến từ các khu phố và đoàn thể.",
        (
            "Qua ba phần thi chào hỏi, kiến thức và xử lý tình huống, các đội thể hiện hiểu biết về quy trình nộp hồ "
            "sơ trực tuyến, bảo vệ dữ liệu cá nhân và vai trò của tổ công nghệ số cộng đồng. Tiểu phẩm “Ông Tư đi làm "
            "giấy tờ” của đội Khu phố 4 được khán giả cổ vũ nhiệt tình.",
            "Kết quả, đội Khu phố 4 đạt giải Nhất; giải Nhì thuộc về đội Đoàn Thanh niên phường; đội Khu phố 7 và đội "
            "Hội Liên hiệp Phụ nữ phường đồng giải Ba.",
        ),
        tags=("hội thi", "cải cách hành chính"),
        image="Các đội thi trên sân khấu chung kết",
        motif="hall",
    ),
    # —— An sinh xã hội ——
    A(
        C_AS,
        "2025-07-24",
        "Thăm, tặng quà gia đình chính sách nhân kỷ niệm 78 năm Ngày Thương binh – Liệt sĩ",
        "Nhân kỷ niệm 78 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2025), lãnh đạo phường Bình An đến thăm, "
        "tặng quà các gia đình chính sách, người có công với cách mạng.",
        (
            "Đoàn đến thăm 12 gia đình thương binh, thân nhân liệt sĩ tiêu biểu; đồng thời trao 486 phần quà của các "
            "cấp đến người có công và thân nhân, tổng trị giá hơn 390 triệu đồng.",
            "Cùng ngày, Đoàn Thanh niên phường tổ chức thắp nến tri ân tại nhà bia ghi danh liệt sĩ và dọn dẹp, chăm "
            "sóc khuôn viên nhà bia.",
            "Ủy ban nhân dân phường tiếp tục rà soát để bảo đảm tất cả gia đình người có công có mức sống bằng hoặc "
            "cao hơn mức sống trung bình của người dân nơi cư trú.",
        ),
        tags=("đền ơn đáp nghĩa", "người có công"),
        image="Lãnh đạo phường thăm gia đình chính sách",
    ),
    A(
        C_AS,
        "2025-10-04 21:10",
        "“Trung thu yêu thương” cho hơn 500 thiếu nhi",
        "Tối 4/10/2025, Ủy ban nhân dân phường Bình An phối hợp với Đoàn Thanh niên tổ chức chương trình “Trung thu "
        "yêu thương” cho hơn 500 thiếu nhi, trong đó có 150 em có hoàn cảnh khó khăn.",
        (
            "Các em được xem múa lân, rước đèn quanh các tuyến đường của Khu phố 2 và Khu phố 3, thi làm lồng đèn từ "
            "vật liệu tái chế và phá cỗ trông trăng. Mỗi em có hoàn cảnh khó khăn nhận một phần quà gồm bánh trung "
            "thu, lồng đèn, sữa và tập vở.",
            "Kinh phí tổ chức và quà tặng được vận động từ các doanh nghiệp, nhà hảo tâm và hội viên các đoàn thể, "
            "tổng giá trị gần 120 triệu đồng.",
        ),
        tags=("Trung thu", "thiếu nhi"),
        image="Thiếu nhi rước đèn trong đêm Trung thu",
        motif="lantern",
    ),
    A(
        C_AS,
        "2025-11-03",
        "Chi trả trợ cấp xã hội hằng tháng qua tài khoản cho gần 1.900 người",
        "Từ tháng 11/2025, trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật và các đối tượng bảo trợ xã "
        "hội trên địa bàn phường Bình An được chi trả qua tài khoản ngân hàng, trừ một số trường hợp đặc biệt.",
        (
            "Phường hiện có 1.936 người hưởng trợ cấp xã hội hằng tháng. Trước khi chuyển đổi, công chức văn hóa – xã "
            "hội cùng tổ công nghệ số cộng đồng đến từng nhà giúp mở tài khoản, cài ứng dụng ngân hàng và hướng dẫn "
            "kiểm tra số dư.",
            "Với 94 người cao tuổi không thể tự giao dịch, phường hướng dẫn làm giấy ủy quyền cho người thân nhận thay "
            "hoặc tiếp tục chi trả tại nhà theo nguyện vọng.",
            "Chi trả không dùng tiền mặt giúp người thụ hưởng nhận tiền đúng ngày, không phải đi lại, xếp hàng; đồng "
            "thời bảo đảm công khai, minh bạch.",
        ),
        tags=("trợ cấp xã hội", "thanh toán không dùng tiền mặt"),
        image="Công chức hướng dẫn người cao tuổi kiểm tra tài khoản nhận trợ cấp",
    ),
    A(
        C_AS,
        "2026-02-05 16:30",
        "Trao 2.138 phần quà Tết Bính Ngọ cho người có công, hộ nghèo, hộ cận nghèo",
        "Từ ngày 2 đến 5/2/2026, phường Bình An trao 2.138 phần quà Tết Nguyên đán Bính Ngọ cho gia đình người có "
        "công, hộ nghèo, hộ cận nghèo, người cao tuổi neo đơn và công nhân khó khăn không về quê đón Tết, tổng trị giá "
        "hơn 1,6 tỷ đồng.",
        (
            "[[table]]",
            "Quà được trao tận tay tại các khu phố; với người cao tuổi, người khuyết tật nặng, các đoàn thể mang quà "
            "đến tận nhà. Danh sách người nhận do Ban điều hành khu phố bình xét và niêm yết công khai trước khi trao.",
            "Dịp này, phường tổ chức “Chợ Tết 0 đồng” tại sân Ủy ban nhân dân phường; mỗi hộ khó khăn nhận phiếu để "
            "chọn các mặt hàng thiết yếu như gạo, dầu ăn, bánh mứt và quần áo mới cho trẻ em.",
        ),
        tags=("quà Tết", "an sinh xã hội"),
        image="Trao quà Tết Bính Ngọ cho hộ khó khăn",
        table=TableSpec(
            "Quà Tết Bính Ngọ 2026 theo nhóm đối tượng",
            ("Nhóm đối tượng", "Số phần quà", "Giá trị (đồng/phần)"),
            (
                ("Gia đình người có công", "512", "1.000.000"),
                ("Hộ nghèo, hộ cận nghèo", "436", "800.000"),
                ("Người cao tuổi neo đơn, người khuyết tật", "590", "700.000"),
                ("Công nhân khó khăn không về quê", "600", "600.000"),
                ("Cộng", "2.138", ""),
            ),
        ),
    ),
    A(
        C_AS,
        "2026-03-24",
        "Trao 250 thẻ bảo hiểm y tế cho người có hoàn cảnh khó khăn",
        "Ngày 24/3/2026, Ủy ban nhân dân phường Bình An phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam phường trao 250 "
        "thẻ bảo hiểm y tế cho người thuộc hộ có mức sống trung bình và lao động tự do có hoàn cảnh khó khăn.",
        (
            "Kinh phí mua thẻ hơn 260 triệu đồng được vận động từ doanh nghiệp, nhà hảo tâm và Quỹ “Vì người nghèo” "
            "của phường. Thẻ có giá trị 12 tháng, giúp người nhận yên tâm khi đi khám, chữa bệnh.",
            "Hiện 93,4% người dân trên địa bàn phường có bảo hiểm y tế. Phường đặt mục tiêu vượt 95% trong năm 2026 "
            "bằng cách vận động hộ gia đình tham gia và hỗ trợ mua thẻ cho người khó khăn.",
        ),
        tags=("bảo hiểm y tế", "an sinh xã hội"),
        image="Trao thẻ bảo hiểm y tế cho người dân",
    ),
    A(
        C_AS,
        "2026-06-20 10:50",
        "Bàn giao nhà “Đại đoàn kết” cho một hộ cận nghèo ở Khu phố 6",
        "Sáng 20/6/2026, Ủy ban Mặt trận Tổ quốc Việt Nam phường Bình An cùng nhà tài trợ bàn giao căn nhà “Đại đoàn "
        "kết” cho gia đình bà Mai Thị Út, hộ cận nghèo ở Khu phố 6.",
        (
            "Căn nhà cũ của gia đình bà Út xuống cấp nặng, mái tôn thủng, mùa mưa thường xuyên ngập. Nhà mới rộng 36 "
            "m², có gác lửng, được xây trong 45 ngày với kinh phí 180 triệu đồng: nhà tài trợ hỗ trợ 120 triệu đồng, "
            "Quỹ “Vì người nghèo” phường 40 triệu đồng, phần còn lại do người thân và bà con lối xóm góp công, góp "
            "của.",
            "> Cả đời tôi chưa dám nghĩ có căn nhà khang trang như vầy. Từ nay mưa xuống, bà cháu tôi không phải kê "
            "giường lên gạch nữa. — Bà Mai Thị Út",
            "Từ đầu năm 2026, phường đã hỗ trợ xây mới, sửa chữa 7 căn nhà cho hộ nghèo, hộ cận nghèo và gia đình "
            "chính sách.",
        ),
        tags=("nhà Đại đoàn kết", "hộ cận nghèo"),
        image="Căn nhà Đại đoàn kết mới tại Khu phố 6",
        signing_unit=MAT_TRAN,
    ),
    A(
        C_AS,
        "2026-09-24 21:30",
        "“Đêm hội trăng rằm” cho gần 700 thiếu nhi",
        "Tối 24/9/2026, phường Bình An tổ chức “Đêm hội trăng rằm” cho gần 700 thiếu nhi tại sân Trường Tiểu học Bình "
        "An; 200 em có hoàn cảnh khó khăn được tặng quà.",
        (
            "Chương trình có hội thi làm lồng đèn từ vật liệu tái chế của 24 khu phố, múa lân và các trò chơi dân "
            "gian. Ban tổ chức dành một gian hàng để các em đổi giấy vụn, chai nhựa lấy truyện và đồ dùng học tập.",
            "Nhân dịp này, Hội Khuyến học phường trao 20 suất học bổng cho các em vừa vượt qua bệnh nặng hoặc có cha, "
            "mẹ qua đời trong năm.",
        ),
        tags=("Trung thu", "thiếu nhi"),
        image="Thiếu nhi vui đêm hội trăng rằm tại sân trường",
        related=("“Trung thu yêu thương” cho hơn 500 thiếu nhi",),
        motif="lantern",
    ),
)

MEDIA = (
    MediaSpec(
        "2025-07-01 16:00",
        "Video: Ngày đầu vận hành Trung tâm Phục vụ hành chính công phường",
        "Một ngày làm việc đầu tiên của Trung tâm Phục vụ hành chính công phường Bình An sau khi sắp xếp đơn vị hành "
        "chính.",
        (
            "Phóng sự ghi lại những hồ sơ đầu tiên được tiếp nhận, cách công chức hướng dẫn người dân nộp hồ sơ trực "
            "tuyến và chia sẻ của bà con về chính quyền phường mới.",
        ),
        "screen",
        ("#1e3a8a", "#3b82f6"),
        video_url="https://www.youtube.com/watch?v=BinhAnTTHC1",
    ),
    MediaSpec(
        "2025-08-28 19:00",
        "Ảnh: Trao học bổng “Tiếp sức đến trường” năm học 2025 – 2026",
        "Những khoảnh khắc tại lễ trao 120 suất học bổng cho học sinh, sinh viên vượt khó của phường.",
        (
            "Lễ trao học bổng được tổ chức tại hội trường Ủy ban nhân dân phường với sự tham dự của phụ huynh và nhà "
            "tài trợ.",
        ),
        "books",
        ("#065f46", "#10b981"),
        photos=(
            "Học sinh tiểu học nhận học bổng và ba lô mới",
            "Đại diện nhà tài trợ trao học bổng cho sinh viên năm thứ nhất",
            "Phụ huynh và học sinh dự lễ tại hội trường phường",
            "Các em học sinh chụp ảnh lưu niệm cùng Hội Khuyến học phường",
        ),
        photo_motifs=("books", "people", "hall", "people"),
    ),
    MediaSpec(
        "2025-11-16 15:00",
        "Ảnh: Ngày hội Đại đoàn kết toàn dân tộc Khu phố 5",
        "Không khí vui tươi, ấm tình láng giềng tại ngày hội của Khu phố 5.",
        ("Bà con cùng gói bánh, thi nấu ăn và giao lưu văn nghệ trong sân nhà văn hóa khu phố.",),
        "people",
        ("#9a3412", "#f59e0b"),
        photos=(
            "Bà con Khu phố 5 cùng gói bánh tét",
            "Tiết mục văn nghệ của câu lạc bộ người cao tuổi",
            "Trao quà cho hộ gia đình có hoàn cảnh khó khăn",
            "Đội thi nấu ăn của Tổ dân phố 5-2",
        ),
        photo_motifs=("people", "hall", "house", "people"),
    ),
    MediaSpec(
        "2026-04-21 09:30",
        "Ảnh: Lớp kỹ năng số cho người cao tuổi",
        "Những học viên ngoài 60 tuổi lần đầu tự nộp hồ sơ trực tuyến trên điện thoại.",
        (
            "Lớp học do Trung tâm học tập cộng đồng phường tổ chức miễn phí, mỗi học viên có một tình nguyện viên kèm "
            "riêng.",
        ),
        "screen",
        ("#4c1d95", "#8b5cf6"),
        photos=(
            "Học viên thực hành gọi video cho người thân",
            "Tình nguyện viên hướng dẫn cài đặt ứng dụng VNeID",
            "Giờ giải lao của lớp học kỹ năng số",
        ),
        photo_motifs=("screen", "screen", "people"),
    ),
    MediaSpec(
        "2026-06-07 18:00",
        "Video: Tuổi trẻ Bình An ra quân Mùa hè xanh 2026",
        "Hơn 300 đoàn viên, thanh niên và sinh viên bắt đầu chiến dịch tình nguyện hè tại 24 khu phố.",
        ("Video tổng hợp lễ ra quân và các công trình đầu tiên của chiến dịch Mùa hè xanh năm 2026.",),
        "people",
        ("#9a3412", "#f59e0b"),
        video_url="https://www.youtube.com/watch?v=BinhAnMHX26",
    ),
    MediaSpec(
        "2026-09-25 08:30",
        "Ảnh: Đêm hội trăng rằm 2026",
        "Lồng đèn tự làm, múa lân và tiếng cười thiếu nhi trong đêm hội trăng rằm của phường.",
        ("Gần 700 thiếu nhi tham gia đêm hội tại sân Trường Tiểu học Bình An.",),
        "lantern",
        ("#9d174d", "#f472b6"),
        photos=(
            "Lồng đèn từ vật liệu tái chế của thiếu nhi Khu phố 7",
            "Đội lân của Đoàn Thanh niên phường biểu diễn",
            "Thiếu nhi nhận quà Trung thu",
            "Rước đèn quanh sân trường",
        ),
        photo_motifs=("lantern", "people", "house", "lantern"),
    ),
    MediaSpec(
        "2026-10-30 17:00",
        "Bản tin Phường Bình An tháng 10/2026",
        "Những hoạt động nổi bật của phường trong tháng 10: Tuần lễ học tập suốt đời, phòng chống sốt xuất huyết và "
        "cải cách hành chính.",
        ("Bản tin do Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường thực hiện hằng tháng.",),
        "building",
        ("#1e3a8a", "#3b82f6"),
        video_url="https://youtu.be/BinhAn2610",
    ),
)

WARD = WardSpec(
    key="binh-an",
    name="Phường Bình An",
    official_name=UBND,
    parent_unit="Thành phố Hồ Chí Minh",
    hostname="localhost",
    port=8000,
    is_default_site=True,
    intro=(
        "Cổng thông tin điện tử của Ủy ban nhân dân phường Bình An: tin hoạt động của Đảng ủy, chính quyền, Mặt trận "
        "và các đoàn thể; thông báo, lịch tiếp công dân và hướng dẫn thủ tục cho người dân."
    ),
    address="Số 18 đường Số 7, Khu phố 3, phường Bình An, Thành phố Hồ Chí Minh",
    phone="028 3855 0190",
    email="ubnd.binhan@example.vn",
    working_hours=(
        "Thứ Hai – Thứ Sáu: 7:30 – 11:30 và 13:00 – 17:00\n"
        "Sáng thứ Bảy: 7:30 – 11:30 (chỉ tiếp nhận hồ sơ)\n"
        "Chủ nhật và ngày lễ: nghỉ"
    ),
    responsible_person="Ông Võ Đức Trung, Chủ tịch Ủy ban nhân dân phường",
    chairman=("Võ Đức Trung", False),
    launched="2025-07-01 07:30",
    colours=("#b91c1c", "#facc15"),
    themes={
        2024: (
            "Năm siết chặt kỷ cương công vụ, nâng cao chất lượng phục vụ người dân; chỉnh trang đô thị, bảo đảm an "
            "sinh xã hội"
        ),
        2025: (
            "Năm sắp xếp bộ máy tinh gọn, vận hành hiệu quả chính quyền địa phương hai cấp; đẩy mạnh chuyển đổi số để "
            "phục vụ người dân ngày càng tốt hơn"
        ),
        2026: (
            "Năm chuyển đổi số toàn diện trong phục vụ người dân; xây dựng xã hội học tập từ mỗi gia đình, mỗi khu "
            "phố; đô thị văn minh, nghĩa tình"
        ),
    },
    categories=CATEGORIES,
    articles=ARTICLES + NOTICES,
    media_intro="Phóng sự ảnh và video về đời sống, hoạt động của phường Bình An.",
    media=MEDIA,
    featured=(
        "Khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026",
        "Người đứng đầu cấp ủy, chính quyền phường đối thoại với Nhân dân",
        "Trao học bổng năm học 2026 – 2027 cho 135 học sinh, sinh viên",
        "Công khai tiến độ giải quyết hồ sơ trên màn hình điện tử và cổng thông tin phường",
    ),
)
