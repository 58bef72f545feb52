"""`merge_wards`: two small old wards into the new one, all or nothing, once."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from congphuong.legacy.models import ContentOrigin, ImportRun, LegacyRedirect, OldHostname
from congphuong.merger import merge as merging
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.organisation.models import Leader, Quarter
from congphuong.units.provisioning import add_ward
from congphuong.wards.membership import ward_ids

from .conftest import BAY_HIEN, NEW, P1, P2

pytestmark = pytest.mark.django_db


def test_dry_run_reports_and_changes_nothing(world, capsys):
    sites = Site.objects.count()
    call_command("merge_wards", P1, P2, "--into", NEW, "--dry-run")
    out = capsys.readouterr().out
    assert "Phường 1 (cũ)" in out and "Phường 2 (cũ)" in out
    assert out.count("    Trang: Bài viết: 2\n") == 2  # per old ward
    assert "Chuyên mục gộp với chuyên mục cùng tên" in out
    assert "bientap_p2: Biên tập viên – Xã Củ Chi → Biên tập viên – Phường Tân Sơn Hòa" in out  # the old ward's group
    assert "Chạy thử: không thay đổi gì." in out
    assert Site.objects.count() == sites and not OldHostname.objects.exists()
    run = ImportRun.objects.get()
    assert run.dry_run and run.kind == ImportRun.Kind.MERGE and "Phường 2 (cũ)" in run.report


def test_merge_moves_everything_keeps_history_and_a_second_run_does_nothing(world, capsys, client, committed):
    new = world["new"]
    moved = world["articles"][P1][0]
    revisions = Revision.objects.filter(object_id=str(moved.pk)).count()
    assert revisions == 1  # the edit (the factory saved no revision)
    committed(call_command, "merge_wards", P1, P2, "--into", NEW)
    out = capsys.readouterr().out
    assert "Đã sáp nhập." in out
    assert "Trang: Bài viết: 6 → 6" in out  # counts before → after, per type
    assert "Nay làm việc tại:" in out
    assert "bientap_p2: Biên tập viên – Xã Củ Chi → Biên tập viên – Phường Tân Sơn Hòa" in out
    assert "khuyenhoc_p1: Phân công xã hội học tập Phường 1 → Phường Tân Sơn Hòa" in out
    assert not Site.objects.filter(hostname__in=[P1, P2]).exists()

    moved = Page.objects.get(pk=moved.pk).specific
    assert moved.url_path.startswith(new.root_page.url_path)
    assert (
        moved.get_parent().slug == "an-sinh-xa-hoi"
        and moved.get_parent().get_parent().get_parent().pk == new.root_page_id
    )
    assert moved.owner == world["author"]
    assert Revision.objects.filter(object_id=str(moved.pk)).count() == revisions
    # Same slug in the same category: the second gets the old ward's mark.
    slugs = sorted(moved.get_parent().get_children().values_list("slug", flat=True))
    assert slugs == ["trao-qua-dot-0", "trao-qua-dot-0-phuong-1", "trao-qua-dot-0-phuong-2",
                     "trao-qua-dot-1", "trao-qua-dot-1-phuong-1", "trao-qua-dot-1-phuong-2"]  # fmt: skip
    origin = ContentOrigin.objects.get(content_type=ContentType.objects.get_for_model(Page), object_id=moved.pk)
    assert origin.old_ward_name == "Phường 1 (cũ)" and origin.site == new and origin.old_unit.name == "Phường 1"

    leaders = Leader.objects.filter(site=new).order_by("sort_order")
    assert leaders[0].position == "Chủ tịch Ủy ban nhân dân phường"  # the new ward's own
    former = leaders.get(full_name="Lê Văn Chủ Tịch Phường 1")
    assert former.position == "Nguyên chủ tịch Ủy ban nhân dân phường – Phường 1 (cũ)"
    assert sorted(Quarter.objects.filter(site=new).values_list("name", flat=True)) == [
        "Khu phố 1", "Khu phố 1 – Phường 1 (cũ)", "Khu phố 1 – Phường 2 (cũ)"]  # fmt: skip
    from congphuong.feedback.models import Question, Topic

    assert Topic.objects.filter(site=new, name="Trật tự đô thị").count() == 1
    assert Question.objects.filter(site=new, topic__site=new).count() == 3
    from wagtail.images.models import Image

    assert Image.objects.filter(title="Ảnh Phường 2", collection__name="Phường 2 (cũ)").exists()

    hostname = OldHostname.objects.get(hostname=P1)
    assert hostname.site == new and hostname.old_ward_name == "Phường 1 (cũ)"
    assert LegacyRedirect.objects.filter(old_hostname=hostname, page=moved).exists()
    run = ImportRun.objects.get(kind=ImportRun.Kind.MERGE, status=ImportRun.Status.SUCCEEDED)
    assert run.counts["before"]["Trang: Bài viết"] == run.counts["after"]["Trang: Bài viết"] == 6

    # The 301 from the old host to the moved page (production-like cache settings of the suite).
    response = client.get("/tin-tuc-su-kien/an-sinh-xa-hoi/trao-qua-dot-0/", HTTP_HOST=P1)
    assert response.status_code == 301
    assert response["Location"] == f"https://{NEW}/tin-tuc-su-kien/an-sinh-xa-hoi/trao-qua-dot-0-phuong-1/"
    page = client.get("/tin-tuc-su-kien/an-sinh-xa-hoi/trao-qua-dot-0-phuong-1/", HTTP_HOST=NEW, secure=True)
    assert page.status_code == 200 and "Phường 1: trao quà" in page.content.decode()

    # Who works where now.
    assert new.pk in ward_ids(type(world["editor"]).objects.get(pk=world["editor"].pk))
    from congphuong.learning.models import WardAssignment

    assert WardAssignment.objects.get(user=world["officer"]).site == new

    # Again: nothing to do.
    before = Page.objects.count(), LegacyRedirect.objects.count(), ImportRun.objects.count()
    call_command("merge_wards", P1, P2, "--into", NEW)
    assert "không còn gì để làm" in capsys.readouterr().out
    assert (Page.objects.count(), LegacyRedirect.objects.count(), ImportRun.objects.count()) == before


def test_a_failure_half_way_changes_nothing(world, monkeypatch):
    def fail(step):
        if step == "records":
            raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(merging, "_checkpoint", fail)
    state = lambda: (  # noqa: E731
        sorted(Page.objects.values_list("pk", "path", "url_path")),
        Site.objects.count(),
        Leader.objects.filter(site=world["p1"]).count(),
        OldHostname.objects.count(),
        ContentOrigin.objects.count(),
    )
    before = state()
    with pytest.raises(Exception, match="mất điện"):
        call_command("merge_wards", P1, P2, "--into", NEW)
    assert state() == before
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_counts_that_do_not_match_roll_back(world, monkeypatch):
    real = merging.census

    def short(sites):
        counts = dict(real(sites))
        counts["Trang: Bài viết"] -= 1
        return counts

    monkeypatch.setattr(merging, "census", lambda sites: short(sites) if len(sites) == 1 else real(sites))
    pages = Page.objects.count()
    with pytest.raises(merging.MergeRefused, match="không khớp"):
        merging.merge([P1], NEW)
    assert Page.objects.count() == pages and Site.objects.filter(hostname=P1).exists()


def test_an_article_published_after_the_report_was_shown_stops_the_confirmed_merge(world):
    """The confirmed merge runs the plan its report showed; what changed since is caught, not lost."""
    from .conftest import section

    shown = merging.plan([P1], NEW)
    late = ArticlePageFactory(parent=section(world["p1"], "an-sinh-xa-hoi"), title="Tin đăng sau báo cáo")
    pages = Page.objects.count()
    with pytest.raises(merging.MergeRefused, match="không khớp"):
        merging.merge_planned(shown)
    assert Page.objects.count() == pages and Site.objects.filter(hostname=P1).exists()
    assert Page.objects.get(pk=late.pk).url_path.startswith(world["p1"].root_page.url_path)
    # Planned again, it goes through with the late article.
    result = merging.merge_planned(merging.plan([P1], NEW))
    assert result.after["Trang: Bài viết"] == shown.counts_before["Trang: Bài viết"] + 1


def test_a_split_ward_goes_to_the_chosen_successor_and_the_other_gets_a_note(world):
    bay_hien = add_ward("27004", BAY_HIEN).site
    result = merging.merge([P2], NEW, split_to=[BAY_HIEN])
    assert result.after["Trang: Bài viết"] == 4
    note = ImportRun.objects.get(site=bay_hien)
    assert "Phường 2 (cũ)" in note.report and f"{NEW}" in note.report and "?phuong-cu=phuong-2" in note.report
    assert OldHostname.objects.get(hostname=P2).site == world["new"]
    assert not OldHostname.objects.filter(site=bay_hien).exists()


def test_vouchers_dated_in_the_new_wards_closed_books_stop_the_merge_at_the_dry_run(world, capsys):
    """Saving them in the new ward would break its locked books: said before anything moves."""
    import datetime
    from decimal import Decimal

    from congphuong.learning.models import FundClosing, FundReceipt

    FundClosing.objects.create(site=world["new"], closed_through=datetime.date(2025, 12, 31), note="Năm 2025")
    FundReceipt.objects.create(
        site=world["p1"],
        date=datetime.date(2025, 6, 1),
        voucher_number="PT-2025/001",
        amount=Decimal(500_000),
        description="Hội viên đóng góp",
    )
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="Có vướng mắc"):
        call_command("merge_wards", P1, "--into", NEW, "--dry-run")
    assert "1 phiếu thu quỹ khuyến học ghi ngày trong kỳ Phường Tân Sơn Hòa đã khóa sổ" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("merge_wards", P1, "--into", NEW)
    assert Page.objects.count() == pages and FundReceipt.objects.get().site == world["p1"]
