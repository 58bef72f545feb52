import datetime

import factory
import wagtail_factories
from django.utils import timezone

from congphuong.organisation.models import (
    AboutIndexPage,
    AboutPage,
    DisclosureAttachment,
    DisclosureCategory,
    DisclosureIndexPage,
    DisclosurePage,
    Leader,
    MandatoryCategory,
    OrganisationPage,
    Quarter,
    ScheduleEntry,
    WeeklySchedulePage,
    WorkSchedulePage,
)


class LeaderFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    position = "Phó Chủ tịch Ủy ban nhân dân phường"
    duties = "<p>Phụ trách văn hóa – xã hội.</p>"
    biography = "<p>Sinh năm 1978.</p>"
    sort_order = factory.Sequence(lambda n: n * 10)
    live = True

    class Meta:
        model = Leader


class QuarterFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Khu phố {n + 1}")
    head_name = factory.Sequence(lambda n: f"Trần Văn Trưởng {n}")
    head_phone = "0909 000 111"
    area = "Đường số 1 đến số 7"
    sort_order = factory.Sequence(lambda n: n)
    live = True

    class Meta:
        model = Quarter


class AboutIndexPageFactory(wagtail_factories.PageFactory):
    title = "Giới thiệu"
    slug = "gioi-thieu"
    show_in_menus = True

    class Meta:
        model = AboutIndexPage


class AboutPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang giới thiệu {n}")
    slug = factory.Sequence(lambda n: f"trang-gioi-thieu-{n}")
    summary = "Tóm tắt trang giới thiệu."

    class Meta:
        model = AboutPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = "Cơ cấu tổ chức"
    slug = "co-cau-to-chuc"

    class Meta:
        model = OrganisationPage


class WorkSchedulePageFactory(wagtail_factories.PageFactory):
    title = "Lịch công tác"
    slug = "lich-cong-tac"
    show_in_menus = True

    class Meta:
        model = WorkSchedulePage


class WeeklySchedulePageFactory(wagtail_factories.PageFactory):
    # This week's Monday unless the test names a week.
    week_start = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    )
    title = factory.LazyAttribute(lambda o: f"Lịch tuần {o.week_start:%d/%m/%Y}")
    slug = factory.LazyAttribute(lambda o: f"tuan-{o.week_start:%Y-%m-%d}")

    class Meta:
        model = WeeklySchedulePage


class ScheduleEntryFactory(factory.django.DjangoModelFactory):
    time = datetime.time(8, 0)
    content = factory.Sequence(lambda n: f"Họp giao ban số {n}")
    participants = "Lãnh đạo UBND phường"
    location = "Hội trường"

    class Meta:
        model = ScheduleEntry


class DisclosureCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nhóm công khai {n}")
    slug = factory.Sequence(lambda n: f"nhom-{n}")

    class Meta:
        model = DisclosureCategory


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Công khai"
    slug = "cong-khai"
    show_in_menus = True

    class Meta:
        model = DisclosureIndexPage


class DisclosurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thông tin công khai số {n}")
    slug = factory.Sequence(lambda n: f"thong-tin-cong-khai-{n}")
    summary = "Tóm tắt thông tin công khai."
    posted_on = factory.LazyFunction(timezone.localdate)
    # A category of the parent's ward unless the test gives one.
    category = factory.LazyAttribute(lambda o: DisclosureCategoryFactory(site=o.parent.get_site()))

    class Meta:
        model = DisclosurePage


class MandatoryCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Hạng mục {n}")
    warn_working_days = 2

    class Meta:
        model = MandatoryCategory


def published_at(page, moment):
    """Pretend `page` was first published at `moment` (aware datetime)."""
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.refresh_from_db()
    return page


def local(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class DisclosureAttachmentFactory(factory.django.DjangoModelFactory):
    document = factory.SubFactory(wagtail_factories.DocumentFactory)
    title = factory.Sequence(lambda n: f"Tệp đính kèm {n}")

    class Meta:
        model = DisclosureAttachment
