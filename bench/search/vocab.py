"""The benchmark corpus's own Vietnamese: topics, title and sentence patterns, names (all fictional).

Every sentence here was written for this benchmark. Topics carry the words citizens search
for; some pairs fold to the same ASCII ("khuyến học" / "khuyên học sinh", "tuyên dương" /
"tuyến đường", "thuế nhà đất" / "thuê nhà") so that diacritics matter for ranking.
"""

# (category title, [topics]) — a topic is the phrase a citizen would type.
CATEGORIES = [
    (
        "Cải cách hành chính",
        [
            "cải cách hành chính",
            "đăng ký khai sinh",
            "chứng thực bản sao",
            "giấy phép xây dựng",
            "đăng ký thường trú",
            "dịch vụ công trực tuyến",
            "chuyển đổi số",
            "căn cước công dân",
        ],
    ),
    (
        "Khuyến học – khuyến tài",
        [
            "khuyến học",
            "học bổng",
            "xã hội học tập",
            "gia đình học tập",
            "trung tâm học tập cộng đồng",
            "khai giảng năm học",
        ],
    ),
    (
        "An ninh – trật tự",
        [
            "phòng cháy chữa cháy",
            "tuần tra an ninh",
            "phòng chống ma túy",
            "an toàn giao thông",
            "camera an ninh",
            "khuyên học sinh",
        ],
    ),
    (
        "Y tế – môi trường",
        [
            "tiêm chủng mở rộng",
            "sốt xuất huyết",
            "vệ sinh môi trường",
            "thu gom rác thải",
            "trồng cây xanh",
            "hiến máu tình nguyện",
        ],
    ),
    (
        "An sinh xã hội",
        [
            "người cao tuổi",
            "hộ nghèo",
            "nhà tình nghĩa",
            "bảo hiểm y tế",
            "trợ cấp xã hội",
            "tuyên dương",
        ],
    ),
    (
        "Kinh tế – đô thị",
        [
            "chỉnh trang đô thị",
            "tuyến đường",
            "chợ truyền thống",
            "hộ kinh doanh",
            "thuế nhà đất",
            "thuê nhà",
        ],
    ),
    (
        "Mặt trận – đoàn thể",
        [
            "hội nghị tiếp xúc cử tri",
            "đại hội chi bộ",
            "mặt trận tổ quốc",
            "đoàn thanh niên",
            "hội liên hiệp phụ nữ",
            "cựu chiến binh",
        ],
    ),
]

# How often each topic is an article's subject, relative to 1.0 (some are everyday news).
TOPIC_WEIGHTS = {
    "cải cách hành chính": 3.0,
    "chuyển đổi số": 2.5,
    "khuyến học": 2.0,
    "an toàn giao thông": 2.0,
    "vệ sinh môi trường": 2.0,
    "khuyên học sinh": 0.4,
    "thuê nhà": 0.6,
    "tuyên dương": 0.8,
}

TITLE_PATTERNS = [
    "{ward} tổ chức hội nghị về {topic}",
    "{Topic}: kết quả {period}",
    "Ra quân {topic} tại khu phố {kp}",
    "Sơ kết công tác {topic} {period}",
    "Thông báo về {topic} {period}",
    "Hướng dẫn người dân về {topic}",
    "Đẩy mạnh {topic} trên địa bàn {ward_lower}",
    "{ward} triển khai kế hoạch {topic} năm {year}",
    "Khu phố {kp} đi đầu trong {topic}",
    "Tập huấn {topic} cho cán bộ khu phố",
    "{Topic} – những chuyển biến tích cực",
    "Lấy ý kiến người dân về {topic}",
]

# Sentences about the article's own topic.
TOPIC_SENTENCES = [
    "Sáng {day}, {ward} tổ chức buổi làm việc chuyên đề về {topic} với sự tham dự của {n} đại biểu.",
    "Theo báo cáo, công tác {topic} trong {period} đạt nhiều kết quả đáng ghi nhận.",
    "Ông {person}, Phó Chủ tịch Ủy ban nhân dân phường, đề nghị các khu phố tiếp tục quan tâm đến {topic}.",
    "Bà {person}, Trưởng khu phố {kp}, cho biết người dân rất đồng tình với chủ trương về {topic}.",
    "Trong thời gian tới, phường sẽ tăng cường tuyên truyền về {topic} đến từng hộ gia đình.",
    "Kế hoạch {topic} được xây dựng cụ thể, phân công rõ người, rõ việc, rõ thời gian hoàn thành.",
    "Nhiều ý kiến tại hội nghị tập trung vào những khó khăn khi thực hiện {topic} ở các hẻm nhỏ.",
    "Ủy ban nhân dân phường ghi nhận {n} lượt người dân đóng góp ý kiến về {topic}.",
]

# Everyday sentences of a ward portal (they make common words very common).
FILLER_SENTENCES = [
    "Ủy ban nhân dân phường đề nghị người dân theo dõi thông tin trên cổng thông tin điện tử của phường.",
    "Mọi thắc mắc xin liên hệ bộ phận tiếp nhận và trả kết quả trong giờ hành chính.",
    "Các đoàn thể phối hợp chặt chẽ với khu phố để nắm bắt tâm tư của nhân dân.",
    "Buổi làm việc diễn ra trong không khí dân chủ, thẳng thắn và trách nhiệm.",
    "Cán bộ phường trực tiếp xuống từng khu phố để hướng dẫn người dân.",
    "Phường sẽ tổng hợp ý kiến và báo cáo cấp trên theo quy định.",
    "Người dân có thể gửi phản ánh qua chuyên mục hỏi đáp trên cổng thông tin.",
    "Các khu phố đã niêm yết thông báo tại nhà văn hóa và bảng tin.",
    "Kết thúc năm, phường khen thưởng các tập thể và cá nhân có thành tích tốt.",
    "Hội nghị thống nhất giao chỉ tiêu cụ thể cho từng khu phố.",
]

# Sentences that mention another topic in passing (body-only mentions: distractors for titles).
MENTION_SENTENCES = [
    "Dịp này, phường cũng nhắc lại nội dung về {other}.",
    "Bên cạnh đó, các khu phố được đề nghị lồng ghép tuyên truyền về {other}.",
    "Hội nghị dành thời gian trao đổi thêm về {other} trong năm tới.",
]

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Quốc", "Kim", "Bảo"]
GIVEN_NAMES = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
]
DAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
PERIODS = ["6 tháng đầu năm", "quý I", "quý II", "quý III", "9 tháng", "năm", "tháng 10", "đợt 1", "đợt 2"]

# Rare facts: each appears in a handful of articles only, in the title or in the text.
# (phrase, where, how many articles)
NEEDLES = [
    ("hội thi gói bánh tét", "title", 2),
    ("giải bóng chuyền hơi", "title", 3),
    ("lớp dạy bơi miễn phí", "title", 2),
    ("mô hình heo đất khuyến học", "body", 3),
    ("công trình thắp sáng hẻm 142", "body", 1),
    ("câu lạc bộ dưỡng sinh", "title", 3),
    ("thư viện sách nói cho người khiếm thị", "body", 2),
    ("điểm phát cơm chay miễn phí", "title", 2),
    ("tủ bánh mì yêu thương", "body", 3),
    ("đội xe ôm nghĩa hiệp", "body", 2),
    ("cuộc thi vẽ tranh Trung thu", "title", 3),
    ("bếp ăn bán trú", "body", 2),
    ("máy lọc nước cho trường tiểu học Hòa Bình", "body", 1),
    ("ngày hội đọc sách", "title", 3),
]
NEEDLE_PEOPLE = ["Âu Dương Kim Khánh", "Mẫn Thị Quỳnh Như", "Thạch Văn Rạng"]  # fictional, body only
