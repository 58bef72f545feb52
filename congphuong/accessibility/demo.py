"""Demo content for one ward: its accessibility statement, with the Hỏi đáp topic that barrier reports
arrive under. ``build_demo`` is idempotent: a second call adds nothing."""

import datetime

from django.utils import timezone

from congphuong.feedback.models import Topic

from .models import AccessibilityStatementPage, Conformance, KnownBarrier

REPORT_TOPIC = "Khó khăn khi dùng cổng (hỗ trợ tiếp cận)"

BARRIERS = [
    (
        "Một số văn bản cũ đăng dưới dạng ảnh chụp (PDF quét), trình đọc màn hình không đọc được chữ.",
        "Văn bản ban hành trước năm 2022 trong mục Văn bản",
        "Gọi điện thoại hoặc gửi phản ánh: phường gửi bản chữ của văn bản trong 3 ngày làm việc.",
        "Quý II/2027",
    ),
    (
        "Video tin tức chưa có phụ đề tiếng Việt.",
        "Mục Tin tức media",
        "Nội dung chính của mỗi video có trong bài viết kèm theo.",
        "Quý IV/2027",
    ),
]

HOW_CHECKED = (
    "<p>Mỗi lần cập nhật phần mềm, cổng được kiểm tra tự động bằng axe-core và HTML_CodeSniffer "
    "(WCAG 2.1 mức AA) trên các trang chính, và kiểm tra thủ công:</p>"
    "<ul><li>chỉ dùng bàn phím để đọc tin, tìm kiếm và gửi câu hỏi;</li>"
    "<li>phóng to chữ 200 % và thu phóng 400 % trên màn hình rộng 1280 điểm ảnh;</li>"
    "<li>đọc bằng trình đọc màn hình NVDA và TalkBack trên điện thoại.</li></ul>"
)


def build_demo(home, site):
    page = AccessibilityStatementPage.objects.child_of(home).first()
    if page is not None:
        return page
    topic, _ = Topic.objects.get_or_create(site=site, name=REPORT_TOPIC, defaults={"sort_order": 90})
    page = AccessibilityStatementPage(
        title="Tuyên bố hỗ trợ tiếp cận",
        slug="ho-tro-tiep-can",
        intro=(
            "Phường cam kết để mọi người, kể cả người khuyết tật, người cao tuổi và người dùng điện thoại "
            "cấu hình thấp, đọc và dùng được cổng thông tin điện tử của phường."
        ),
        conformance=Conformance.PARTIAL,
        how_checked=HOW_CHECKED,
        last_reviewed=timezone.localdate() - datetime.timedelta(days=30),
        report_topic=topic,
    )
    home.add_child(instance=page)
    for order, (description, where, workaround, planned_fix) in enumerate(BARRIERS):
        page.known_barriers.add(
            KnownBarrier(
                description=description,
                where=where,
                workaround=workaround,
                planned_fix=planned_fix,
                sort_order=order,
            )
        )
    page.save_revision().publish()
    return page
