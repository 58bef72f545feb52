"""Demo content for one ward: the "Tiếp cận thông tin" page, its list of published information and a few
requests in every state (received, in progress, extended, overdue, provided at once, refused).

Every person, ID number and contact here is invented; e-mail addresses use the reserved example.com
domain. ``build_demo`` is idempotent: a second call adds nothing.
"""

import datetime

from django.utils import timezone

from congphuong.core.workdays import WorkdayCalendar

from . import handling
from .models import InformationAccessPage, InformationRequest, PublishedInformation, RefusalGround, RequestEvent
from .permissions import ensure_information_access_permissions

PUBLISHED = [
    (
        "Dự toán, quyết toán ngân sách phường",
        "Cổng thông tin điện tử phường; bảng tin tại trụ sở",
        "Đăng toàn văn quyết định và biểu mẫu kèm theo",
        "Sau khi được Hội đồng nhân dân phường quyết định",
        "Thường xuyên trên cổng; bảng tin ít nhất 30 ngày",
    ),
    (
        "Kế hoạch phát triển kinh tế – xã hội hằng năm",
        "Cổng thông tin điện tử phường",
        "Đăng toàn văn",
        "Khi kế hoạch được ban hành",
        "Thường xuyên",
    ),
    (
        "Thủ tục hành chính thuộc thẩm quyền của phường",
        "Bộ phận một cửa; Cổng Dịch vụ công quốc gia (liên kết trên cổng)",
        "Niêm yết; liên kết",
        "Khi thủ tục được công bố hoặc sửa đổi",
        "Thường xuyên",
    ),
    (
        "Danh sách hộ được hỗ trợ chính sách an sinh xã hội",
        "Bảng tin tại trụ sở và nhà văn hóa khu phố",
        "Niêm yết",
        "Trước khi chi trả",
        "Ít nhất 30 ngày",
    ),
]

# (working days before today it came in, name, ID number, address, phone, e-mail, information, delivery, state)
REQUESTS = [
    (
        1,
        "Đỗ Thị Mai Anh",
        "079190001234",
        "Số 12 đường Số 5, Khu phố 2",
        "0903111201",
        "maianh.do@example.com",
        "Đề nghị cung cấp bản chụp quyết định phê duyệt danh sách hộ được hỗ trợ sửa chữa nhà ở năm nay.",
        InformationRequest.EMAIL,
        "new",
    ),
    (
        4,
        "Huỳnh Văn Phúc",
        "079085004321",
        "Số 7 hẻm 30, Khu phố 4",
        "0903111202",
        "",
        "Đề nghị được đọc hồ sơ lấy ý kiến về việc mở rộng hẻm 30 đã gửi lên phường.",
        InformationRequest.READ_ON_SITE,
        "processing",
    ),
    (
        9,
        "Trương Ngọc Hân",
        "079301005678",
        "Số 21 đường Số 8, Khu phố 1",
        "",
        "ngochan.truong@example.com",
        "Đề nghị cung cấp báo cáo thu, chi quỹ đóng góp tự nguyện của nhân dân xây dựng đường nội bộ khu phố 1.",
        InformationRequest.EMAIL,
        "extended",
    ),
    (
        14,
        "Lâm Quốc Bảo",
        "079088006789",
        "Số 3 đường Số 2, Khu phố 3",
        "0903111204",
        "",
        "Đề nghị cung cấp bản sao biên bản họp dân về việc bố trí điểm tập kết rác của khu phố 3.",
        InformationRequest.COPY_IN_PERSON,
        "overdue",
    ),
    (
        6,
        "Phan Thị Thu Trang",
        "079195007890",
        "Số 45 đường Số 1, Khu phố 5",
        "0903111205",
        "thutrang.phan@example.com",
        "Xin bản chụp kế hoạch tổ chức Tuần lễ học tập suốt đời của phường năm nay.",
        InformationRequest.EMAIL,
        "provided",
    ),
    (
        8,
        "Vũ Minh Khoa",
        "079087008901",
        "Số 9 hẻm 12, Khu phố 6",
        "0903111206",
        "",
        "Đề nghị cung cấp thông tin cá nhân và số điện thoại của hộ gia đình hàng xóm để liên hệ tranh chấp ranh giới.",
        InformationRequest.COPY_BY_POST,
        "refused",
    ),
]


def _page(home, site):
    page = InformationAccessPage.objects.child_of(home).first()
    if page is not None:
        return page
    from congphuong.wards.models import WardSettings

    ward = WardSettings.objects.filter(site=site).first()
    name = ward.short_name if ward and ward.short_name else site.site_name
    page = InformationAccessPage(
        title="Tiếp cận thông tin",
        slug="tiep-can-thong-tin",
        show_in_menus=True,
        intro=(
            f"Công dân có quyền tiếp cận thông tin do {name} tạo ra. Trang này nêu những thông tin phường "
            "công khai, đầu mối cung cấp thông tin và cách gửi yêu cầu với thông tin chưa được công khai."
        ),
        contact_unit="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        contact_person="Bà Nguyễn Thị Thanh Vân – Công chức Văn phòng – Thống kê",
        contact_address=(ward.address if ward and ward.address else "Trụ sở Ủy ban nhân dân phường"),
        contact_phone=(ward.phone if ward and ward.phone else ""),
        contact_email=(ward.email if ward and ward.email else ""),
        contact_hours="Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ – 17 giờ, thứ Hai đến thứ Sáu",
    )
    home.add_child(instance=page)
    for order, (title, place, method, timing, duration) in enumerate(PUBLISHED):
        page.published_items.add(
            PublishedInformation(
                title=title, place=place, method=method, timing=timing, duration=duration, sort_order=order
            )
        )
    page.save_revision().publish()
    return page


def build_demo(home, site):
    page = _page(home, site)
    ensure_information_access_permissions()
    if InformationRequest.objects.filter(site=site).exists():
        return page
    calendar = WorkdayCalendar.load()
    today = timezone.localdate()
    refusal = RefusalGround.objects.filter(active=True).order_by("sort_order").first()
    for days_ago, name, id_number, address, phone, email, information, delivery, state in REQUESTS:
        received_day = calendar.add_working_days(today, -days_ago)
        received = timezone.make_aware(datetime.datetime.combine(received_day, datetime.time(9, 15)))
        item = handling.receive(
            InformationRequest(
                site=site,
                page=page,
                full_name=name,
                id_number=id_number,
                address=address,
                phone=phone,
                email=email,
                information=information,
                delivery=delivery,
                received_at=received,
                consent_at=received,
            )
        )
        _play(item, state, received, refusal, calendar)
    return page


def _play(item, state, received, refusal, calendar):
    """Take the demo request through its steps, dated a few hours or days after receipt."""
    if state == "new":
        return
    item = handling.start(item, None)
    if state == "extended":
        item = handling.extend(item, None, "Cần tập hợp chứng từ từ Ban điều hành khu phố 1.", calendar)
    if state == "provided":
        item = handling.provide(item, None, "Đã gửi bản chụp kế hoạch qua thư điện tử.")
    if state == "refused" and refusal is not None:
        item = handling.refuse(
            item, None, refusal, "Thông tin cá nhân của người khác chỉ được cung cấp khi người đó đồng ý."
        )
    if state == "overdue":
        handling.add_note(item, None, "Đang chờ Ban điều hành khu phố 3 gửi biên bản.")
    # The demo's steps happened after receipt, not now: spread them over the following days.
    for offset, event in enumerate(item.events.exclude(kind=RequestEvent.RECEIVED).order_by("pk"), start=1):
        event.at = received + datetime.timedelta(hours=3 * offset)
        event.save(update_fields=["at"])
    if item.closed_at:
        InformationRequest.objects.filter(pk=item.pk).update(closed_at=received + datetime.timedelta(days=1))
    if item.extended_at:
        InformationRequest.objects.filter(pk=item.pk).update(extended_at=received + datetime.timedelta(days=2))
