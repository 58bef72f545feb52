"""Restore an archive made by ``create_backup`` into an empty, identically migrated database.

Order, so that a refusal or a failure changes nothing:
1. verify every checksum and unpack into a temporary directory (``verify_and_unpack``);
2. refuse when the target's applied migrations differ from the archive's;
3. refuse when the target holds content (accounts, pages, images, documents) unless forced;
4. in ONE transaction: empty every table (also the rows ``migrate`` created: content types,
   permissions, Wagtail's root page), load the dump with its primary keys, dump the loaded database
   again and compare every model's content digest with the manifest (a row that a signal receiver
   added or changed while loading, or that did not load as it was, fails here), copy the media files;
   any error rolls the database back;
5. after the commit: clear the cache and rebuild the two search indexes (derived data).
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.models import Site

from .archive import (
    PRIVATE_FILE_MODE,
    BackupError,
    VerifiedArchive,
    applied_migrations,
    dump_database,
    media_roots,
    verify_and_unpack,
)
from .digest import differences, model_digests

logger = logging.getLogger(__name__)

# SQLite FTS5 tables created by migrations with raw SQL: not Django models, so the flush misses them.
FTS_TABLES = ("wagtailsearch_indexentry_fts",)


@dataclass
class RestoreReport:
    manifest: dict
    rows: int = 0
    media_files: int = 0
    warnings: list[str] = field(default_factory=list)


# The models whose rows `migrate` itself creates (content types, permissions, Wagtail's root page,
# default site, collection, workflow and group permissions, the learning criteria of a data
# migration and its recognising bodies, the refusal grounds of access to information): rows there do not make a database
# "not empty". Rows in any other model do.
# test_restore_refusal.py checks this list against a freshly migrated database.
SEEDED_BY_MIGRATE = frozenset(
    {
        "contenttypes.ContentType",
        "auth.Permission",
        "auth.Group",
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "wagtailcore.Collection",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.Page",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowTask",
        "wagtailcore.WorkflowPage",
        "wagtailcore.Task",
        "wagtailcore.GroupApprovalTask",
        "learning.CriteriaSet",
        "learning.Criterion",
        "learning.Indicator",
        "learning.RecognitionLevel",
        "learning.RecognisingBody",
        "learning.RetentionRule",
        "learning.Target",
        "information_access.RefusalGround",
    }
)


def existing_content() -> dict[str, int]:
    """What makes a database "not empty": rows people created, not what ``migrate`` seeds.

    Every dumped model counts except those in SEEDED_BY_MIGRATE; of these, pages other than
    Wagtail's own root and "Welcome" page, and more than the one default site, count too.
    """
    from django.apps import apps
    from django.utils import translation
    from wagtail.models import Page

    from .archive import excluded_labels

    skipped = set(excluded_labels())
    found = {}
    with translation.override("vi"):
        for model in apps.get_models():
            meta = model._meta
            if meta.proxy or not meta.managed or meta.app_label in skipped or meta.label in skipped:
                continue
            if meta.label in SEEDED_BY_MIGRATE:
                continue
            count = model._base_manager.count()
            if count:
                found[str(meta.verbose_name_plural)] = found.get(str(meta.verbose_name_plural), 0) + count
        pages = Page.objects.exclude(content_type__app_label="wagtailcore").count()
        if pages:
            found["trang"] = pages
        sites = Site.objects.count()
        if sites > 1:
            found["trang web (phường)"] = sites
    return found


def check_migrations(manifest: dict):
    target = applied_migrations()
    if not target:
        raise BackupError("Cơ sở dữ liệu đích chưa được tạo bảng: hãy chạy `manage.py migrate` trước khi khôi phục.")
    source = [list(pair) for pair in manifest.get("migrations", [])]
    if source == target:
        return
    only_archive = sorted({tuple(p) for p in source} - {tuple(p) for p in target})
    only_target = sorted({tuple(p) for p in target} - {tuple(p) for p in source})
    details = []
    if only_archive:
        details.append("chỉ có trong tệp sao lưu: " + ", ".join(f"{a}.{n}" for a, n in only_archive[:5]))
    if only_target:
        details.append("chỉ có ở cơ sở dữ liệu đích: " + ", ".join(f"{a}.{n}" for a, n in only_target[:5]))
    raise BackupError(
        "Trạng thái migration của cơ sở dữ liệu đích khác với tệp sao lưu ("
        + "; ".join(details)
        + "). Hãy dùng đúng phiên bản mã nguồn đã tạo bản sao lưu "
        f"({manifest.get('app_version', '?')}) rồi chạy `manage.py migrate`."
    )


def check_empty():
    found = existing_content()
    if found:
        listed = ", ".join(f"{count} {label}" for label, count in sorted(found.items(), key=lambda i: -i[1])[:6])
        if len(found) > 6:
            listed += f", … ({len(found)} loại)"
        raise BackupError(
            f"Cơ sở dữ liệu đích đang có dữ liệu ({listed}). Chỉ khôi phục vào cơ sở dữ liệu trống; "
            "nếu chắc chắn muốn xóa toàn bộ dữ liệu hiện có, thêm tùy chọn --force-wipe."
        )


def wipe_database():
    """Delete every row of every Django table, sequences reset (inside the caller's transaction)."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses tables with pending deferred FK checks from this transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if connection.vendor == "sqlite":
            for table in FTS_TABLES:
                if table in existing:
                    cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - constant table names


def _file_mode(prefix: str) -> int:
    """Public media as an upload would have it (nginx reads it); private files for the app's user only."""
    if prefix == "media":
        return getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o644
    return PRIVATE_FILE_MODE


def _install_media(verified: VerifiedArchive) -> int:
    count = 0
    for root in media_roots():
        mode = _file_mode(root.prefix)
        for relative, source in verified.media_files(root.prefix):
            target = root.path / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(source, target)  # same filesystem: no second copy of a large video
            except OSError:
                shutil.copy2(source, target)
            os.chmod(target, mode)  # unpacked as 0600
            count += 1
    return count


def verify_loaded(verified: VerifiedArchive, report: RestoreReport):
    """Dump what was loaded and compare each model's digest with the manifest's (inside the transaction)."""
    expected = verified.manifest.get("row_digests")
    if expected is None:  # an archive from before the digests: nothing to compare with
        report.warnings.append("Tệp sao lưu không có mã băm từng bảng: không kiểm tra được nội dung đã nạp.")
        return
    loaded = verified.directory / "loaded.jsonl"
    dump_database(loaded)
    try:
        problems = differences(expected, model_digests(loaded))
    finally:
        loaded.unlink(missing_ok=True)
    if problems:
        raise BackupError(
            "Dữ liệu sau khi nạp không khớp với bản sao lưu (" + "; ".join(problems[:5]) + "). "
            "Đã hủy khôi phục, dữ liệu hiện có được giữ nguyên."
        )


def rebuild_indexes(report: RestoreReport):
    from congphuong.search import indexer

    for label, action in (
        ("chỉ mục tìm kiếm của cổng", lambda: indexer.rebuild()),
        ("chỉ mục tìm kiếm trong trang quản trị", lambda: call_command("update_index", verbosity=0)),
    ):
        try:
            action()
        except Exception as error:  # the content is restored; the index can be rebuilt by hand
            logger.exception("Không dựng lại được %s", label)
            report.warnings.append(f"Không dựng lại được {label} ({error}); hãy chạy lại lệnh tương ứng.")


def restore_backup(archive: Path, *, force_wipe: bool = False, confirm=None, work_dir: Path | None = None):
    """Restore ``archive``; ``confirm(manifest) -> bool`` is asked once every check has passed."""
    verified = verify_and_unpack(archive, work_dir=work_dir)
    try:
        manifest = verified.manifest
        check_migrations(manifest)
        if not force_wipe:
            check_empty()
        if confirm is not None and not confirm(manifest):
            raise BackupError("Đã hủy: không có gì thay đổi.")
        report = RestoreReport(manifest, rows=sum(manifest.get("row_counts", {}).values()))
        with transaction.atomic():
            wipe_database()
            ContentType.objects.clear_cache()  # ids of the wiped rows
            call_command("loaddata", str(verified.database_dump), verbosity=0)
            verify_loaded(verified, report)
            report.media_files = _install_media(verified)
        # In-process caches keyed by ids that the load may have reassigned.
        cache.clear()
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
        rebuild_indexes(report)
        return report
    finally:
        verified.cleanup()
