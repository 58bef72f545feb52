"""Demo content for one ward: the Hỏi đáp page, topics, questions in every state, ratings.

Every person and contact detail here is invented; the e-mail addresses use the
reserved example.com domain. ``build_demo`` is idempotent: a second call adds nothing.
"""

import datetime

from django.utils import timezone

from congphuong.core.workdays import WorkdayCalendar
from congphuong.organisation.models import Quarter

from .models import FeedbackPage, Note, Question, Rating, Topic
from .permissions import ensure_feedback_permissions

TOPICS = [
    "Hộ tịch – chứng thực",
    "Đất đai – xây dựng",
    "Môi trường – vệ sinh đô thị",
    "An ninh – trật tự",
    "Chính sách xã hội",
    "Giáo dục – khuyến học",
    "Khác",
]

# (days ago, name, phone, e-mail, khu phố index, topic index, question, state, answer, unit, public)
QUESTIONS = [
    (
        40,
        "Lê Văn Thành",
        "0901 234 501",
        "levanthanh@example.com",
        2,
        0,
        "Con tôi sinh ở bệnh viện quận khác nhưng gia đình thường trú tại phường. Tôi có thể đăng ký khai sinh "
        "cho cháu ở phường mình không, và cần mang theo những giấy tờ gì?",
        "published",
        "Ông/bà đăng ký khai sinh tại Ủy ban nhân dân phường nơi cư trú của cha hoặc mẹ, không phụ thuộc nơi "
        "sinh. Hồ sơ gồm tờ khai đăng ký khai sinh theo mẫu và giấy chứng sinh do bệnh viện cấp; xuất trình "
        "giấy tờ tùy thân của người đi đăng ký. Có thể nộp trực tiếp tại Bộ phận một cửa hoặc nộp trực tuyến "
        "trên Cổng Dịch vụ công quốc gia. Thủ tục được giải quyết trong ngày nếu hồ sơ đầy đủ.",
        "Công chức Tư pháp – Hộ tịch",
        True,
    ),
    (
        35,
        "Phạm Thị Hồng Nhung",
        "",
        "hongnhung.pham@example.com",
        0,
        2,
        "Khu vực hẻm 45 thường xuyên có người đổ rác sai giờ, bốc mùi vào buổi trưa. Đề nghị phường kiểm tra "
        "và bố trí lại giờ thu gom rác.",
        "published",
        "Phường đã phối hợp với đơn vị thu gom rác điều chỉnh giờ thu gom tại hẻm 45 sang 17 giờ 30 hằng ngày "
        "và giao Ban điều hành khu phố 1 nhắc nhở các hộ đổ rác đúng giờ. Trường hợp vi phạm nhiều lần sẽ bị "
        "xử lý theo quy định về bảo vệ môi trường. Cảm ơn bà đã phản ánh.",
        "Ban điều hành Khu phố 1 và Công chức Địa chính – Môi trường",
        True,
    ),
    (
        28,
        "Nguyễn Hoàng Phúc",
        "0901 234 503",
        "",
        4,
        5,
        "Gia đình tôi muốn đăng ký danh hiệu Gia đình học tập năm nay thì cần làm gì, nộp ở đâu?",
        "published",
        "Gia đình đăng ký với Chi hội Khuyến học khu phố từ tháng 1 đến tháng 3 hằng năm. Cuối năm, chi hội "
        "đánh giá theo bộ tiêu chí và đề nghị Hội Khuyến học phường công nhận. Mẫu đăng ký có tại nhà văn hóa "
        "khu phố và trên trang Khuyến học của cổng thông tin.",
        "Hội Khuyến học phường",
        True,
    ),
    (
        25,
        "Võ Minh Khang",
        "0901 234 504",
        "minhkhang.vo@example.com",
        1,
        1,
        "Nhà tôi muốn sửa lại mái tôn và nâng nền 30 cm thì có phải xin giấy phép xây dựng không?",
        "answered",
        "Sửa chữa mái và nâng nền bên trong nhà ở riêng lẻ, không thay đổi kết cấu chịu lực và công năng, "
        "thuộc trường hợp được miễn giấy phép xây dựng. Ông cần thông báo cho phường trước khi thi công và "
        "bảo đảm an toàn cho nhà liền kề.",
        "Công chức Địa chính – Xây dựng",
        False,
    ),
    (
        30,
        "Đặng Thu Trang",
        "0901 234 505",
        "",
        3,
        3,
        "Buổi tối ở công viên khu phố 4 có nhóm thanh niên tụ tập, nẹt pô gây ồn đến khuya.",
        "overdue",
        "",
        "",
        False,
    ),
    (
        27,
        "Bùi Quốc Việt",
        "",
        "quocviet.bui@example.com",
        5,
        4,
        "Mẹ tôi 80 tuổi đã có thẻ bảo hiểm y tế, vậy có được nhận trợ cấp xã hội hằng tháng không?",
        "overdue",
        "",
        "",
        False,
    ),
    (
        12,
        "Huỳnh Ngọc Hân",
        "0901 234 507",
        "ngochan.huynh@example.com",
        0,
        0,
        "Tôi cần chứng thực bản sao sổ hộ khẩu cũ để bổ sung hồ sơ ngân hàng, phường còn chứng thực không?",
        "pending",
        "Sổ hộ khẩu giấy đã hết giá trị sử dụng từ ngày 01/01/2023; phường không chứng thực bản sao sổ hộ "
        "khẩu. Bà có thể dùng thông tin cư trú trên ứng dụng VNeID hoặc đề nghị cấp Xác nhận thông tin về cư trú.",
        "Công chức Tư pháp – Hộ tịch",
        True,
    ),
    (
        9,
        "Trương Gia Bảo",
        "0901 234 508",
        "",
        2,
        1,
        "Vỉa hè trước số nhà 120 bị lấn chiếm để bán hàng, người đi bộ phải xuống lòng đường.",
        "processing",
        "",
        "",
        False,
    ),
    (
        4,
        "Lý Mỹ Duyên",
        "",
        "myduyen.ly@example.com",
        1,
        6,
        "Xin hỏi giờ làm việc của Bộ phận một cửa vào sáng thứ Bảy.",
        "new",
        "",
        "",
        False,
    ),
    (
        2,
        "Phan Đức Anh",
        "0901 234 510",
        "",
        3,
        4,
        "Gia đình tôi thuộc diện hộ cận nghèo năm ngoái, năm nay có phải làm lại hồ sơ không?",
        "new",
        "",
        "",
        False,
    ),
    (
        20,
        "Đoàn Thị Kim Oanh",
        "0901 234 511",
        "kimoanh.doan@example.com",
        4,
        1,
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho thửa đất do ông bà để lại ở tỉnh khác.",
        "transferred",
        "",
        "",
        False,
    ),
    (
        15,
        "Ngô Văn Lực",
        "0901 234 512",
        "",
        None,
        6,
        "Quảng cáo dịch vụ vay tiền nhanh, liên hệ số điện thoại bên dưới.",
        "rejected",
        "",
        "",
        False,
    ),
]

RATINGS = [(5, "Trả lời rõ ràng, dễ hiểu."), (4, ""), (5, ""), (3, "Mong trả lời nhanh hơn.")]
PORTAL_RATINGS = [(4, "Trang dễ đọc trên điện thoại."), (5, ""), (3, "Nên có thêm mục tin khu phố."), (4, "")]


def _feedback_page(home):
    page = FeedbackPage.objects.child_of(home).first()
    if page is not None:
        return page
    page = FeedbackPage(
        title="Hỏi đáp – phản ánh kiến nghị",
        slug="hoi-dap",
        show_in_menus=True,
        intro=(
            "Người dân, tổ chức gửi câu hỏi, phản ánh, kiến nghị về các lĩnh vực do phường quản lý. "
            "Phường trả lời trong 15 ngày làm việc; câu hỏi nhiều người quan tâm được đăng công khai "
            "(không kèm họ tên, thông tin liên hệ)."
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_demo(home, site):
    page = _feedback_page(home)
    # The ward's one list of khu phố, made by the organisation demo (Giới thiệu shows the same list).
    neighbourhoods = list(Quarter.objects.for_site(site))
    topics = []
    for order, name in enumerate(TOPICS):
        item, _ = Topic.objects.get_or_create(site=site, name=name, defaults={"sort_order": order})
        topics.append(item)
    ensure_feedback_permissions()

    if Question.objects.filter(site=site).exists():
        return page

    calendar = WorkdayCalendar.load()
    now = timezone.now()
    for days_ago, name, phone, email, hood, topic, text, state, answer, unit, public in QUESTIONS:
        received = now - datetime.timedelta(days=days_ago, hours=days_ago % 5)
        question = Question(
            site=site,
            page=page,
            full_name=name,
            phone=phone.replace(" ", ""),
            email=email,
            neighbourhood=neighbourhoods[hood] if hood is not None and hood < len(neighbourhoods) else None,
            topic=topics[topic],
            content=text,
            received_at=received,
            consent_at=received,
        )
        question.set_due_date(calendar, page.deadline_working_days)
        handled = received + datetime.timedelta(days=min(days_ago, 6))
        if state in ("published", "answered"):
            question.status = Question.ANSWERED
            question.answer_status = Question.ANSWER_APPROVED
            question.answer = answer
            question.answering_unit = unit
            question.is_public = public
            question.answer_submitted_at = handled - datetime.timedelta(days=1)
            question.answer_approved_at = handled
            question.closed_at = handled
            question.published_at = handled if public else None
        elif state == "pending":
            question.status = Question.PROCESSING
            question.answer_status = Question.ANSWER_PENDING
            question.answer = answer
            question.answering_unit = unit
            question.is_public = public
            question.answer_submitted_at = handled
        elif state in ("processing", "overdue"):
            question.status = Question.PROCESSING
        elif state == "transferred":
            question.status = Question.TRANSFERRED
            question.transferred_to = "Văn phòng Đăng ký đất đai nơi có thửa đất"
            question.closed_at = handled
        elif state == "rejected":
            question.status = Question.REJECTED
            question.reject_reason = "Nội dung là quảng cáo, không phải câu hỏi, phản ánh gửi cơ quan nhà nước."
            question.closed_at = handled
        question.save()
        if state != "new":
            Note.objects.create(
                question=question,
                text="Đã tiếp nhận, giao công chức phụ trách lĩnh vực xử lý.",
                created_at=received + datetime.timedelta(hours=3),
            )
        if state == "overdue":
            Note.objects.create(
                question=question,
                text="Đang chờ ý kiến của Công an phường / bộ phận chính sách; cần nhắc tiến độ.",
                created_at=received + datetime.timedelta(days=5),
            )

    for question in Question.objects.published().filter(site=site):
        for score, comment in RATINGS[: 2 + question.pk % 3]:
            Rating.objects.create(site=site, question=question, score=score, comment=comment)
    for score, comment in PORTAL_RATINGS:
        Rating.objects.create(site=site, score=score, comment=comment)
    return page
