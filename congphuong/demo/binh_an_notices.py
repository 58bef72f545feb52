"""Short notices of Phường Bình An (category "Thông báo"), each with its signed PDF attached.

A ward posts many such notices: enough of them that the category runs over one page
of the list, as it does on a real portal. Fictional content written for the demo.
"""

from .spec import ArticleSpec as A

C_TB = "Thông báo"
UBND = "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH AN"
TRUNG_TAM = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BÌNH AN"


def _notice(date, title, lead, body, tags, attachment, signing_unit=UBND):
    return A(
        C_TB,
        date,
        title,
        lead,
        (*body, "[[files]]"),
        tags=tags,
        image=title,
        signing_unit=signing_unit,
        attachments=(attachment,),
    )


NOTICES = (
    _notice(
        "2025-08-04 07:45",
        "Thông báo tạm ngưng cấp nước khu phố 2 và khu phố 5 ngày 9/8/2025",
        "Để thay tuyến ống trên đường Số 12, nước sẽ tạm ngưng ở hai khu phố trong một buổi sáng.",
        (
            "Thời gian ngưng cấp nước: từ 6 giờ đến 12 giờ ngày thứ Bảy, 9/8/2025. Khu vực ảnh hưởng: các hẻm số 4 "
            "đến số 18 đường Số 12 (khu phố 2) và dãy nhà từ số 61 đến số 139 đường Số 9 (khu phố 5).",
            "Bà con vui lòng chủ động trữ nước. Xe bồn của đơn vị cấp nước túc trực tại sân nhà văn hóa khu phố 2 "
            "trong suốt thời gian thi công.",
        ),
        ("cấp nước", "khu phố 2", "khu phố 5"),
        "Thông báo số 112/TB-UBND về tạm ngưng cấp nước",
    ),
    _notice(
        "2025-08-20 09:00",
        "Thông báo tuyển chọn cộng tác viên dân số khu phố năm 2025",
        "Ủy ban nhân dân phường tuyển chọn 3 cộng tác viên dân số cho khu phố 1, khu phố 4 và khu phố 6.",
        (
            "Người dự tuyển là cư dân thường trú tại khu phố, từ đủ 20 tuổi, tốt nghiệp trung học phổ thông, biết sử "
            "dụng điện thoại thông minh để cập nhật số liệu.",
            "Hồ sơ gồm đơn đăng ký theo mẫu đính kèm và bản sao văn bằng, nộp tại bộ phận văn hóa – xã hội đến hết "
            "ngày 5/9/2025.",
        ),
        ("dân số", "tuyển chọn"),
        "Mẫu đơn đăng ký cộng tác viên dân số",
    ),
    _notice(
        "2025-09-15 08:00",
        "Thông báo lịch tiêm vắc xin phòng sởi cho trẻ từ 1 đến 5 tuổi",
        "Trạm Y tế phường tổ chức tiêm bổ sung vắc xin sởi trong hai ngày cuối tuần.",
        (
            "Thời gian: 7 giờ 30 đến 16 giờ, thứ Bảy 20/9 và Chủ nhật 21/9/2025, tại Trạm Y tế phường (số 25 đường "
            "Số 3). Phụ huynh mang theo sổ tiêm chủng hoặc số định danh của trẻ.",
            "Trẻ đang sốt hoặc mới ốm dậy sẽ được khám sàng lọc và hẹn tiêm lại vào đợt sau.",
        ),
        ("y tế", "tiêm chủng"),
        "Kế hoạch tiêm bổ sung vắc xin sởi tháng 9/2025",
    ),
    _notice(
        "2025-10-06 14:00",
        "Thông báo thu hồi giấy phép kinh doanh đã hết hạn trên địa bàn phường",
        "Danh sách 27 hộ kinh doanh chưa gia hạn giấy phép được niêm yết tại trụ sở và đính kèm bên dưới.",
        (
            "Các hộ có tên trong danh sách liên hệ Trung tâm Phục vụ hành chính công phường trước ngày 31/10/2025 để "
            "làm thủ tục gia hạn hoặc chấm dứt hoạt động; quá thời hạn trên, phường sẽ ra quyết định thu hồi theo quy "
            "định.",
        ),
        ("hộ kinh doanh", "giấy phép"),
        "Danh sách hộ kinh doanh chưa gia hạn giấy phép",
        signing_unit=TRUNG_TAM,
    ),
    _notice(
        "2025-11-03 08:15",
        "Thông báo mời dự hội nghị lấy ý kiến về phương án chỉnh trang hẻm 47",
        "Hộ dân hai bên hẻm 47 đường Số 7 được mời góp ý phương án nâng nền, làm lại cống thoát nước.",
        (
            "Hội nghị diễn ra lúc 19 giờ thứ Sáu, 7/11/2025 tại nhà văn hóa khu phố 3. Bản vẽ phương án và dự toán "
            "được đính kèm để bà con xem trước.",
            "Hộ không tham dự được có thể gửi ý kiến bằng văn bản cho Ban điều hành khu phố 3 hoặc qua mục Hỏi đáp "
            "trên cổng thông tin của phường.",
        ),
        ("chỉnh trang đô thị", "khu phố 3", "lấy ý kiến"),
        "Phương án chỉnh trang hẻm 47 đường Số 7",
    ),
    _notice(
        "2025-12-01 07:30",
        "Thông báo thời gian nhận hồ sơ xét tặng học bổng “Vững bước đến trường” học kỳ II",
        "Hội Khuyến học phường nhận hồ sơ học bổng cho học sinh có hoàn cảnh khó khăn đến hết ngày 20/12/2025.",
        (
            "Đối tượng: học sinh tiểu học, trung học cơ sở đang học tại các trường trên địa bàn, thuộc hộ nghèo, cận "
            "nghèo hoặc có hoàn cảnh đặc biệt, kết quả học tập từ loại khá trở lên.",
            "Hồ sơ gồm đơn theo mẫu đính kèm có xác nhận của Ban điều hành khu phố và bản sao phiếu kết quả học tập "
            "học kỳ I.",
        ),
        ("khuyến học", "học bổng"),
        "Mẫu đơn đề nghị xét học bổng học kỳ II năm học 2025 – 2026",
    ),
    _notice(
        "2026-03-02 08:00",
        "Thông báo lịch thu gom rác cồng kềnh miễn phí quý I năm 2026",
        "Người dân để rác cồng kềnh đúng điểm tập kết theo lịch từng khu phố, không bỏ ra lòng đường.",
        (
            "Rác cồng kềnh gồm bàn ghế, nệm, tủ cũ, cành cây lớn. Lịch thu gom: khu phố 1 và 2 ngày 14/3, khu phố 3 "
            "và 4 ngày 21/3, khu phố 5 và 6 ngày 28/3/2026, từ 6 giờ đến 9 giờ sáng.",
            "Không nhận rác xây dựng, rác nguy hại như pin, bóng đèn, bình ga; các loại này được thu riêng tại trụ sở "
            "khu phố vào ngày thứ Bảy cuối tháng.",
        ),
        ("môi trường", "rác thải"),
        "Lịch thu gom rác cồng kềnh quý I năm 2026",
    ),
    _notice(
        "2026-05-04 09:30",
        "Thông báo kết quả xét công nhận “Gia đình học tập” năm 2025",
        "412 hộ gia đình trên địa bàn phường được công nhận danh hiệu “Gia đình học tập” năm 2025.",
        (
            "Căn cứ biên bản họp Hội đồng xét công nhận ngày 24/4/2026, Ủy ban nhân dân phường công nhận 412 trên 578 "
            "hộ đăng ký, đạt 71,3%, vượt chỉ tiêu 70% của giai đoạn.",
            "Danh sách theo từng khu phố được đính kèm; hộ có thắc mắc về kết quả gửi ý kiến về Hội Khuyến học phường "
            "trong 15 ngày kể từ ngày thông báo.",
        ),
        ("gia đình học tập", "khuyến học", "xã hội học tập"),
        "Quyết định công nhận Gia đình học tập năm 2025",
    ),
)
