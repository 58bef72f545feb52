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


# The English statement of a ward with an English section (docs/english-section.md): our own text.
BARRIERS_EN = [
    (
        "Some older documents are published as scanned images (PDF), which screen readers cannot read.",
        "Documents issued before 2022, in the Documents section (Vietnamese)",
        "Call or e-mail the ward: it sends the text of the document within 3 working days.",
        "Q2 2027",
    ),
    (
        "News videos have no Vietnamese subtitles yet.",
        "Media news",
        "Each video's main points are in its article.",
        "Q4 2027",
    ),
]
HOW_CHECKED_EN = (
    "<p>Each software update is checked automatically with axe-core and HTML_CodeSniffer (WCAG 2.1 level "
    "AA) on the main pages, and by hand: keyboard only, text enlarged to 200 % and zoom to 400 % at 1280 "
    "pixels, and the NVDA and TalkBack screen readers.</p>"
)


def build_demo(home, site):
    page = AccessibilityStatementPage.objects.child_of(home).first()
    if page is None:
        page = _statement(home, site)
    _english_statement(page, home)
    return page


def _english_statement(page, home):
    """The statement's English translation, when the ward has an English section (idempotent)."""
    from wagtail.models import Locale

    from congphuong.core.localisation import translate_page

    english = Locale.objects.filter(language_code="en").first()
    if english is None or home.get_translation_or_none(english) is None:
        return
    if page.get_translation_or_none(english) is not None:
        return
    translate_page(
        page,
        title="Accessibility statement",
        slug="accessibility",
        standard="WCAG 2.1, level AA (Circular 26/2020/TT-BTTTT)",
        intro="The ward wants everyone, including people with disabilities, older people and users of low-end "
        "phones, to be able to read and use its web portal.",
        how_checked=HOW_CHECKED_EN,
        known_barriers=[
            KnownBarrier(description=text, where=where, workaround=workaround, planned_fix=fix, sort_order=order)
            for order, (text, where, workaround, fix) in enumerate(BARRIERS_EN)
        ],
    )


def _statement(home, site):
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
