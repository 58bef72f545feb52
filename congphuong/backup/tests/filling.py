"""Give every model at least one row: the demo loader, then one row for each model it leaves empty.

``EXCLUDED`` is the short list of models the round trip does not need rows in, each with its reason;
every other concrete model of every installed app must have a row (the test asserts it), so a new
model without demo data fails the backup test until a row is added here.
"""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, Page, Site

from congphuong.backup.archive import EXCLUDED_FROM_DUMP, excluded_labels

# Not in the archive on purpose (archive.EXCLUDED_FROM_DUMP), so not filled here either.
EXCLUDED = {
    "sessions": "everyone signs in again after a restore: the safe outcome",
    "wagtailsearch": "the admin's search index, derived from the content, rebuilt by the restore",
    "portal_search": "the portal's search index, derived from the content, rebuilt by the restore",
    "core.RateCounter": "rate-limit windows of an hour at most: counting starts again after a restore",
}
assert set(EXCLUDED) == set(EXCLUDED_FROM_DUMP)


def dumped_models():
    """Every concrete model the backup writes: what must hold rows before the round trip."""
    skipped = set(excluded_labels())
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in skipped or meta.label in skipped:
            continue
        found.append(model)
    return found


def _any(model):
    return model._base_manager.order_by("pk").first()


def _user():
    return get_user_model().objects.order_by("pk").first()


def _page():
    return Page.objects.filter(depth__gt=2).order_by("pk").first().specific


def _site():
    return Site.objects.order_by("pk").first()


def _now():
    # Microseconds on purpose: the dump must give them back exactly.
    return timezone.now().replace(microsecond=123456)


def _axes():
    from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog

    common = {"user_agent": "Mozilla/5.0", "ip_address": "203.0.113.7", "username": "bientap", "http_accept": "*/*"}
    attempt = AccessAttempt.objects.create(
        **common, path_info="/admin/login/", get_data="", post_data="username=bientap", failures_since_start=2
    )
    AccessAttemptExpiration.objects.create(access_attempt=attempt, expires_at=_now())
    AccessFailureLog.objects.create(**common, path_info="/admin/login/", locked_out=False)
    AccessLog.objects.create(**common, path_info="/admin/", session_hash="a" * 64)


def _two_factor():
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = _user()
    TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng")
    StaticToken.objects.create(device=device, token="12345678")


def _wagtail_pages():
    from wagtail.models import (
        Comment,
        CommentReply,
        PageSubscription,
        PageViewRestriction,
        Workflow,
    )

    user, page = _user(), _page()
    revision = page.save_revision(user=user)
    comment = Comment.objects.create(
        page=page, user=user, text="Kiểm tra lại số liệu", contentpath="title", revision_created=revision
    )
    CommentReply.objects.create(comment=comment, user=user, text="Đã sửa")
    PageSubscription.objects.create(user=user, page=page, comment_notifications=True)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    workflow.start(page, user)  # WorkflowState and TaskState


def _rendition(image_model):
    _any(image_model).get_rendition("fill-40x30")


def _wagtail_other():
    from wagtail.admin.models import Admin, EditingSession, FormState
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.simple_translation.models import SimpleTranslation
    from wagtail.embeds.models import Embed
    from wagtail.images import get_image_model
    from wagtail.models import APIToken, CollectionViewRestriction, UploadedFile
    from wagtail.users.models import UserProfile

    user, page = _user(), _page()
    page_type = ContentType.objects.get_for_model(Page)
    Admin.objects.create()
    SimpleTranslation.objects.create()  # like Admin: a model for a permission (the admin's «Dịch»)
    EditingSession.objects.create(user=user, content_type=page_type, object_id=str(page.pk), last_seen_at=_now())
    FormState.objects.create(
        data='{"title": "Bản nháp"}', user=user, content_type=page_type, object_id=str(page.pk),
        parent_object_id=str(page.get_parent().pk), last_updated_at=_now(),
    )  # fmt: skip
    APIToken.objects.create(user=user, name="Tích hợp", key_hash="b" * 64, prefix="cp_")
    UploadedFile.objects.create(file=ContentFile(b"tam", name="uploaded.txt"), uploaded_by_user=user)
    CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(), restriction_type=CollectionViewRestriction.LOGIN
    )
    Embed.objects.create(url="https://www.youtube.com/watch?v=x", hash="c" * 32, type="video", html="<iframe></iframe>")
    FormSubmission.objects.create(page=page, form_data={"ho_ten": "Nguyễn Văn A", "so": [1, 2]})
    Redirect.objects.create(old_path="/tin-cu", redirect_page=page, site=_site())
    UserProfile.objects.get_or_create(user=user, defaults={"preferred_language": "vi"})
    _rendition(get_image_model())


def _project():
    from wagtail.documents import get_document_model

    from congphuong.assessment.models import ConnectionProbe, PageSpeedRun
    from congphuong.core.models import CalendarDay
    from congphuong.learning.models import ExportLog, Household, HouseholdTombstone
    from congphuong.notices.models import MaintenanceNotice
    from congphuong.organisation.models import DisclosureRemoval
    from congphuong.procedures.models import ProcedureForm, ProcedurePage

    user, site = _user(), _site()
    CalendarDay.objects.create(date=datetime.date(2027, 2, 6), kind="work", note="Làm bù")
    ExportLog.objects.create(
        user=user, username=user.username, what="Danh sách hộ", file_format="xlsx", rows=3, personal_data=True
    )
    household = _any(Household)
    HouseholdTombstone.objects.create(
        site=household.site, deleted_on=datetime.date(2026, 11, 30), member_birth_years=[1980, 2012]
    )
    MaintenanceNotice.objects.create(
        title="Bảo trì", message="Tạm ngừng để nâng cấp", starts_at=_now() + datetime.timedelta(days=20),
        ends_at=_now() + datetime.timedelta(days=21),
    )  # fmt: skip
    DisclosureRemoval.objects.create(
        site=site, page_id_value=_page().pk, page_title="Công khai ngân sách", action="unpublish",
        reason="Hết thời hạn công khai", user=user,
    )  # fmt: skip
    ProcedureForm.objects.create(page=_any(ProcedurePage), document=_any(get_document_model()), label="Tờ khai đăng ký")
    # Measurements are never made up by the demo (assessment/checks.py): rows of the shape a run stores.
    PageSpeedRun.objects.create(
        site=site, measured_at=_now(), page_kind="trang-chu", url="https://phuong.example.gov.vn/",
        tool="Lighthouse 12.6.1 (di động)", first_contentful_paint_ms=1200, largest_contentful_paint_ms=2100,
        speed_index_ms=2500, total_blocking_time_ms=90,
    )  # fmt: skip
    ConnectionProbe.objects.create(
        site=site, measured_at=_now(), hostname="phuong.example.gov.vn", tls_versions="TLSv1.2,TLSv1.3",
        ipv6_address="2001:db8::1", ipv6_reachable=True,
    )  # fmt: skip


def _units():
    # The catalogue comes from `manage.py load_admin_units` (units/loading.py), not from the demo.
    from congphuong.units.models import AdministrativeUnit, Succession

    common = {"unit_type": "Phường", "province": "Thành phố Hồ Chí Minh", "province_code": "79"}
    old = AdministrativeUnit.objects.create(
        source_key="kiem-thu:cu", code="26734", name="Phường 1", district="Quận 3",
        valid_to=datetime.date(2025, 6, 30), **common,
    )  # fmt: skip
    new = AdministrativeUnit.objects.create(
        source_key="kiem-thu:moi", code="26735", name="Phường Bàn Cờ", valid_from=datetime.date(2025, 7, 1), **common
    )
    Succession.objects.create(predecessor=old, successor=new, whole=False, main=True, part="khu phố 1–4")


def _legacy():
    # What an import, a merger and the overview's refresh leave behind (importer, merger, province).
    from congphuong.legacy.models import ContentOrigin, ImportRun, LegacyRedirect, OldHostname
    from congphuong.province.models import WardBoardSnapshot
    from congphuong.units.models import AdministrativeUnit

    site, page = _site(), _page()
    old = OldHostname.objects.create(
        hostname="phuong1.quan3.example.gov.vn", site=site, old_unit=_any(AdministrativeUnit),
        old_ward_name="Phường 1 (cũ)",
    )  # fmt: skip
    LegacyRedirect.objects.create(old_hostname=old, old_path="/tin-tuc/bai-cu-12.html?id=12", page=page)
    run = ImportRun.objects.create(
        kind=ImportRun.Kind.IMPORT, site=site, user=_user(), source="/srv/cong-cu/", detected_format="html",
        finished_at=_now(), status=ImportRun.Status.SUCCEEDED, counts={"tạo mới": 1}, report="Tạo mới 1 tin.",
    )  # fmt: skip
    ContentOrigin.objects.create(
        content_type=ContentType.objects.get_for_model(Page), object_id=page.pk, site=site,
        old_ward_name="Phường 1 (cũ)", source_url="http://phuong1.quan3.example.gov.vn/tin-tuc/bai-cu-12.html",
        content_hash="a" * 64, run=run, original_title="BÀI CŨ", imported_revision=page.save_revision(),
    )  # fmt: skip
    WardBoardSnapshot.objects.create(site=site, computed_at=_now(), categories=12, missing=1, overdue=2)


def _tags():
    # Our pages tag through their own models; Wagtail's documents and images use taggit's TaggedItem.
    from wagtail.documents import get_document_model

    _any(get_document_model()).tags.add("kế hoạch")


def fill_every_model():
    # Under `demo_world` the demo wards are there already: load_demo then only makes sure of the
    # roles and the demo accounts.
    call_command("load_demo", with_accounts=True, verbosity=0)
    for step in (_axes, _two_factor, _wagtail_pages, _wagtail_other, _project, _units, _legacy, _tags):
        step()


def empty_models() -> list[str]:
    return sorted(model._meta.label for model in dumped_models() if not model._base_manager.exists())
