"""Back office: the ward's queue with overdue warnings, handling steps, the register export, ward isolation."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from congphuong.core.workdays import WorkdayCalendar
from congphuong.editorial.models import WardRoleGroup
from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN
from congphuong.editorial.tests.factories import make_group, make_user
from congphuong.information_access import handling
from congphuong.information_access.models import InformationRequest, RefusalGround, RequestEvent
from congphuong.information_access.permissions import ensure_information_access_permissions
from congphuong.wards.tests.factories import make_ward

from .factories import InformationAccessPageFactory, InformationRequestFactory

pytestmark = pytest.mark.django_db


def url(name, item=None):
    return reverse(f"information_requests:{name}", args=[item.pk] if item is not None else [])


@pytest.fixture
def staff(home, access_page):
    editors = make_group(EDITOR, home, ["add", "change"])
    approvers = make_group(APPROVER, home, ["add", "change", "publish", "lock"])
    admins = make_group(SITE_ADMIN, home, ["add", "change", "publish"])
    ensure_information_access_permissions()
    return {
        "cadre": make_user("canbo", editors, first_name="Lê", last_name="Cán Bộ"),
        "leader": make_user("lanhdao", approvers),
        "site_admin": make_user("quantri", admins),
    }


@pytest.fixture
def other_ward():
    """Ward B with its own editor (a role group of ward B holding the same model permissions)."""
    site = make_ward(hostname="phuong-b.test", name="Phường Bình Minh")
    page = InformationAccessPageFactory(parent=site.root_page)
    group = Group.objects.create(name="Biên tập viên – Phường Bình Minh")
    WardRoleGroup.objects.create(group=group, site=site, role="editor")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="information_access"),
    )
    return {"site": site, "page": page, "editor": make_user("bientap_b", group)}


def _received(page, days_ago, **kwargs):
    day = WorkdayCalendar.load().add_working_days(timezone.localdate(), -days_ago)
    received = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time().replace(hour=9)))
    return handling.receive(
        InformationRequestFactory.build(site=page.get_site(), page=page, received_at=received, **kwargs)
    )


def test_queue_lists_the_wards_requests_with_overdue_warnings(client, staff, access_page, other_ward):
    overdue = _received(access_page, 14, full_name="Phạm Quá Hạn")
    fresh = _received(access_page, 1, full_name="Võ Còn Hạn")
    foreign = _received(other_ward["page"], 14, full_name="Đặng Phường Khác")
    client.force_login(staff["cadre"])
    html = client.get(url("index")).content.decode()
    assert overdue.code in html and fresh.code in html and foreign.code not in html
    assert "Đặng Phường Khác" not in html
    assert "Quá hạn: 1 yêu cầu" in html and "Quá hạn 4 ngày làm việc" in html
    assert "chưa được đối chiếu" in html  # the page's default day counts are not confirmed yet
    assert html.index(overdue.code) < html.index(fresh.code)  # the most urgent first
    filtered = client.get(url("index"), {"deadline": "overdue"}).content.decode()
    assert overdue.code in filtered and fresh.code not in filtered


def test_handling_through_the_admin_records_each_step_and_tells_the_requester(client, staff, access_page):
    item = _received(access_page, 1)
    client.force_login(staff["cadre"])
    page = client.get(url("edit", item)).content.decode()
    assert item.id_number in page and item.address in page and "Bắt đầu giải quyết" in page

    response = client.post(url("edit", item), {"step": "extended", "extension_reason": ""})
    assert "Vui lòng ghi lý do gia hạn" in response.content.decode()
    client.post(url("edit", item), {"step": "extended", "extension_reason": "Cần tập hợp hồ sơ."})
    item.refresh_from_db()
    assert item.is_extended and item.status == InformationRequest.PROCESSING
    assert any("Gia hạn" in message.subject for message in mail.outbox)
    again = client.get(url("edit", item)).content.decode()
    assert 'value="extended"' not in again  # one extension only: the step is gone

    response = client.post(url("edit", item), {"step": "provided", "result": "Đã gửi bản chụp qua thư.", "note": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == InformationRequest.PROVIDED and item.closed_by == staff["cadre"]
    assert [e.kind for e in item.events.order_by("pk")] == [
        RequestEvent.RECEIVED,
        RequestEvent.EXTENDED,
        RequestEvent.PROVIDED,
    ]
    assert "Kết quả giải quyết" in mail.outbox[-1].subject and "Đã gửi bản chụp qua thư." in mail.outbox[-1].body


def test_refusal_through_the_admin_needs_a_ground_and_a_reason(client, staff, access_page):
    item = _received(access_page, 1)
    ground = RefusalGround.objects.first()
    client.force_login(staff["leader"])
    form = client.get(url("edit", item)).content.decode()
    assert f"{ground.label} — chưa đối chiếu" in form and "chưa đối chiếu điều, khoản" in ground.label
    html = client.post(url("edit", item), {"step": "refused", "refusal_reason": "Lý do"}).content.decode()
    assert "Vui lòng chọn căn cứ từ chối" in html
    html = client.post(url("edit", item), {"step": "refused", "refusal_ground": ground.pk}).content.decode()
    assert "Vui lòng ghi rõ lý do từ chối" in html
    assert InformationRequest.objects.get(pk=item.pk).status == InformationRequest.NEW
    client.post(url("edit", item), {"step": "refused", "refusal_ground": ground.pk, "refusal_reason": "Đời tư."})
    item.refresh_from_db()
    assert item.status == InformationRequest.REFUSED and item.refusal_ground == ground
    assert ground.title in client.get(url("edit", item)).content.decode()


def test_another_wards_staff_gets_404(client, staff, access_page, other_ward):
    item = _received(access_page, 1)
    client.force_login(other_ward["editor"])
    assert client.get(url("edit", item)).status_code == 404
    response = client.post(url("edit", item), {"step": "refused", "refusal_ground": 1, "refusal_reason": "x"})
    assert response.status_code == 404
    assert client.get(url("history", item)).status_code == 404
    assert InformationRequest.objects.get(pk=item.pk).status == InformationRequest.NEW
    html = client.get(url("index")).content.decode()
    assert item.code not in html


def test_site_administrator_does_not_see_requesters_data(client, staff, access_page):
    item = _received(access_page, 1)
    client.force_login(staff["site_admin"])
    assert client.get(url("index")).status_code in (302, 403)
    assert client.get(url("edit", item)).status_code in (302, 403, 404)


def test_register_exports_to_xlsx_with_the_wards_rows_only(client, staff, access_page, other_ward):
    item = _received(access_page, 1, full_name='=HYPERLINK("http://x")')
    handling.refuse(item, staff["leader"], RefusalGround.objects.first(), "Đời tư của người khác.")
    other = _received(other_ward["page"], 1)
    client.force_login(staff["cadre"])
    response = client.get(url("index"), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Mã tra cứu", "Ngày nhận", "Họ và tên", "Số giấy tờ tùy thân")
    codes = [row[0] for row in rows[1:]]
    assert codes == [item.code] and other.code not in codes
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Trạng thái"] == "Từ chối cung cấp" and "Đời tư của người khác." in row["Kết quả"]
    assert row["Đúng hạn / trễ hạn"] == "Đã xong, đúng hạn"
    # A formula typed as a name stays text (core/spreadsheets.py).
    name_cell = next(cell for cell in sheet[2] if cell.value == item.full_name)
    assert name_cell.data_type == "s"


def test_retention_filter_lists_closed_requests_past_the_pages_period(client, staff, access_page):
    access_page.register_retention_years = 2
    access_page.save()
    old = _received(access_page, 1)
    handling.provide(old, None, "Đã cung cấp.")
    InformationRequest.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timezone.timedelta(days=3 * 366))
    recent = _received(access_page, 1)
    handling.provide(recent, None, "Đã cung cấp.")
    still_open = _received(access_page, 1)
    InformationRequest.objects.filter(pk=still_open.pk).update(
        received_at=timezone.now() - timezone.timedelta(days=1200)
    )
    client.force_login(staff["leader"])
    html = client.get(url("index"), {"deadline": "retention"}).content.decode()
    assert old.code in html and recent.code not in html and still_open.code not in html


def test_queue_reminds_until_the_day_counts_are_confirmed(client, staff, access_page):
    client.force_login(staff["cadre"])
    assert "chưa được đối chiếu" in client.get(url("index")).content.decode()  # no request yet, still reminded
    access_page.deadlines_confirmed = True
    access_page.save()
    assert "chưa được đối chiếu" not in client.get(url("index")).content.decode()
