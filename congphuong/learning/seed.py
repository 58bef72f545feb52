"""Starting data: criteria sets for each model and the national targets.

Plain data, loaded by a data migration (and reusable by tests). The criteria names
follow the texts cited; where the domain notes mark points or thresholds as not yet
verified, the set's note says "cần kiểm tra" so the ward checks them against the
original before relying on them. Administrators change all of it in the admin.
"""

import datetime

CHECK = "Cần kiểm tra: điểm từng chỉ số và ngưỡng công nhận phải đối chiếu với văn bản gốc trước khi dùng."

# (code, title, [(code, text, max points, evidence required, evidence hint)])
FAMILY_CRITERIA = [
    (
        "1",
        "Trẻ em, học sinh trong gia đình học tập tốt",
        [
            ("1.1", "Trẻ trong độ tuổi đi học được đến trường đầy đủ", 10, True, "Xác nhận của nhà trường"),
            ("1.2", "Học sinh hoàn thành chương trình năm học, được lên lớp", 10, False, ""),
            ("1.3", "Không có con em bỏ học giữa chừng", 5, False, ""),
        ],
    ),
    (
        "2",
        "Người lớn trong gia đình tích cực học tập",
        [
            ("2.1", "Tham gia học tập, sinh hoạt chuyên đề ở trung tâm học tập cộng đồng, đoàn thể", 10, False, ""),
            ("2.2", "Học tập nâng cao trình độ, kỹ năng nghề nghiệp", 10, False, ""),
            ("2.3", "Biết sử dụng điện thoại thông minh, Internet, dịch vụ công trực tuyến", 5, False, ""),
        ],
    ),
    (
        "3",
        "Điều kiện học tập của gia đình",
        [
            ("3.1", "Có góc học tập, tủ sách gia đình", 10, False, "Ảnh góc học tập"),
            ("3.2", "Dành kinh phí, thời gian cho học tập của các thành viên", 10, False, ""),
            ("3.3", "Tham gia đóng góp quỹ khuyến học", 5, False, ""),
        ],
    ),
    (
        "4",
        "Tác dụng của học tập",
        [
            ("4.1", "Kinh tế gia đình ổn định, phát triển", 10, False, ""),
            ("4.2", "Gia đình văn hóa, chấp hành tốt pháp luật", 10, False, ""),
            ("4.3", "Tích cực tham gia các hoạt động của cộng đồng", 5, False, ""),
        ],
    ),
]

CLAN_CRITERIA = [
    (
        "1",
        "Con cháu trong dòng họ học tập tốt",
        [
            ("1.1", "Con cháu trong độ tuổi đi học được đến trường", 15, False, ""),
            ("1.2", "Có con cháu đạt thành tích học tập được khen thưởng", 10, True, "Danh sách khen thưởng"),
        ],
    ),
    (
        "2",
        "Người lớn trong dòng họ thường xuyên học tập",
        [
            ("2.1", "Tỷ lệ gia đình trong dòng họ đạt Gia đình học tập", 15, True, "Danh sách gia đình học tập"),
            ("2.2", "Người lớn tham gia học tập ở trung tâm học tập cộng đồng", 10, False, ""),
        ],
    ),
    (
        "3",
        "Điều kiện học tập",
        [
            ("3.1", "Có quỹ khuyến học hoặc hình thức khuyến học của dòng họ", 15, True, "Sổ quỹ dòng họ"),
            ("3.2", "Có quy ước, hương ước về khuyến học", 10, False, ""),
        ],
    ),
    (
        "4",
        "Tác dụng của học tập",
        [
            ("4.1", "Đời sống các gia đình trong dòng họ được cải thiện", 15, False, ""),
            ("4.2", "Dòng họ đoàn kết, không có vi phạm pháp luật", 10, False, ""),
        ],
    ),
]

COMMUNITY_CRITERIA = [
    (
        "1",
        "Tổ chức, chỉ đạo xây dựng cộng đồng học tập",
        [
            ("1.1", "Có kế hoạch xây dựng cộng đồng học tập hằng năm", 15, True, "Kế hoạch của khu phố"),
            ("1.2", "Có ban vận động, chi hội khuyến học hoạt động đều", 10, False, ""),
        ],
    ),
    (
        "2",
        "Phong trào học tập",
        [
            ("2.1", "Tỷ lệ hộ đạt Gia đình học tập", 15, True, "Danh sách công nhận"),
            ("2.2", "Người dân tham gia sinh hoạt chuyên đề, học tập cộng đồng", 10, False, ""),
        ],
    ),
    (
        "3",
        "Điều kiện học tập",
        [
            ("3.1", "Có điểm sinh hoạt, tủ sách cộng đồng", 15, False, ""),
            ("3.2", "Có quỹ khuyến học của khu phố", 10, False, ""),
        ],
    ),
    (
        "4",
        "Tác dụng",
        [
            ("4.1", "Không có trẻ bỏ học; phổ cập giáo dục được giữ vững", 15, False, ""),
            ("4.2", "An ninh trật tự, môi trường sống được giữ gìn", 10, False, ""),
        ],
    ),
]

UNIT_CRITERIA = [
    (
        "1",
        "Lãnh đạo đơn vị quan tâm đến học tập",
        [
            ("1.1", "Có kế hoạch đào tạo, bồi dưỡng cho người lao động", 15, True, "Kế hoạch đào tạo"),
            ("1.2", "Có chính sách hỗ trợ người lao động đi học", 10, False, ""),
        ],
    ),
    (
        "2",
        "Cán bộ, người lao động tích cực học tập",
        [
            ("2.1", "Tỷ lệ người lao động đạt Công dân học tập", 15, False, ""),
            ("2.2", "Người lao động tham gia bồi dưỡng chuyên môn, kỹ năng", 10, False, ""),
        ],
    ),
    (
        "3",
        "Điều kiện học tập",
        [
            ("3.1", "Có thư viện, tủ sách hoặc tài liệu học tập trực tuyến", 15, False, ""),
            ("3.2", "Dành kinh phí cho học tập", 10, False, ""),
        ],
    ),
    (
        "4",
        "Tác dụng của học tập",
        [
            ("4.1", "Hoàn thành tốt nhiệm vụ, kế hoạch năm", 15, True, "Báo cáo tổng kết"),
            ("4.2", "Có sáng kiến, cải tiến được công nhận", 10, False, ""),
        ],
    ),
]

CITIZEN_CRITERIA = [
    (
        "1",
        "Năng lực tự học",
        [
            ("1.1", "Có kế hoạch học tập của bản thân", 10, False, ""),
            ("1.2", "Tham gia các khóa học, sinh hoạt chuyên đề", 10, True, "Giấy chứng nhận, xác nhận tham gia"),
            ("1.3", "Đọc sách, báo, tài liệu thường xuyên", 10, False, ""),
            ("1.4", "Vận dụng điều đã học vào công việc, cuộc sống", 10, False, ""),
        ],
    ),
    (
        "2",
        "Năng lực ứng dụng công nghệ thông tin",
        [
            ("2.1", "Sử dụng thiết bị số, Internet để học tập", 10, False, ""),
            ("2.2", "Sử dụng dịch vụ công trực tuyến", 10, False, ""),
            ("2.3", "Giữ an toàn thông tin cá nhân trên mạng", 10, False, ""),
        ],
    ),
    (
        "3",
        "Năng lực sáng tạo",
        [
            ("3.1", "Có ý tưởng, cách làm mới trong công việc", 10, False, ""),
            ("3.2", "Chia sẻ kiến thức, giúp người khác học tập", 10, False, ""),
            ("3.3", "Tham gia hoạt động cộng đồng", 10, False, ""),
        ],
    ),
]

# Thông tư 25/2023/TT-BGDĐT: 5 criteria, 15 indicators, each judged met / not met at Mức 1 and Mức 2
# (stored as the highest level met: 0, 1, 2; "max points" 2 is the number of levels, not points).
# The texts are our own summary, not the circular's wording; the grouping below is to check.
WARD_CRITERIA = [
    (
        "1",
        "Công tác lãnh đạo, chỉ đạo và xây dựng kế hoạch",
        [
            (
                "1.1",
                "Cấp ủy, chính quyền ban hành văn bản lãnh đạo, chỉ đạo xây dựng xã hội học tập",
                2,
                True,
                "Nghị quyết, kế hoạch",
            ),
            ("1.2", "Có kế hoạch xây dựng cộng đồng học tập hằng năm và giai đoạn", 2, True, "Kế hoạch"),
            ("1.3", "Tổ chức Tuần lễ hưởng ứng học tập suốt đời và báo cáo kết quả", 2, True, "Báo cáo Tuần lễ"),
        ],
    ),
    (
        "2",
        "Nguồn lực và công tác phối hợp",
        [
            ("2.1", "Bố trí kinh phí cho xây dựng xã hội học tập", 2, True, "Dự toán, quyết toán"),
            ("2.2", "Huy động các nguồn lực xã hội cho học tập", 2, False, ""),
            ("2.3", "Phối hợp giữa Hội Khuyến học, đoàn thể và nhà trường", 2, False, ""),
        ],
    ),
    (
        "3",
        "Trung tâm học tập cộng đồng, thư viện, nhà văn hóa",
        [
            ("3.1", "Trung tâm học tập cộng đồng hoạt động hiệu quả", 2, True, "Báo cáo hoạt động"),
            ("3.2", "Thư viện, điểm đọc sách phục vụ người dân", 2, False, ""),
            ("3.3", "Nhà văn hóa, điểm sinh hoạt cộng đồng được sử dụng cho học tập", 2, False, ""),
        ],
    ),
    (
        "4",
        "Kết quả phổ cập giáo dục, xóa mù chữ và học tập suốt đời",
        [
            ("4.1", "Đạt chuẩn phổ cập giáo dục, xóa mù chữ", 2, True, "Quyết định công nhận"),
            ("4.2", "Tỷ lệ gia đình, dòng họ, khu phố, đơn vị học tập", 2, False, ""),
            ("4.3", "Tỷ lệ công dân học tập; kỹ năng số của người dân", 2, False, ""),
        ],
    ),
    (
        "5",
        "Tác động của xây dựng cộng đồng học tập",
        [
            ("5.1", "Kinh tế – xã hội của địa phương phát triển", 2, False, ""),
            ("5.2", "An ninh trật tự, môi trường được bảo đảm", 2, False, ""),
            ("5.3", "Người dân hài lòng với cơ hội học tập", 2, False, ""),
        ],
    ),
]

# (learning_model, name, version, legal basis, valid_from, validity months, certificate, criteria, levels)
# levels: (name, rank, min_total, min_criterion_percent, min_indicator_points)
CRITERIA_SETS = [
    (
        "gia_dinh",
        "Tiêu chí Gia đình học tập",
        "2015",
        "Quyết định 448/QĐ-KHVN năm 2015 của Trung ương Hội Khuyến học Việt Nam (thang 100 điểm).",
        datetime.date(2015, 1, 1),
        12,
        "Giấy công nhận Gia đình học tập",
        FAMILY_CRITERIA,
        [("Đạt", 1, 80, 50, None)],
    ),
    (
        "dong_ho",
        "Tiêu chí Dòng họ học tập",
        "2015",
        "Quyết định 448/QĐ-KHVN năm 2015 của Trung ương Hội Khuyến học Việt Nam (thang 100 điểm).",
        datetime.date(2015, 1, 1),
        12,
        "Giấy công nhận Dòng họ học tập",
        CLAN_CRITERIA,
        [("Đạt", 1, 80, 50, None)],
    ),
    (
        "cong_dong",
        "Tiêu chí Cộng đồng học tập (khu phố)",
        "2015",
        "Quyết định 448/QĐ-KHVN năm 2015 của Trung ương Hội Khuyến học Việt Nam (thang 100 điểm).",
        datetime.date(2015, 1, 1),
        12,
        "Giấy công nhận Cộng đồng học tập",
        COMMUNITY_CRITERIA,
        [("Đạt", 1, 80, 50, None)],
    ),
    (
        "don_vi",
        "Tiêu chí Đơn vị học tập",
        "2015",
        "Quyết định 448/QĐ-KHVN năm 2015 của Trung ương Hội Khuyến học Việt Nam (thang 100 điểm).",
        datetime.date(2015, 1, 1),
        12,
        "Giấy công nhận Đơn vị học tập",
        UNIT_CRITERIA,
        [("Đạt", 1, 80, 50, None)],
    ),
    (
        "cong_dan",
        "Tiêu chí Công dân học tập",
        "2022",
        "Quyết định 324/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam: 3 năng lực cốt lõi, 10 chỉ số, 100 điểm.",
        datetime.date(2022, 1, 1),
        12,
        "Giấy chứng nhận Công dân học tập",
        CITIZEN_CRITERIA,
        [("Đạt", 1, 70, 50, None)],
    ),
    (
        "cap_xa",
        "Tiêu chí Cộng đồng học tập cấp xã",
        "Thông tư 25/2023",
        "Thông tư 25/2023/TT-BGDĐT của Bộ Giáo dục và Đào tạo (hiệu lực từ 12/02/2024, "
        "thay Thông tư 44/2014/TT-BGDĐT): "
        "5 tiêu chí, 15 chỉ tiêu; mỗi chỉ tiêu chấm 0 (chưa đạt), 1 (đạt mức 1) hoặc 2 (đạt mức 2).",
        datetime.date(2024, 2, 12),
        36,
        "Quyết định công nhận cộng đồng học tập cấp xã",
        WARD_CRITERIA,
        [("Mức 1", 1, None, None, 1), ("Mức 2", 2, None, None, 2)],
    ),
]

# (kind, year, percent, legal basis)
TARGETS = [
    ("gia_dinh", 2025, 70, "Quyết định 387/QĐ-TTg năm 2022"),
    ("dong_ho", 2025, 65, "Quyết định 387/QĐ-TTg năm 2022"),
    ("cong_dong", 2025, 65, "Quyết định 387/QĐ-TTg năm 2022"),
    ("don_vi", 2025, 80, "Quyết định 387/QĐ-TTg năm 2022"),
    ("cong_dan", 2025, 40, "Quyết định 677/QĐ-TTg năm 2022"),
    ("cong_dan_cbccvc", 2025, 60, "Quyết định 677/QĐ-TTg năm 2022"),
    ("cong_dan", 2030, 60, "Quyết định 677/QĐ-TTg năm 2022"),
    ("cong_dan_cbccvc", 2030, 80, "Quyết định 677/QĐ-TTg năm 2022"),
    # Công dân học tập with digital skills, among the recognised ones (QĐ 677/QĐ-TTg).
    ("cong_dan_ky_nang_so", 2025, 70, "Quyết định 677/QĐ-TTg năm 2022"),
    ("cong_dan_ky_nang_so", 2030, 90, "Quyết định 677/QĐ-TTg năm 2022"),
]

# 2030 targets whose figure the domain notes do not give: seeded without a percentage and
# flagged "Cần xác nhận" so that the administrator enters it from the original text.
PENDING_NOTE = "Chưa có tỷ lệ năm 2030 trong tài liệu nghiệp vụ; nhập theo văn bản gốc rồi bỏ đánh dấu “Cần xác nhận”."
PENDING_TARGETS = [
    ("gia_dinh", 2030, "Quyết định 387/QĐ-TTg năm 2022"),
    ("dong_ho", 2030, "Quyết định 387/QĐ-TTg năm 2022"),
    ("cong_dong", 2030, "Quyết định 387/QĐ-TTg năm 2022"),
    ("don_vi", 2030, "Quyết định 387/QĐ-TTg năm 2022"),
]


def national(Target) -> dict:
    """The lookup of a national target (before migration 0015 there was no province layer)."""
    has_province = any(field.name == "province" for field in Target._meta.get_fields())
    return {"site": None, "province": ""} if has_province else {"site": None}


def load_pending_targets(Target):
    for kind, year, basis in PENDING_TARGETS:
        Target.objects.get_or_create(
            **national(Target),
            kind=kind,
            year=year,
            defaults={"percent": None, "legal_basis": basis, "needs_confirmation": True, "note": PENDING_NOTE},
        )


def load(apps=None):
    """Create the sets and targets that are missing (idempotent; matched by model + version)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    CriteriaSet = apps.get_model("learning", "CriteriaSet")
    Criterion = apps.get_model("learning", "Criterion")
    Indicator = apps.get_model("learning", "Indicator")
    RecognitionLevel = apps.get_model("learning", "RecognitionLevel")
    Target = apps.get_model("learning", "Target")

    for model, name, version, basis, valid_from, months, certificate, criteria, levels in CRITERIA_SETS:
        if CriteriaSet.objects.filter(learning_model=model, version=version, site__isnull=True).exists():
            continue
        criteria_set = CriteriaSet.objects.create(
            learning_model=model,
            name=name,
            version=version,
            legal_basis=basis,
            valid_from=valid_from,
            validity_months=months,
            certificate_title=certificate,
            note=CHECK,
        )
        for order, (code, title, indicators) in enumerate(criteria):
            criterion = Criterion.objects.create(criteria_set=criteria_set, code=code, title=title, sort_order=order)
            for i_order, (i_code, text, points, evidence, hint) in enumerate(indicators):
                Indicator.objects.create(
                    criterion=criterion,
                    code=i_code,
                    text=text,
                    max_points=points,
                    evidence_required=evidence,
                    evidence_hint=hint,
                    sort_order=i_order,
                )
        for l_order, (level_name, rank, total, criterion_percent, indicator_points) in enumerate(levels):
            RecognitionLevel.objects.create(
                criteria_set=criteria_set,
                name=level_name,
                rank=rank,
                min_total=total,
                min_criterion_percent=criterion_percent,
                min_indicator_points=indicator_points,
                sort_order=l_order,
            )
    for kind, year, value, basis in TARGETS:
        Target.objects.get_or_create(
            **national(Target), kind=kind, year=year, defaults={"percent": value, "legal_basis": basis}
        )
    # Migration 0002 runs this with the model as it was then, before "Cần xác nhận" existed.
    if any(field.name == "needs_confirmation" for field in Target._meta.get_fields()):
        load_pending_targets(Target)
    # …and before the sets had a status and a source (migration 0010 applies them there).
    if any(field.name == "status" for field in CriteriaSet._meta.get_fields()):
        apply_sources(apps)
    # …and before recognising bodies, province targets and the three Công dân học tập sets (migration 0016).
    if any(field.name == "province" for field in Target._meta.get_fields()):
        apply_issue_16_rest(apps)


PLACEHOLDER = " (bản mẫu của phần mềm – chưa có văn bản gốc)"
# QĐ 448/QĐ-KHVN, Gia đình học tập, in our own words. Criterion 1 and the first indicator of criterion 2
# are known (domain notes, provincial association's copy); everything marked PLACEHOLDER is not.
FAMILY_CRITERIA_448 = [
    (
        "1",
        "Trẻ em, học sinh trong gia đình học tập tốt",
        [
            ("1.1", "Con cháu trong độ tuổi đi học đều được đến trường", 10, True, "Xác nhận của nhà trường"),
            ("1.2", "Con cháu đạt kết quả tốt trong học tập và rèn luyện", 10, False, ""),
            ("1.3", "Con cháu lễ phép, ngoan ngoãn, biết kính trên nhường dưới", 10, False, ""),
        ],
    ),
    (
        "2",
        "Người lớn trong gia đình tích cực học tập",
        [
            ("2.1", "Người trong độ tuổi 19 đến 60 của gia đình đều biết chữ (số điểm: bản mẫu)", 10, False, ""),
            ("2.2", "Người lớn tham gia học tập, sinh hoạt chuyên đề" + PLACEHOLDER, 10, False, ""),
            ("2.3", "Người lớn học nâng cao hiểu biết, kỹ năng nghề nghiệp, kỹ năng số" + PLACEHOLDER, 10, False, ""),
        ],
    ),
    (
        "3",
        "Điều kiện học tập của gia đình" + PLACEHOLDER,
        [
            ("3.1", "Có góc học tập, sách báo cho các thành viên" + PLACEHOLDER, 10, False, ""),
            ("3.2", "Dành thời gian, kinh phí cho việc học của các thành viên" + PLACEHOLDER, 10, False, ""),
        ],
    ),
    (
        "4",
        "Tác dụng của việc học tập" + PLACEHOLDER,
        [
            ("4.1", "Đời sống kinh tế gia đình ổn định, cải thiện" + PLACEHOLDER, 10, False, ""),
            ("4.2", "Gia đình hòa thuận, chấp hành tốt pháp luật, tham gia việc chung" + PLACEHOLDER, 10, False, ""),
        ],
    ),
]


# What is known of each seeded set's source (December 2026, docs/learning.md). A set whose text was
# not found is a draft: it cannot ground a recognition decision until an administrator checks it
# against the original and sets it to "Dùng để công nhận".
NOT_FOUND = (
    "Chưa tìm thấy văn bản gốc của bộ tiêu chí này. Tiêu chí, chỉ số, điểm và ngưỡng ở đây là bản mẫu "
    "của phần mềm, không phải nội dung văn bản. Quản trị đối chiếu với văn bản gốc, sửa (hoặc tạo phiên bản mới) "
    "rồi mới chuyển sang “Dùng để công nhận”."
)
SOURCES = {
    ("dong_ho", "2015"): {"status": "du_thao", "source_status": NOT_FOUND},
    ("cong_dong", "2015"): {"status": "du_thao", "source_status": NOT_FOUND},
    ("don_vi", "2015"): {"status": "du_thao", "source_status": NOT_FOUND},
    ("gia_dinh", "2015"): {
        "status": "du_thao",
        "document_number": "448/QĐ-KHVN",
        "issued_on": datetime.date(2015, 12, 1),
        "source_status": (
            "Quyết định 448/QĐ-KHVN ngày 01/12/2015 ban hành tiêu chí cho giai đoạn 2016–2020 (hiệu lực ghi ở đây: "
            "01/01/2016–31/12/2020). Đã đối chiếu "
            "(qua bản sao của một hội khuyến học tỉnh): tiêu chí 1 (con cháu học tập) 30 điểm gồm đi học đủ 10, "
            "kết quả học tập và rèn luyện 10, lễ phép 10; tiêu chí 2 (người lớn học tập) 30 điểm, bắt đầu bằng việc "
            "người từ 19 đến 60 tuổi biết chữ. Các chỉ số còn lại của tiêu chí 2, tiêu chí 3–4 và ngưỡng công nhận "
            "chưa tìm thấy văn bản: chỉ số ở đây là bản mẫu của phần mềm. Chưa có bộ thay thế cho giai đoạn sau "
            "2020: quản trị thêm bằng “Tạo phiên bản mới” theo văn bản mới."
        ),
        "criteria": FAMILY_CRITERIA_448,
    },
    ("cong_dan", "2022"): {
        "status": "du_thao",
        "source_status": (
            "Theo hướng dẫn của Hội Khuyến học Việt Nam (số quyết định 324/QĐ-KHVN cần xác nhận): 3 năng lực cốt "
            "lõi — tự học và học tập suốt đời; sử dụng phương tiện, công cụ để học tập và làm việc; xây dựng các "
            "mối quan hệ xã hội — với 10 chỉ số, 100 điểm; đạt khi tổng từ 80 điểm (vùng khó khăn từ 70) và không "
            "chỉ số nào dưới 5 điểm; có bộ riêng cho ba nhóm đối tượng. Chưa tìm thấy văn bản: nội dung từng chỉ "
            "số, cách chia 10 chỉ số theo 3 năng lực và tên ba nhóm đối tượng — các chỉ số ở đây là bản mẫu của "
            "phần mềm. Quản trị tạo ba bộ (ghi “Đối tượng áp dụng”) theo văn bản gốc."
        ),
        "levels": [("Đạt", 1, 80, 70, None, 5)],
    },
    ("cap_xa", "Thông tư 25/2023"): {
        "status": "chinh_thuc",
        "legal_basis": (
            "Thông tư 25/2023/TT-BGDĐT của Bộ Giáo dục và Đào tạo (hiệu lực từ 12/02/2024, thay Thông tư "
            "44/2014/TT-BGDĐT): 5 tiêu chí; mỗi chỉ tiêu đánh giá đạt hoặc chưa đạt ở Mức 1 và Mức 2, không chấm điểm."
        ),
        "document_number": "25/2023/TT-BGDĐT",
        "assessment": "dat_chua_dat",
        "validity_years_after": 3,
        "source_status": (
            "Thông tư 25/2023/TT-BGDĐT (hiệu lực từ 12/02/2024, thay Thông tư 44/2014/TT-BGDĐT): 5 tiêu chí; mỗi "
            "chỉ tiêu có yêu cầu Mức 1 và Mức 2, đánh giá đạt hoặc chưa đạt, không chấm điểm; Mức 2 nâng yêu cầu "
            "các chỉ tiêu của tiêu chí 4 và 5; công nhận giữ trong 3 năm sau năm công nhận. Nội dung chỉ tiêu ở "
            "đây là tóm tắt của phần mềm (không phải nguyên văn), cách chia 15 chỉ tiêu cần đối chiếu; nội dung "
            "Mức 2 của tiêu chí 4 và 5 chưa nhập — đánh giá Mức 2 theo văn bản gốc. Ngày ban hành cần đối chiếu."
        ),
    },
}


def _replace_criteria(apps, criteria_set, criteria):
    """Re-seed an unused set's criteria (a used one keeps what its assessments were made under)."""
    Registration = apps.get_model("learning", "Registration")
    Criterion = apps.get_model("learning", "Criterion")
    Indicator = apps.get_model("learning", "Indicator")
    if Registration.objects.filter(criteria_set=criteria_set).exists():
        return False
    Criterion.objects.filter(criteria_set=criteria_set).delete()
    for order, (code, title, indicators) in enumerate(criteria):
        criterion = Criterion.objects.create(criteria_set=criteria_set, code=code, title=title, sort_order=order)
        for i_order, (i_code, text, points, evidence, hint) in enumerate(indicators):
            Indicator.objects.create(
                criterion=criterion,
                code=i_code,
                text=text,
                max_points=points,
                evidence_required=evidence,
                evidence_hint=hint,
                sort_order=i_order,
            )
    return True


def apply_sources(apps=None):
    """Record each seeded shared set's source, status and rules (idempotent)."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    CriteriaSet = apps.get_model("learning", "CriteriaSet")
    RecognitionLevel = apps.get_model("learning", "RecognitionLevel")
    for (model, version), values in SOURCES.items():
        values = dict(values)
        levels = values.pop("levels", None)
        criteria = values.pop("criteria", None)
        for criteria_set in CriteriaSet.objects.filter(learning_model=model, version=version, site__isnull=True):
            for name, value in values.items():
                setattr(criteria_set, name, value)
            criteria_set.save()
            if criteria is not None:
                _replace_criteria(apps, criteria_set, criteria)
            for name, rank, total, total_disadvantaged, criterion_percent, indicator_points in levels or []:
                RecognitionLevel.objects.filter(criteria_set=criteria_set, rank=rank).update(
                    name=name,
                    min_total=total,
                    min_total_disadvantaged=total_disadvantaged,
                    min_criterion_percent=criterion_percent,
                    min_indicator_points=indicator_points,
                )


# Retention periods: software defaults, not a regulation's figures (none was found for these
# records); unconfirmed until an administrator checks them. (kind, years)
RETENTION_DEFAULT_BASIS = (
    "Mặc định của phần mềm, chưa tìm thấy văn bản quy định thời hạn riêng cho loại dữ liệu này. "
    "Quản trị cần đối chiếu quy định lưu trữ và bảo vệ dữ liệu cá nhân (Luật 91/2025/QH15, "
    "Nghị định 13/2023/NĐ-CP) rồi đánh dấu “Đã xác nhận căn cứ”."
)
RETENTION_DEFAULTS = [
    ("ho_gia_dinh", 5),
    ("cong_dan", 5),
    ("dang_ky", 5),
    ("khen_thuong", 5),
    ("dong_y", 5),
    ("nha_hao_tam", 10),
    ("nhat_ky_xuat", 2),
]


def load_retention_rules(RetentionRule):
    """Create the missing rules; never changes one an administrator edited."""
    from .retention import COUNTED_FROM

    for kind, years in RETENTION_DEFAULTS:
        RetentionRule.objects.get_or_create(
            kind=kind,
            defaults={
                "years": years,
                "counted_from": str(COUNTED_FROM[kind]),
                "basis": RETENTION_DEFAULT_BASIS,
                "confirmed": False,
            },
        )


# --- Issue 16, the rest: the 448 set's period, three Công dân học tập sets, placeholders, bodies ----------

FAMILY_448_PERIOD = {"valid_from": datetime.date(2016, 1, 1), "valid_to": datetime.date(2020, 12, 31)}

# The guidance names three groups of people, each with its own set; their names were not found.
CITIZEN_GROUPS = [
    f"Nhóm {number} trong ba nhóm đối tượng của hướng dẫn (tên nhóm chưa tìm thấy trong văn bản gốc – "
    "quản trị ghi đúng tên theo văn bản)"
    for number in (1, 2, 3)
]
# Known: the three core competencies, 10 indicators, 100 points. Not found: each indicator's wording and
# how the 10 indicators are split over the competencies (4 / 3 / 3 here is the software's).
CITIZEN_CRITERIA_2022 = [
    (
        "1",
        "Năng lực tự học và học tập suốt đời",
        [
            ("1.1", "Có kế hoạch học tập của bản thân" + PLACEHOLDER, 10, False, ""),
            ("1.2", "Tham gia khóa học, sinh hoạt chuyên đề" + PLACEHOLDER, 10, True, "Giấy chứng nhận, xác nhận"),
            ("1.3", "Thường xuyên đọc sách, báo, tài liệu" + PLACEHOLDER, 10, False, ""),
            ("1.4", "Vận dụng điều đã học vào công việc, đời sống" + PLACEHOLDER, 10, False, ""),
        ],
    ),
    (
        "2",
        "Năng lực sử dụng phương tiện, công cụ để học tập và làm việc",
        [
            ("2.1", "Dùng thiết bị số, Internet để học tập" + PLACEHOLDER, 10, False, ""),
            ("2.2", "Dùng dịch vụ công trực tuyến, công cụ số trong công việc" + PLACEHOLDER, 10, False, ""),
            ("2.3", "Giữ an toàn thông tin cá nhân khi dùng mạng" + PLACEHOLDER, 10, False, ""),
        ],
    ),
    (
        "3",
        "Năng lực xây dựng các mối quan hệ xã hội",
        [
            ("3.1", "Chia sẻ hiểu biết, giúp người khác cùng học" + PLACEHOLDER, 10, False, ""),
            ("3.2", "Tham gia hoạt động của cộng đồng, đoàn thể" + PLACEHOLDER, 10, False, ""),
            ("3.3", "Giữ gìn quan hệ tốt trong gia đình, nơi làm việc, khu phố" + PLACEHOLDER, 10, False, ""),
        ],
    ),
]
CITIZEN_SOURCE = (
    "Theo hướng dẫn của Hội Khuyến học Việt Nam (số quyết định 324/QĐ-KHVN cần xác nhận): 3 năng lực cốt lõi — tự "
    "học và học tập suốt đời; sử dụng phương tiện, công cụ để học tập và làm việc; xây dựng các mối quan hệ xã hội — "
    "với 10 chỉ số, 100 điểm; đạt khi tổng từ 80 điểm (vùng khó khăn từ 70) và không chỉ số nào dưới 5 điểm; có bộ "
    "riêng cho ba nhóm đối tượng (ba bộ ở đây, một bộ cho mỗi nhóm). Chưa tìm thấy văn bản: nội dung từng chỉ số, "
    "cách chia 10 chỉ số theo 3 năng lực, tên ba nhóm đối tượng và chỗ khác nhau giữa ba bộ — chỉ số ở đây là bản "
    "mẫu của phần mềm, ba bộ giống nhau. Quản trị sửa theo văn bản gốc rồi mới chuyển sang “Dùng để công nhận”."
)
# Sets whose whole text was not found: every criterion and indicator says it is the software's.
PLACEHOLDER_SETS = [("dong_ho", "2015"), ("cong_dong", "2015"), ("don_vi", "2015")]

# Hà Nội's plan, an example of the province layer [domain notes: seen]; the order of the four
# figures follows the notes' list of the four models.
HANOI = "Thành phố Hà Nội"
PROVINCE_TARGETS = [
    (HANOI, "gia_dinh", 2030, 80),
    (HANOI, "dong_ho", 2030, 75),
    (HANOI, "cong_dong", 2030, 75),
    (HANOI, "don_vi", 2030, 90),
]
PROVINCE_NOTE = (
    "Ví dụ lớp chỉ tiêu của tỉnh, thành phố (Kế hoạch 291/KH-UBND của Hà Nội), không phải chỉ tiêu toàn quốc; "
    "thứ tự bốn tỷ lệ theo tài liệu nghiệp vụ, cần đối chiếu kế hoạch gốc."
)

NOT_IN_NOTES = "Tài liệu nghiệp vụ chưa ghi cơ quan nào công nhận mô hình này"
# (model, level name, body level, issuer, signer title, basis, confirmed, note, valid_from, valid_to)
RECOGNISING_BODIES = [
    (
        "cap_xa",
        "",
        "cap_huyen",
        "Phòng Giáo dục và Đào tạo cấp huyện",
        "",
        "Thông tư 25/2023/TT-BGDĐT",
        True,
        "Theo tài liệu nghiệp vụ: trước 01/7/2025 cấp trên của xã (phòng giáo dục cấp huyện) công nhận, quyết định "
        "trước 31/3 năm sau năm đánh giá. Chức vụ người ký chưa có trong tài liệu nghiệp vụ.",
        None,
        datetime.date(2025, 6, 30),
    ),
    (
        "cap_xa",
        "",
        "chua_ro",
        "",
        "",
        "Thông tư 25/2023/TT-BGDĐT",
        False,
        "Từ 01/7/2025 không còn cấp huyện; tài liệu nghiệp vụ chưa ghi cơ quan nào công nhận thay. Quản trị ghi theo "
        "văn bản của tỉnh, thành phố rồi đánh dấu “Đã xác nhận căn cứ”. Không phải Ủy ban nhân dân phường.",
        datetime.date(2025, 7, 1),
        None,
    ),
]
for _model, _basis in (
    ("gia_dinh", "Quyết định 448/QĐ-KHVN (2015)"),
    ("dong_ho", "Quyết định 448/QĐ-KHVN (2015), văn bản chưa tìm thấy"),
    ("cong_dong", "Quyết định 448/QĐ-KHVN (2015), văn bản chưa tìm thấy"),
    ("don_vi", "Quyết định 448/QĐ-KHVN (2015), văn bản chưa tìm thấy"),
    ("cong_dan", "Hướng dẫn của Hội Khuyến học Việt Nam (324/QĐ-KHVN cần xác nhận)"),
):
    RECOGNISING_BODIES.append(
        (
            _model,
            "",
            "chua_ro",
            "",
            "",
            _basis,
            False,
            f"{NOT_IN_NOTES} (Hội Khuyến học hay Ủy ban nhân dân, cấp nào). Không mặc định “Ủy ban nhân dân phường”: "
            "quản trị ghi theo văn bản rồi đánh dấu “Đã xác nhận căn cứ”; đến lúc đó quyết định phải ghi tay cơ quan "
            "ban hành.",
            None,
            None,
        )
    )


def _create_criteria(apps, criteria_set, criteria):
    Criterion = apps.get_model("learning", "Criterion")
    Indicator = apps.get_model("learning", "Indicator")
    for order, (code, title, indicators) in enumerate(criteria):
        criterion = Criterion.objects.create(criteria_set=criteria_set, code=code, title=title, sort_order=order)
        for i_order, (i_code, text, points, evidence, hint) in enumerate(indicators):
            Indicator.objects.create(
                criterion=criterion,
                code=i_code,
                text=text,
                max_points=points,
                evidence_required=evidence,
                evidence_hint=hint,
                sort_order=i_order,
            )


def _citizen_sets(apps):
    """The seeded Công dân học tập set becomes the first group's; the two other groups get their own."""
    CriteriaSet = apps.get_model("learning", "CriteriaSet")
    RecognitionLevel = apps.get_model("learning", "RecognitionLevel")
    first = (
        CriteriaSet.objects.filter(learning_model="cong_dan", version="2022", site__isnull=True).order_by("pk").first()
    )
    if first is None:
        return
    if not first.population_group:
        first.population_group = CITIZEN_GROUPS[0]
    first.source_status = CITIZEN_SOURCE
    first.save()
    _replace_criteria(apps, first, CITIZEN_CRITERIA_2022)
    for group in CITIZEN_GROUPS[1:]:
        if CriteriaSet.objects.filter(learning_model="cong_dan", site__isnull=True, population_group=group).exists():
            continue
        copy = CriteriaSet.objects.create(
            learning_model="cong_dan",
            name=first.name,
            version=first.version,
            legal_basis=first.legal_basis,
            document_number=first.document_number,
            issued_on=first.issued_on,
            status="du_thao",
            source_status=CITIZEN_SOURCE,
            assessment=first.assessment,
            population_group=group,
            valid_from=first.valid_from,
            valid_to=first.valid_to,
            validity_months=first.validity_months,
            certificate_title=first.certificate_title,
            note=first.note,
        )
        _create_criteria(apps, copy, CITIZEN_CRITERIA_2022)
        for level in RecognitionLevel.objects.filter(criteria_set=first):
            RecognitionLevel.objects.create(
                criteria_set=copy,
                name=level.name,
                rank=level.rank,
                min_total=level.min_total,
                min_total_disadvantaged=level.min_total_disadvantaged,
                min_criterion_percent=level.min_criterion_percent,
                min_indicator_points=level.min_indicator_points,
                sort_order=level.sort_order,
            )
    # apply_sources() writes the older note on every set of that version: the three sets say the same.
    CriteriaSet.objects.filter(learning_model="cong_dan", version="2022", site__isnull=True).update(
        source_status=CITIZEN_SOURCE
    )


def _mark_placeholders(apps):
    """An unused set whose text was not found says so on every criterion and indicator."""
    CriteriaSet = apps.get_model("learning", "CriteriaSet")
    Registration = apps.get_model("learning", "Registration")
    Criterion = apps.get_model("learning", "Criterion")
    Indicator = apps.get_model("learning", "Indicator")
    for model, version in PLACEHOLDER_SETS:
        for criteria_set in CriteriaSet.objects.filter(learning_model=model, version=version, site__isnull=True):
            if Registration.objects.filter(criteria_set=criteria_set).exists():
                continue  # an assessment keeps the text it was made under
            for criterion in Criterion.objects.filter(criteria_set=criteria_set).exclude(title__endswith=PLACEHOLDER):
                criterion.title = (criterion.title + PLACEHOLDER)[:255]
                criterion.save()
            for indicator in Indicator.objects.filter(criterion__criteria_set=criteria_set).exclude(
                text__endswith=PLACEHOLDER
            ):
                indicator.text += PLACEHOLDER
                indicator.save()


def load_recognising_bodies(RecognisingBody):
    """The shared rows, once (an administrator's corrections are never overwritten)."""
    if RecognisingBody.objects.filter(site__isnull=True).exists():
        return
    for model, level, body_level, issuer, title, basis, confirmed, note, start, end in RECOGNISING_BODIES:
        RecognisingBody.objects.create(
            learning_model=model,
            level_name=level,
            body_level=body_level,
            issuer=issuer,
            signer_title=title,
            legal_basis=basis,
            confirmed=confirmed,
            note=note,
            valid_from=start,
            valid_to=end,
        )


def apply_issue_16_rest(apps=None):
    """Idempotent: the 448 family set's period, the Công dân học tập sets, placeholders, targets, bodies."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    CriteriaSet = apps.get_model("learning", "CriteriaSet")
    Target = apps.get_model("learning", "Target")
    CriteriaSet.objects.filter(
        learning_model="gia_dinh", version="2015", site__isnull=True, valid_to__isnull=True
    ).update(**FAMILY_448_PERIOD)
    _citizen_sets(apps)
    _mark_placeholders(apps)
    for kind, year, value, basis in TARGETS:
        Target.objects.get_or_create(
            site=None, province="", kind=kind, year=year, defaults={"percent": value, "legal_basis": basis}
        )
    for province, kind, year, value in PROVINCE_TARGETS:
        Target.objects.get_or_create(
            site=None,
            province=province,
            kind=kind,
            year=year,
            defaults={
                "percent": value,
                "legal_basis": "Kế hoạch 291/KH-UBND của Ủy ban nhân dân Thành phố Hà Nội",
                "needs_confirmation": True,
                "note": PROVINCE_NOTE[:255],
            },
        )
    load_recognising_bodies(apps.get_model("learning", "RecognisingBody"))
