import datetime

import factory
import wagtail_factories
from django.utils import timezone

from congphuong.information_access.models import InformationAccessPage, InformationRequest, PublishedInformation


class InformationAccessPageFactory(wagtail_factories.PageFactory):
    title = "Tiếp cận thông tin"
    slug = "tiep-can-thong-tin"
    intro = "Công dân có quyền tiếp cận thông tin do phường tạo ra."
    contact_unit = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"
    contact_person = "Bà Lê Thị Hoa – Công chức Văn phòng – Thống kê"
    contact_address = "Số 1 đường Thử Nghiệm"
    contact_phone = "028 3800 0001"
    contact_email = "tiepcanthongtin@example.com"
    show_in_menus = True

    class Meta:
        model = InformationAccessPage


def add_published(page, title="Dự toán ngân sách phường", **kwargs):
    values = {
        "place": "Cổng thông tin điện tử phường",
        "method": "Đăng toàn văn",
        "timing": "Khi được phê duyệt",
        "duration": "Thường xuyên",
    }
    values.update(kwargs)
    PublishedInformation.objects.create(page=page, title=title, **values)


def aware(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


class InformationRequestFactory(factory.django.DjangoModelFactory):
    full_name = "Trần Thị Bích Ngọc"
    id_number = "079190012345"
    address = "Số 5 đường Số 3, Khu phố 2"
    phone = "0912345678"
    email = "bichngoc.tran@example.vn"
    information = "Đề nghị cung cấp bản chụp quyết định phê duyệt dự toán ngân sách phường năm nay."
    delivery = InformationRequest.EMAIL
    received_at = factory.LazyFunction(lambda: aware(2026, 3, 2))
    consent_at = factory.LazyAttribute(lambda o: o.received_at)

    class Meta:
        model = InformationRequest


def request_data(seconds_ago=30, **overrides):
    import time

    from congphuong.feedback.spam import make_timestamp

    data = {
        "full_name": "Nguyễn Hoàng Nam",
        "id_number": "0790 8500 1234",
        "address": "Số 8 hẻm 15, Khu phố 3",
        "phone": "0909 123 456",
        "email": "hoangnam@example.com",
        "information": "Đề nghị cung cấp bản chụp kế hoạch chỉnh trang hẻm 15 năm nay.",
        "purpose": "",
        "delivery": InformationRequest.EMAIL,
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - seconds_ago),
    }
    data.update(overrides)
    return data
