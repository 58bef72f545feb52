import datetime

import factory
from django.utils import timezone

from congphuong.notices.models import MaintenanceNotice


class MaintenanceNoticeFactory(factory.django.DjangoModelFactory):
    """A published notice, well ahead of its downtime (saved without the form's checks)."""

    title = "Tạm ngừng cổng thông tin để bảo trì định kỳ"
    message = "Cổng thông tin tạm ngừng để nâng cấp máy chủ.\nXin liên hệ bộ phận một cửa qua điện thoại."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    ends_at = factory.LazyAttribute(lambda notice: notice.starts_at + datetime.timedelta(hours=4))
    all_wards = True
    is_published = True

    class Meta:
        model = MaintenanceNotice
