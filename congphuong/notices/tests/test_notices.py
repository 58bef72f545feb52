import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from congphuong.core.models import CalendarDay
from congphuong.editorial.roles import SITE_ADMIN
from congphuong.editorial.tests.factories import make_user
from congphuong.notices.caching import NoticeCacheCapMiddleware, remember
from congphuong.notices.models import MaintenanceNotice
from congphuong.notices.rules import earliest_start
from congphuong.wards.tests.factories import make_ward

from .factories import MaintenanceNoticeFactory

pytestmark = pytest.mark.django_db


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def published_notice(published_at, starts_at, **extra):
    """An unsaved published notice whose publication moment is ``published_at``."""
    return MaintenanceNotice(
        message="Nâng cấp máy chủ, cổng tạm ngừng phục vụ.",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=4),
        is_published=True,
        published_at=published_at,
        **extra,
    )


# The 7 working days -----------------------------------------------------------------


def test_seven_working_days_across_tet_2027():
    # Published Monday 01/02/2027: Tết closes 04–10/02 (29 Tết to mùng năm), weekends too.
    # Working days after it: 2, 3, 11, 12, 15, 16, 17/02 → the downtime may start on 18/02.
    published = local(2027, 2, 1, 10, 0)
    assert earliest_start(published) == local(2027, 2, 18, 0, 0)
    with pytest.raises(ValidationError) as refused:
        published_notice(published, local(2027, 2, 17, 22, 0)).full_clean()
    message = refused.value.message_dict["starts_at"][0]
    assert "ít nhất 7 ngày làm việc" in message
    assert "Thứ Năm, 18/02/2027 00:00" in message and "Thứ Hai, 01/02/2027" in message
    published_notice(published, local(2027, 2, 18, 0, 0)).full_clean()


def test_weekends_do_not_count():
    # Friday 04/12/2026 → 7, 8, 9, 10, 11, 14, 15/12 → Wednesday 16/12 at the earliest.
    published = local(2026, 12, 4, 16, 30)
    with pytest.raises(ValidationError):
        published_notice(published, local(2026, 12, 15, 20, 0)).full_clean()
    published_notice(published, local(2026, 12, 16, 0, 0)).full_clean()


def test_days_off_of_the_admin_calendar_count_as_holidays():
    published = local(2026, 12, 4, 16, 30)
    CalendarDay.objects.create(date=datetime.date(2026, 12, 9), kind="off", note="Nghỉ bù")
    with pytest.raises(ValidationError):
        published_notice(published, local(2026, 12, 16, 0, 0)).full_clean()
    published_notice(published, local(2026, 12, 17, 0, 0)).full_clean()


def test_publishing_now_a_notice_starting_too_soon_is_refused_and_nothing_is_saved():
    notice = MaintenanceNotice(
        message="Bảo trì đột xuất.",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
        is_published=True,
    )
    with pytest.raises(ValidationError):
        notice.full_clean()
    # A draft is not announced yet: no rule applies until it is published.
    notice.is_published = False
    notice.full_clean()
    notice.save()
    assert notice.published_at is None


def test_end_must_follow_start():
    notice = published_notice(local(2026, 12, 1, 8, 0), local(2027, 1, 4, 8, 0))
    notice.ends_at = notice.starts_at
    with pytest.raises(ValidationError) as refused:
        notice.full_clean()
    assert "kết thúc phải sau" in refused.value.message_dict["ends_at"][0]


def test_publication_moment_is_kept_on_later_edits():
    notice = MaintenanceNoticeFactory(starts_at=timezone.now() + datetime.timedelta(days=30))
    first = notice.published_at
    assert first is not None
    notice.message = "Nội dung đã sửa."
    notice.save()
    assert MaintenanceNotice.objects.get(pk=notice.pk).published_at == first


# Display ----------------------------------------------------------------------------


def banner(client, host="testserver"):
    html = client.get("/", HTTP_HOST=host).content.decode()
    start = html.find('class="maintenance-notice"')
    return "" if start < 0 else html[start : html.find("</section>", start)]


# The notice's times are moved by queryset updates standing in for the clock: no save, so no purge
# (in production the page cache's entries end at the next start or end, notices/caching.py).
@pytest.mark.usefixtures("nothing_cached")
def test_banner_shows_from_publication_to_end_then_disappears(client, home):
    now = timezone.now()
    notice = MaintenanceNoticeFactory(
        title="Tạm ngừng cổng để nâng cấp",
        starts_at=now + datetime.timedelta(days=12),
        ends_at=now + datetime.timedelta(days=12, hours=3),
    )
    shown = banner(client)
    assert 'role="region"' in shown and 'aria-label="Thông báo tạm ngừng hoạt động để bảo trì"' in shown
    assert "Thông báo: Tạm ngừng cổng để nâng cấp" in shown and "<time datetime=" in shown
    # During the downtime the wording changes; after its end the notice is gone.
    MaintenanceNotice.objects.filter(pk=notice.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    assert "Đang bảo trì: Tạm ngừng cổng để nâng cấp" in banner(client)
    MaintenanceNotice.objects.filter(pk=notice.pk).update(ends_at=now - datetime.timedelta(seconds=1))
    assert banner(client) == ""
    site = home.get_site()
    assert not MaintenanceNotice.objects.shown(site, now=now + datetime.timedelta(hours=2)).exists()


def test_unpublished_notice_is_not_shown(client, home):
    MaintenanceNoticeFactory(is_published=False)
    assert banner(client) == ""


def test_banner_only_on_the_wards_concerned(client, home, committed):
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    third = make_ward(hostname="phuong-thu-ba.test", name="Phường Thứ Ba")
    notice = MaintenanceNoticeFactory(all_wards=False, title="Bảo trì riêng một phường")
    notice.sites.set([other, third])
    assert banner(client) == ""
    assert "Bảo trì riêng một phường" in banner(client, "phuong-khac.test")
    assert "Bảo trì riêng một phường" in banner(client, "phuong-thu-ba.test")
    # Published as an editor does: the commit purges the pages already cached above.
    committed(MaintenanceNoticeFactory, all_wards=True, title="Bảo trì toàn hệ thống")
    assert "Bảo trì toàn hệ thống" in banner(client)
    assert client.get("/", HTTP_HOST="phuong-khac.test").content.decode().count('class="maintenance-notice"') == 2


def test_cached_responses_expire_at_the_next_start_or_end(home):
    now = timezone.now()
    notice = MaintenanceNoticeFactory(starts_at=now + datetime.timedelta(seconds=600))
    request = RequestFactory().get("/")
    remember(request, [notice])

    def view(request):
        response = HttpResponse("trang")
        response["Cache-Control"] = "public, max-age=3600, s-maxage=3600"
        return response

    header = NoticeCacheCapMiddleware(view)(request)["Cache-Control"]
    ages = dict(part.strip().split("=") for part in header.split(",") if "=" in part)
    assert 590 <= int(ages["max-age"]) <= 600 and 590 <= int(ages["s-maxage"]) <= 600
    # Without a banner on the page the headers are left alone.
    assert NoticeCacheCapMiddleware(view)(RequestFactory().get("/"))["Cache-Control"].endswith("s-maxage=3600")


# Admin ------------------------------------------------------------------------------


def test_only_superusers_and_site_admins_manage_notices(client, home):
    url = reverse("thong-bao-bao-tri:index")
    editor = make_user("bientap", Group.objects.get_or_create(name="Biên tập viên")[0])
    from congphuong.editorial.tests.factories import make_group

    editor.groups.add(make_group("Biên tập viên", home, ["add", "change"]))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    admin = make_user("quantri", make_group(SITE_ADMIN, home, ["add", "change", "publish"]))
    client.force_login(admin)
    assert client.get(url).status_code == 200
    response = client.post(
        reverse("thong-bao-bao-tri:add"),
        {
            "title": "Bảo trì",
            "message": "Tạm ngừng.",
            "starts_at": (timezone.localtime() + datetime.timedelta(days=2)).strftime("%d/%m/%Y %H:%M"),
            "ends_at": (timezone.localtime() + datetime.timedelta(days=2, hours=2)).strftime("%d/%m/%Y %H:%M"),
            "all_wards": "on",
            "is_published": "on",
        },
    )
    assert response.status_code == 200 and "ít nhất 7 ngày làm việc" in response.content.decode()
    assert not MaintenanceNotice.objects.exists()
