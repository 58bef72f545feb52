"""`import_legacy`: read, clean, classify, then write every page of an old portal into a ward, in one
transaction: all or nothing.

- News go under the ward's existing categories (news.CategoryPage), legal documents under its
  document index (documents.DocumentIndexPage). Pages are drafts unless `publish`: then they are
  published through the four-eyes door (`editorial.publishing.approved_publishing`), as a ward's
  provisioning does — the command's user is the install's administrator.
- Idempotent: each page's origin (legacy.ContentOrigin) keeps its source URL (or, without one, the
  file it came from) and a hash of its content. A second run skips what is unchanged, updates what
  changed (a new revision), creates only what is new.
- Images and attachments found next to the saved pages are stored as Wagtail images/documents in the
  ward's collection (the same file twice is stored once, by its hash); one that is missing is reported
  and the page imported without it.
- `old_hostname`: the old portal's host answers for the ward (legacy.OldHostname) and each old address
  gets a LegacyRedirect row to its new page (301, legacy/middleware.py).
- The search index and the page cache follow through `core.bulk.bulk_changes()`, once at the end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from congphuong.core.text import fold, nfc, slugify_vi

from . import detect
from .cleaning import CleanPage, classify, clean_items, titles
from .items import LegacyFormatError

TITLE_MAX = 255


class ImportFailed(Exception):
    """The run stopped; nothing was stored. The message is Vietnamese."""


@dataclass
class Options:
    site: object  # wagtail Site
    old_hostname: str = ""
    old_ward: str = ""
    mapping: str | None = None
    dry_run: bool = False
    publish: bool = False
    format: str | None = None
    user: object = None
    # A page edited here since it was imported keeps its edits unless this is set.
    overwrite_edited: bool = False


@dataclass
class Outcome:
    action: str  # "create", "update", "skip"
    kind: str  # "news", "document"
    title: str
    where: str  # file and line
    reason: str = ""
    parent: str = ""
    page_id: int | None = None


ACTION_LABELS = {"create": "Tạo mới", "update": "Cập nhật", "skip": "Bỏ qua"}
KIND_LABELS = {"news": "tin", "document": "văn bản"}


@dataclass
class Report:
    format: str = ""
    dry_run: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    redirects: int = 0
    images: int = 0
    documents: int = 0
    run_id: int | None = None

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def counts(self) -> dict:
        return {
            "created": self.count("create"),
            "updated": self.count("update"),
            "skipped": self.count("skip"),
            "missing_files": len(self.missing),
            "redirects": self.redirects,
            "images": self.images,
            "documents": self.documents,
        }

    def lines(self) -> list[str]:
        head = "Chạy thử (không lưu gì)" if self.dry_run else "Đã nhập"
        out = [f"{head}: định dạng {self.format}, {len(self.outcomes)} trang."]
        for outcome in self.outcomes:
            label = ACTION_LABELS[outcome.action] + (" (sẽ)" if self.dry_run else "")
            target = f" → {outcome.parent}" if outcome.parent else ""
            why = f" — {outcome.reason}" if outcome.reason else ""
            out.append(f"  {label} {KIND_LABELS[outcome.kind]}: «{outcome.title[:90]}»{target} [{outcome.where}]{why}")
        for missing in self.missing:
            out.append(f"  Thiếu tệp: {missing}")
        out.extend(f"  Lưu ý: {note}" for note in self.notes)
        counts = self.counts
        out.append(
            f"Tổng cộng: {counts['created']} tạo mới, {counts['updated']} cập nhật, {counts['skipped']} bỏ qua, "
            f"{counts['missing_files']} tệp thiếu, {counts['images']} ảnh, {counts['documents']} tệp đính kèm, "
            f"{counts['redirects']} địa chỉ chuyển hướng."
        )
        return out


@dataclass
class Planned:
    page: CleanPage
    kind: str
    key: str  # the idempotency key: the source URL, or "tệp:<name>" without one
    content_hash: str
    parent: object
    parent_reason: str
    document: classify.DocumentInfo | None
    origin: object = None  # the existing ContentOrigin
    action: str = "create"
    reason: str = ""


def where(item) -> str:
    return f"{item.source_file}, dòng {item.source_line}" if item.source_line else item.source_file


def _content_hash(page: CleanPage, kind: str) -> str:
    data = {
        "title": page.original_title,
        "date": page.published_at.isoformat() if page.published_at else "",
        "signing": page.signing_unit,
        "lead": page.lead,
        "kind": kind,
        "blocks": [[block.kind, block.text, block.src, block.caption] for block in page.blocks],
        "tags": list(page.item.tags),
        "document": [
            str(getattr(page.item, name) or "")
            for name in ("document_number", "document_type", "issuer", "issued_on", "effective_from", "signer_name")
        ],
        "status": str(page.item.extra.get("status", "")),
    }
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _keys(pages: list[CleanPage], roots: list[Path]) -> list[str]:
    """The source URL, or the file (relative to the folder given) and its rank in the file."""
    per_file: dict[str, int] = {}
    for page in pages:
        per_file[page.item.source_file] = per_file.get(page.item.source_file, 0) + 1
    seen: dict[str, int] = {}
    keys = []
    for page in pages:
        item = page.item
        if item.source_url:
            keys.append(item.source_url.strip())
            continue
        path = Path(item.source_file)
        name = path.name
        for root in roots:
            if root.is_dir() and path.resolve().is_relative_to(root.resolve()):
                name = path.resolve().relative_to(root.resolve()).as_posix()
                break
        rank = seen[item.source_file] = seen.get(item.source_file, 0) + 1
        keys.append(f"tệp:{name}" + (f"#{rank}" if per_file[item.source_file] > 1 else ""))
    return keys


# --- The ward's places ---------------------------------------------------------------------------


def _ward_places(site):
    from congphuong.documents.models import DocumentIndexPage
    from congphuong.news.models import CategoryPage

    home = site.root_page
    categories = list(CategoryPage.objects.descendant_of(home).order_by("path"))
    index = DocumentIndexPage.objects.descendant_of(home).order_by("path").first()
    return categories, index


def _proper_nouns(site, old_ward: str) -> list[str]:
    from congphuong.wards.models import WardSettings

    names = [site.site_name, site.root_page.title, old_ward.replace("(cũ)", "").strip()]
    settings = WardSettings.objects.filter(site=site).first()
    if settings is not None:
        names.append(settings.short_name)
    # "Phường Tân Sơn Hòa" → also "Tân Sơn Hòa", the name after the unit word.
    out = []
    for name in filter(None, names):
        out.append(name)
        words = name.split()
        if len(words) > 1 and fold(words[0]) in ("phuong", "xa", "quan", "huyen", "thi"):
            out.append(" ".join(words[1:]))
    return out


# --- Planning ------------------------------------------------------------------------------------


def plan(pages: list[CleanPage], keys: list[str], options: Options, report: Report) -> list[Planned]:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from congphuong.legacy.models import ContentOrigin

    categories, index = _ward_places(options.site)
    guesser = classify.CategoryGuesser(categories, classify.load_mapping(options.mapping))
    for target in guesser.unmapped_targets():
        report.notes.append(f"tệp ánh xạ trỏ tới danh mục «{target}» mà phường không có; bỏ qua dòng này.")
    page_type = ContentType.objects.get_for_model(Page)
    origins = {
        origin.source_url: origin
        for origin in ContentOrigin.objects.filter(site=options.site, content_type=page_type, source_url__in=keys)
    }
    existing_pages = {
        pk: (live, latest_revision_id)
        for pk, live, latest_revision_id in Page.objects.filter(
            pk__in=[origin.object_id for origin in origins.values()]
        ).values_list("pk", "live", "latest_revision_id")
    }
    planned: list[Planned] = []
    seen: dict[str, str] = {}
    for page, key in zip(pages, keys, strict=False):
        document = classify.document_info(page)
        kind = "document" if document else "news"
        if document:
            parent, parent_reason = index, "trang Văn bản của phường"
        else:
            parent, parent_reason = guesser.guess(page)
        entry = Planned(page, kind, key, _content_hash(page, kind), parent, parent_reason, document)
        origin = origins.get(key)
        live, edited_here = False, False
        if origin is not None and origin.object_id in existing_pages:
            entry.origin = origin
            live, latest_revision_id = existing_pages[origin.object_id]
            # Pages imported before the import recorded its revision cannot tell: treated as unedited.
            edited_here = origin.imported_revision_id is not None and latest_revision_id != origin.imported_revision_id
        if not page.title:
            entry.action, entry.reason = "skip", "không tìm thấy tiêu đề"
        elif kind == "news" and not page.blocks:
            entry.action, entry.reason = "skip", "không còn nội dung sau khi bỏ phần thừa"
        elif key in seen:
            entry.action, entry.reason = "skip", f"trùng địa chỉ nguồn với {seen[key]}"
        elif (
            entry.origin is not None
            and entry.origin.content_hash == entry.content_hash
            and options.publish
            and not live
            and not source_draft(page.item)
            and not edited_here
        ):
            entry.action, entry.reason = "update", "không đổi, nay xuất bản bản đã nhập"
        elif entry.origin is not None and entry.origin.content_hash == entry.content_hash:
            entry.action, entry.reason = "skip", "không đổi so với lần nhập trước"
            if edited_here and options.publish and not live:
                entry.reason += "; trang đã được sửa ở đây nên không tự xuất bản, chờ duyệt như bài thường"
        elif entry.origin is not None and edited_here and not options.overwrite_edited:
            entry.action = "skip"
            entry.reason = (
                "nội dung nguồn đã thay đổi nhưng trang đã được sửa ở đây sau lần nhập; giữ bản đã sửa "
                "(thêm --overwrite-edited để ghi đè bằng nội dung nguồn)"
            )
        elif entry.origin is not None:
            entry.action, entry.reason = "update", "nội dung nguồn đã thay đổi"
        elif parent is None:
            missing = "trang Văn bản (Danh mục văn bản)" if document else "danh mục tin nào"
            raise LegacyFormatError(
                where(page.item), 0, f"phường {options.site.site_name} chưa có {missing} để nhập vào."
            )
        else:
            entry.reason = f"danh mục theo {parent_reason}" if kind == "news" else f"số {document.number or '—'}"
        if entry.action != "skip" and options.publish and source_draft(page.item):
            entry.reason += "; bản nháp ở nguồn, giữ bản nháp"
        if entry.action != "skip" and page.published_at is None:
            entry.reason += "; không thấy ngày đăng, dùng thời điểm nhập"
        seen.setdefault(key, where(page.item))
        planned.append(entry)
    return planned


# --- Files ---------------------------------------------------------------------------------------


def find_local(src: str, item) -> Path | None:
    """The file a page's image or attachment points to, saved beside it (browser or wget layout)."""
    if not src or src.startswith(("data:", "mailto:", "javascript:")):
        return None
    parts = urlsplit(src)
    path = unquote(parts.path)
    name = Path(path).name
    if not name:
        return None
    source = Path(item.source_file)
    base = source.parent
    candidates = []
    if not parts.scheme and not path.startswith("/"):
        candidates.append(base / path)
    stem = source.stem
    candidates += [base / f"{stem}_files" / name, base / name]
    for ancestor in [base, *list(base.parents)[:4]]:
        if parts.netloc:
            candidates.append(ancestor / parts.netloc / path.lstrip("/"))
        candidates.append(ancestor / path.lstrip("/"))
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None


class Files:
    """Images and documents stored once per file content, in the ward's collection."""

    def __init__(self, site, report: Report):
        from wagtail.models import Collection

        self.report = report
        link = getattr(site, "ward_collection", None)
        try:
            self.collection = link.collection if link is not None else Collection.get_first_root_node()
        except Exception:  # noqa: BLE001 (no ward collection row: the root collection)
            self.collection = Collection.get_first_root_node()
        self.cache: dict[tuple[str, str], object] = {}

    def _store(self, model, path: Path, title: str):
        from django.core.files import File
        from wagtail.utils.file import hash_filelike

        with path.open("rb") as handle:
            digest = hash_filelike(handle)
        if (model.__name__, digest) in self.cache:
            return self.cache[(model.__name__, digest)]
        found = model.objects.filter(file_hash=digest).first()
        if found is None:
            with path.open("rb") as handle:
                found = model(title=(title or path.stem)[:255], collection=self.collection)
                found.file = File(handle, name=path.name)
                found.save()
            if model.__name__.lower().endswith("image"):
                self.report.images += 1
            else:
                self.report.documents += 1
        self.cache[(model.__name__, digest)] = found
        return found

    def image(self, path: Path, title: str):
        from wagtail.images import get_image_model

        return self._store(get_image_model(), path, title)

    def document(self, path: Path, title: str):
        from wagtail.documents import get_document_model

        return self._store(get_document_model(), path, title)


# --- Writing -------------------------------------------------------------------------------------


def _short_title(title: str) -> str:
    if len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:- ") + "…"


def _unique_slug(parent, title: str, exclude=None) -> str:
    base = slugify_vi(title, max_length=80) or "bai-viet"
    slug, number = base, 2
    siblings = parent.get_children()
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude)
    while siblings.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _body(page: CleanPage, files: Files | None, report: Report) -> tuple[list[dict], list]:
    """StreamField data for an article, and the attachments (documents) it holds."""
    blocks: list[dict] = []
    attached = []
    pending_list: list[str] = []

    def flush_list():
        if pending_list:
            items = "".join(f"<li>{escape(text)}</li>" for text in pending_list)
            blocks.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
            pending_list.clear()

    for block in page.blocks:
        if block.kind != "item":
            flush_list()
        if block.kind == "paragraph":
            blocks.append({"type": "paragraph", "value": f"<p>{escape(block.text)}</p>"})
        elif block.kind == "heading":
            blocks.append({"type": "heading", "value": {"text": block.text[:255], "level": "h2"}})
        elif block.kind == "item":
            pending_list.append(block.text)
        elif block.kind == "image":
            path = find_local(block.src, page.item)
            if path is None:
                report.missing.append(f"ảnh {block.src} ({where(page.item)})")
                if block.caption:
                    blocks.append({"type": "paragraph", "value": f"<p><i>{escape(block.caption)}</i></p>"})
                continue
            if files is None:
                continue
            image = files.image(path, block.caption or page.title)
            blocks.append(
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": block.caption[:255], "caption": block.caption[:255]},
                }
            )
        elif block.kind == "attachment":
            path = find_local(block.src, page.item)
            if path is None:
                report.missing.append(f"tệp đính kèm {block.src} ({where(page.item)})")
                continue
            if files is not None:
                attached.append((block, files.document(path, block.text)))
    flush_list()
    if attached and page.item.kind != "document":
        blocks.append(
            {"type": "documents", "value": {"heading": "Tệp đính kèm", "documents": [doc.pk for _, doc in attached]}}
        )
    return blocks, attached


def _write_news(entry: Planned, files: Files, report: Report, options: Options):
    from congphuong.news.models import ArticlePage

    page_data = entry.page
    body, _ = _body(page_data, files, report)
    title = _short_title(page_data.title)
    lead = page_data.lead or (page_data.title if title != page_data.title else "")
    fields = {
        "title": title,
        "published_at": page_data.published_at or timezone.now(),
        "lead": lead,
        "body": json.dumps(body),
        "signing_unit": page_data.signing_unit[:255],
    }
    tags = list(dict.fromkeys(nfc(tag).strip()[:100] for tag in page_data.item.tags if tag and tag.strip()))

    def set_tags(page):
        if tags or page.pk:
            page.tags.set(tags)

    return _save(entry, ArticlePage, fields, options, before_save=set_tags)


def _write_document(entry: Planned, files: Files, report: Report, options: Options):
    from congphuong.documents.models import DocumentType, Issuer, LegalDocumentPage
    from congphuong.wards.models import WardSettings

    page_data, info = entry.page, entry.document
    blocks, attached = _body(page_data, files, report)
    html = "".join(block["value"] for block in blocks if block["type"] == "paragraph")
    issuer_name = page_data.item.issuer or page_data.signing_unit
    if not issuer_name:
        settings = WardSettings.objects.filter(site=options.site).first()
        issuer_name = settings.official_name if settings else options.site.site_name
    if titles.is_all_caps(issuer_name):  # "ỦY BAN NHÂN DÂN PHƯỜNG 7" → "Ủy ban nhân dân phường 7"
        issuer_name = titles.sentence_case(issuer_name).replace(" Phường ", " phường ")
    issued = info.issued_on or (page_data.published_at or timezone.now()).date()
    fields = {
        "title": _short_title(page_data.title),
        "number": (info.number or "")[:100],
        "doc_type": DocumentType.objects.get_or_create(name=info.doc_type)[0],
        "issuer": Issuer.objects.get_or_create(name=nfc(issuer_name)[:200])[0],
        "issued_on": issued,
        "effective_from": page_data.item.effective_from,
        "signer_name": page_data.item.signer_name[:120],
        "signer_position": str(page_data.item.extra.get("signer_position") or "")[:200],
        "effective_until": _date_or_none(page_data.item.extra.get("expires_on")),
        "summary": info.summary,
        "body": html,
    }
    page = _save(entry, LegalDocumentPage, fields, options, before_save=lambda page: _attach(page, attached))
    if not info.number:
        report.notes.append(f"văn bản «{page.title[:60]}» không ghi số ký hiệu ({where(page_data.item)}).")
    return page


def _date_or_none(value):
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value if isinstance(value, datetime.date) else None


def _attach(page, attached):
    from congphuong.documents.models import LegalDocumentAttachment

    page.attachments = [LegalDocumentAttachment(document=doc, label=block.text[:255]) for block, doc in attached]


def _save(entry: Planned, model, fields: dict, options: Options, before_save=None):
    from congphuong.editorial.publishing import approved_publishing

    if entry.origin is not None:
        page = model.objects.get(pk=entry.origin.object_id)
        for name, value in fields.items():
            setattr(page, name, value)
        if before_save:
            before_save(page)
        if not page.live:
            page.save()
    else:
        page = model(live=False, slug=_unique_slug(entry.parent, fields["title"]), **fields)
        if before_save:
            before_save(page)
        entry.parent.add_child(instance=page)
    revision = page.save_revision(user=options.user, log_action=True)
    if options.publish and not source_draft(entry.page.item):
        with approved_publishing():
            revision.publish(user=options.user)
    return page


PUBLISHED_STATUSES = {"", "publish", "published", "1", "active"}


def source_draft(item) -> bool:
    """A draft, pending or private post in the source (WXR `status`, NukeViet `status` 0): never published here."""
    return str(item.extra.get("status", "")).strip().lower() not in PUBLISHED_STATUSES


def _origin(entry: Planned, page, run, options: Options):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from congphuong.legacy.models import ContentOrigin

    values = {
        "site": options.site,
        "old_ward_name": options.old_ward,
        "source_url": entry.key,
        "content_hash": entry.content_hash,
        "run": run,
        "imported_revision_id": page.latest_revision_id,
        "original_title": entry.page.original_title if entry.page.original_title != entry.page.title else "",
    }
    ContentOrigin.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Page), object_id=page.pk, defaults=values
    )


def _old_host(options: Options, create=True):
    from congphuong.legacy.models import OldHostname

    hostname = options.old_hostname.strip().lower().rstrip(".")
    if not hostname or " " in hostname or "/" in hostname:
        raise ImportFailed(f"Tên miền cũ «{options.old_hostname}» không hợp lệ (chỉ ghi tên miền, không kèm http://).")
    from wagtail.models import Site

    other_ward = Site.objects.filter(hostname=hostname).exclude(pk=options.site.pk).first()
    if other_ward is not None:
        # Its ward serves that host: the old addresses would never be consulted there.
        raise ImportFailed(
            f"Tên miền cũ {hostname} đang là tên miền của {other_ward.site_name or 'một phường khác'} "
            "trên hệ thống này; chỉ ghi tên miền cũ của phường đang nhập (hoặc tên miền của chính phường này)."
        )
    host = OldHostname.objects.filter(hostname=hostname).first()
    if host is None and not create:
        return None
    if host is None:
        return OldHostname.objects.create(hostname=hostname, site=options.site, old_ward_name=options.old_ward)
    if host.site_id != options.site.pk:
        raise ImportFailed(f"Tên miền cũ {hostname} đã gắn với phường khác ({host.site.site_name}); không đổi.")
    if options.old_ward and not host.old_ward_name:
        host.old_ward_name = options.old_ward
        host.save(update_fields=["old_ward_name"])
    return host


def old_path(url: str, hostname: str) -> str:
    """ "/tin-tuc/abc.html?id=3" for an old address on `hostname` (or given without a host)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", ""):
        return ""
    if parts.netloc and parts.netloc.lower().split(":")[0].removeprefix("www.") != hostname.removeprefix("www."):
        return ""
    if not parts.path and not parts.query:
        return ""
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _redirects(entry: Planned, page, host, files_done: dict, report: Report):
    from congphuong.legacy.models import LegacyRedirect

    source_url = entry.page.item.source_url
    path = old_path(source_url, host.hostname) if source_url else ""
    if source_url and not path and source_url.startswith("http"):
        report.notes.append(f"{source_url} không thuộc tên miền {host.hostname}: không tạo chuyển hướng.")
    if path:
        LegacyRedirect.objects.update_or_create(
            old_hostname=host, old_path=path[:1000], defaults={"page": page, "url": ""}
        )
        report.redirects += 1
    for block in entry.page.attachments:
        document = files_done.get(block.src)
        if document is None or not source_url:
            continue
        path = old_path(urljoin(source_url, block.src), host.hostname)
        if path:
            LegacyRedirect.objects.update_or_create(
                old_hostname=host, old_path=path[:1000], defaults={"page": None, "url": document.url}
            )
            report.redirects += 1


# --- The run -------------------------------------------------------------------------------------


def run_import(paths, options: Options, progress=None) -> Report:
    """Import `paths` (files or folders) into `options.site`. Raises ImportFailed (nothing stored)."""
    from congphuong.core.bulk import bulk_changes
    from congphuong.legacy.models import ImportRun

    options.old_ward = nfc(options.old_ward or "")
    report = Report(dry_run=options.dry_run)
    run = ImportRun.objects.create(
        kind=ImportRun.Kind.IMPORT,
        site=options.site,
        user=options.user if getattr(options.user, "pk", None) else None,
        source=", ".join(str(path) for path in paths)[:1000],
        dry_run=options.dry_run,
    )
    report.run_id = run.pk
    try:
        inputs = detect.detect(paths, options.format)
        report.format = inputs[0].reader.LABEL
        run.detected_format = inputs[0].format
        items = list(detect.read_all(inputs))
        pages = clean_items(items, _proper_nouns(options.site, options.old_ward))
        keys = _keys(pages, [Path(path) for path in paths])
        planned = plan(pages, keys, options, report)
        if options.dry_run:
            if options.old_hostname:
                _old_host(options, create=False)  # a host name of another ward is refused here too
            for entry in planned:
                if entry.action != "skip":
                    _body(entry.page, None, report)  # reports missing files, stores nothing
                report.outcomes.append(_outcome(entry, None))
        else:
            with transaction.atomic(), bulk_changes():
                host = _old_host(options) if options.old_hostname else None
                files = Files(options.site, report)
                total = len(planned)
                for number, entry in enumerate(planned, start=1):
                    page = None
                    if entry.action != "skip":
                        writer = _write_document if entry.kind == "document" else _write_news
                        page = writer(entry, files, report, options)
                        _origin(entry, page, run, options)
                    elif entry.origin is not None:
                        page = entry.origin.content_object
                    if host is not None and page is not None:
                        stored = {}
                        for block in entry.page.attachments:
                            path = find_local(block.src, entry.page.item)
                            if path is not None:
                                stored[block.src] = files.document(path, block.text)
                        _redirects(entry, page, host, stored, report)
                    report.outcomes.append(_outcome(entry, page))
                    if progress:
                        progress(number, total)
    except (LegacyFormatError, classify.MappingError, ImportFailed) as error:
        _finish(run, report, ImportRun.Status.FAILED, str(error))
        raise ImportFailed(str(error)) from error
    except Exception as error:
        _finish(run, report, ImportRun.Status.FAILED, f"Lỗi: {error!r}")
        raise
    _finish(run, report, ImportRun.Status.SUCCEEDED)
    return report


def _outcome(entry: Planned, page) -> Outcome:
    # Where a new page goes; a page already imported stays where it is (an editor may have moved it).
    parent = getattr(entry.parent, "title", "") if entry.origin is None else ""
    return Outcome(
        action=entry.action,
        kind=entry.kind,
        title=entry.page.title or entry.page.item.source_file,
        where=where(entry.page.item),
        reason=entry.reason,
        parent=parent,
        page_id=getattr(page, "pk", None),
    )


def _finish(run, report: Report, status, error: str = ""):
    run.status = status
    run.finished_at = timezone.now()
    run.counts = report.counts
    run.report = "\n".join(([f"Thất bại, không thay đổi gì: {error}"] if error else []) + report.lines())
    run.save()
