"""Merge old wards' portals into the new ward's (`manage.py merge_wards`, and the admin screen
"Sáp nhập phường"): docs/ward-merger.md.

`plan()` reads only: who and what would move, the conflicts that stop the merge, counts per type.
`merge()` runs the plan in ONE transaction: pages moved (Wagtail's `Page.move`: id, revisions,
owner, dates kept) under the new ward's sections and categories (matched by type and name), the
ward's records re-pointed to the new ward, image and document collections moved under the new
ward's, leaders marked "Nguyên …", every item tagged with its old ward (`legacy.ContentOrigin`),
the old host name kept as an `OldHostname` with a `LegacyRedirect` for every old page address,
editors' and officers' assignments moved, and the old Site removed. Counts per type are taken
before and after and must agree, or everything is rolled back.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Collection, Page, Site

from congphuong.core import bulk
from congphuong.core.bulk import bulk_changes
from congphuong.core.text import fold, slugify_vi
from congphuong.legacy.models import ContentOrigin, ImportRun, LegacyRedirect, OldHostname
from congphuong.units.models import AdministrativeUnit
from congphuong.wards.models import WardSettings


class MergeRefused(Exception):
    """Why the merge cannot run, in Vietnamese; nothing was changed."""


# Page types that are sections or categories: one of the new ward's of the same type and name takes
# the old one's children (the old one itself goes, its address redirects to the new one).
CONTAINER_MODELS = (
    "organisation.AboutIndexPage",
    "news.CategoryPage",
    "documents.DocumentIndexPage",
    "documents.DraftIndexPage",
    "procedures.ProcedureIndexPage",
    "organisation.DisclosureIndexPage",
    "organisation.WorkSchedulePage",
    "feedback.FeedbackPage",
    "media.MediaIndexPage",
    "learning.LearningSocietyPage",
    "information_access.InformationAccessPage",
    "accessibility.AccessibilityStatementPage",
)
# The old ward's own configuration: the new ward has its own; removed with the old Site.
WARD_CONFIG_MODELS = {
    "wards.WardSettings",
    "wards.YearTheme",
    "organisation.MandatoryCategory",
    "assessment.PageSpeedRun",
    "assessment.ConnectionProbe",
    "editorial.WardRoleGroup",  # members follow (assignments below)
    "editorial.WardCollection",  # its collection moves under the new ward's
    "learning.WardFileCollection",  # idem
    "learning.WardAssignment",  # moved by the assignments step
    "wagtailcore.GroupSitePermission",
    "wagtailredirects.Redirect",  # become LegacyRedirects of the old host
    "portal_search.SearchDocument",  # re-indexed
    "legacy.OldHostname",
    "legacy.ImportRun",
    "legacy.ContentOrigin",
}
# Records merged into the new ward's one of the same (folded) name: the old one's references follow.
MERGED_BY_NAME = {"feedback.Topic": "name", "organisation.DisclosureCategory": "name"}
# Lists whose names repeat from ward to ward ("Khu phố 1"): a moved one whose name the new ward
# already has is renamed "Khu phố 1 – Phường 1 (cũ)".
RENAMED_ON_SAME_NAME = {"organisation.Quarter": "name", "learning.LearningQuarter": "name"}
# Per-ward yearly settings: where the new ward has one for the same key, the old ward's is dropped.
DROPPED_ON_CLASH = {"learning.Target"}
# An accounting act, not a move: the merge stops and says so.
REFUSED_MODELS = {"learning.FundOpening": "sổ quỹ khuyến học (số dư đầu kỳ)", "learning.FundClosing": "khóa sổ quỹ"}
LEADER = "organisation.Leader"
FORMER = "Nguyên"


@dataclass
class OldWard:
    site: Site
    name: str  # "Phường 1 (cũ)"
    unit: AdministrativeUnit | None
    split_to: list[Site] = field(default_factory=list)


@dataclass
class Plan:
    new: Site
    old: list[OldWard]
    counts_before: dict[str, int]
    moves: dict[str, Counter]  # old ward name → type → count
    conflicts: list[str]  # stop the merge
    notes: list[str]  # what will happen that an administrator should know
    people: list[str]  # who moves where
    done: bool = False  # already merged: nothing to do

    def text(self) -> str:
        lines = [f"Sáp nhập vào: {self.new.site_name} ({self.new.hostname})"]
        if self.done:
            return "\n".join(lines + ["Đã sáp nhập trước đây: không còn gì để làm."])
        for old in self.old:
            lines.append(f"- {old.name} ({old.site.hostname}):")
            lines += [f"    {kind}: {count}" for kind, count in sorted(self.moves[old.name].items())]
        if self.people:
            lines.append("Người chuyển sang phường mới:")
            lines += [f"  {line}" for line in self.people]
        if self.notes:
            lines.append("Ghi chú:")
            lines += [f"  {line}" for line in self.notes]
        if self.conflicts:
            lines.append("Vướng mắc (phải xử lý trước khi sáp nhập):")
            lines += [f"  {line}" for line in self.conflicts]
        return "\n".join(lines)


@dataclass
class Result:
    plan: Plan
    before: dict[str, int]
    after: dict[str, int]
    merged_away: Counter
    run: ImportRun | None
    redirects: int = 0
    people: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = ["Số lượng theo loại (trước → sau; gộp = chuyên mục, chủ đề trùng tên đã gộp):"]
        for kind in sorted(set(self.before) | set(self.after)):
            merged = self.merged_away.get(kind, 0)
            extra = f" (gộp {merged})" if merged else ""
            lines.append(f"  {kind}: {self.before.get(kind, 0)} → {self.after.get(kind, 0)}{extra}")
        lines.append(f"Chuyển hướng địa chỉ cũ: {self.redirects}")
        if self.people:
            lines.append("Nay làm việc tại:")
            lines += [f"  {line}" for line in self.people]
        return "\n".join(lines)


# Finding the wards.


def _unit_of(site: Site, *, old: bool) -> AdministrativeUnit | None:
    code = WardSettings.objects.filter(site=site).values_list("unit_code", flat=True).first()
    if not code:
        return None
    units = AdministrativeUnit.objects.filter(code=code)
    units = units.filter(valid_to__isnull=not old)
    return units.first()


def resolve(ref: str) -> Site:
    """A ward of this install by host name or unit code."""
    ref = ref.strip().lower().rstrip(".")
    site = Site.objects.filter(hostname=ref).select_related("root_page").first()
    if site is not None:
        return site
    if ref.isdigit():
        sites = list(Site.objects.filter(wardsettings__unit_code=ref).select_related("root_page"))
        if len(sites) == 1:
            return sites[0]
        if len(sites) > 1:
            names = ", ".join(f"{s.site_name} ({s.hostname})" for s in sites)
            raise MergeRefused(f"Mã {ref} ứng với nhiều phường trên hệ thống ({names}): hãy dùng tên miền.")
    old = OldHostname.objects.filter(hostname=ref).select_related("site").first()
    if old is None and ref.isdigit():
        old = OldHostname.objects.filter(old_unit__code=ref).select_related("site").first()
    if old is not None:
        raise AlreadyMerged(old)
    raise MergeRefused(f"Không có phường nào trên hệ thống với tên miền hoặc mã «{ref}».")


class AlreadyMerged(MergeRefused):
    def __init__(self, old: OldHostname):
        self.old = old
        super().__init__(f"{old.old_ward_name or old.hostname} đã sáp nhập vào {old.site.site_name}.")


def old_ward_name(site: Site, unit: AdministrativeUnit | None) -> str:
    name = unit.name if unit is not None else (site.site_name or site.hostname)
    name = re.sub(r"\s*\(cũ\)$", "", name)
    return f"{name} (cũ)"


def old_ward_slug(name: str) -> str:
    """ "Phường 1 (cũ)" → "phuong-1": the value of the archive filter (`?phuong-cu=`)."""
    return slugify_vi(re.sub(r"\s*\(cũ\)$", "", name))


# What a ward holds.


def _site_fk_models():
    """(model, field name) of every model with a foreign key to Site."""
    found = []
    for model in apps.get_models():
        for f in model._meta.get_fields():
            if f.concrete and (f.many_to_one or f.one_to_one) and f.related_model is Site:
                found.append((model, f.name))
    return found


def _label(model) -> str:
    return model._meta.label


def _kind(model) -> str:
    return str(model._meta.verbose_name_plural)


def _pages(site: Site):
    return Page.objects.filter(path__startswith=site.root_page.path, depth__gt=site.root_page.depth)


def _ward_collections(site: Site) -> list[Collection]:
    from congphuong.editorial.models import WardCollection
    from congphuong.learning.models import WardFileCollection

    found = []
    for link_model in (WardCollection, WardFileCollection):
        link = link_model.objects.filter(site=site).select_related("collection").first()
        if link is not None:
            found.append(link.collection)
    return found


def _collection_ids(site: Site) -> set[int]:
    ids = set()
    for collection in _ward_collections(site):
        ids |= set(Collection.objects.filter(path__startswith=collection.path).values_list("pk", flat=True))
    return ids


def census(sites: list[Site]) -> dict[str, int]:
    """Items per type held by `sites` (pages by type, the wards' records, images and files)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    counts: Counter = Counter()
    for site in sites:
        ids = _pages(site).values("content_type").annotate(n=models.Count("pk"))
        for row in ids:
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            counts[f"Trang: {_kind(model)}"] += row["n"]
        for model, name in _site_fk_models():
            if _label(model) in WARD_CONFIG_MODELS:
                continue
            counts[_kind(model)] += model._base_manager.filter(**{name: site}).count()
        collections = _collection_ids(site)
        counts["Ảnh"] += get_image_model().objects.filter(collection_id__in=collections).count()
        counts["Tệp tài liệu"] += get_document_model().objects.filter(collection_id__in=collections).count()
    return {kind: count for kind, count in counts.items() if count}


def _match_key(page) -> tuple[int, str]:
    return (page.content_type_id, fold(page.title).strip())


def _container_types() -> set[int]:
    ids = set()
    for label in CONTAINER_MODELS:
        try:
            ids.add(ContentType.objects.get_for_model(apps.get_model(label)).pk)
        except LookupError:
            continue
    return ids


# What the walk and the bulk move read of a page (a new ward's section may hold thousands of pages).
TREE_FIELDS = ("path", "depth", "numchild", "slug", "url_path", "title", "draft_title", "content_type")


def _page_moves(old_parent: Page, new_parent: Page, containers: set[int], merged: list, moved: list) -> None:
    """Walk the old tree: a container matched in the new tree is merged (recursively), the rest moves."""
    counterparts = {}  # only the new ward's sections can be twins: no page object for its thousands of articles
    for pk, content_type_id, title, slug in (
        new_parent.get_children()
        .filter(content_type_id__in=containers)
        .values_list("pk", "content_type", "title", "slug")
    ):
        counterparts.setdefault((content_type_id, fold(title).strip()), pk)
        counterparts.setdefault((content_type_id, "slug:" + slug), pk)
    for child in old_parent.get_children().only(*TREE_FIELDS):
        twin = None
        if child.content_type_id in containers:
            twin_pk = counterparts.get(_match_key(child)) or counterparts.get(
                (child.content_type_id, "slug:" + child.slug)
            )
            twin = Page.objects.only(*TREE_FIELDS).get(pk=twin_pk) if twin_pk else None
        if twin is not None:
            merged.append((child, twin))
            _page_moves(child, twin, containers, merged, moved)
        else:
            moved.append((child, new_parent))


def _people(old: Site, new: Site) -> list[tuple]:
    """(user, old group, role key) of the old ward's role groups, and the learning assignments."""
    from congphuong.editorial.models import WardRoleGroup

    rows = []
    for link in WardRoleGroup.objects.filter(site=old).select_related("group"):
        for user in link.group.user_set.order_by("username"):
            rows.append((user, link.group, link.role))
    return rows


def _role_group(new: Site, role: str) -> Group | None:
    from congphuong.editorial.models import WardRoleGroup

    link = WardRoleGroup.objects.filter(site=new, role=role).select_related("group").first()
    return link.group if link else None


def _unique_clashes(model, fk_name: str, old: Site, new: Site) -> list[tuple[list[str], set]]:
    """For each unique constraint with the site field: its other fields, and the values taken in `new`."""
    found = []
    sets = [tuple(c.fields) for c in model._meta.constraints if isinstance(c, models.UniqueConstraint) and c.fields]
    sets += [tuple(u) for u in model._meta.unique_together]
    for fields in sets:
        if fk_name not in fields:
            continue
        others = [name for name in fields if name != fk_name]
        taken = set(model._base_manager.filter(**{fk_name: new}).values_list(*others))
        found.append((others, taken))
    return found


def _vouchers_in_closed_books(ward: OldWard, new: Site) -> list[str]:
    """The old ward's fund vouchers dated inside a period the new ward has closed: saving them there
    would break the new ward's locked books (learning/models/fund_lock.py), so the dry run says so
    instead of the merge failing half-way."""
    from congphuong.learning.models import FundExpense, FundReceipt
    from congphuong.learning.models.fund_lock import FundClosing

    closed = FundClosing.objects.filter(site=new).order_by("-closed_through").first()
    if closed is None:
        return []
    found = []
    for model, label in ((FundReceipt, "phiếu thu"), (FundExpense, "phiếu chi")):
        n = model._base_manager.filter(site=ward.site, date__lte=closed.closed_through).count()
        if n:
            found.append(f"{n} {label}")
    if not found:
        return []
    return [
        f"{ward.name}: {', '.join(found)} quỹ khuyến học ghi ngày trong kỳ {new.site_name} đã khóa sổ "
        f"(đến hết {closed.closed_through:%d/%m/%Y}); hợp nhất quỹ là nghiệp vụ kế toán: hãy kết chuyển số dư "
        "bằng phiếu trong kỳ đang mở rồi chạy lại."
    ]


def plan(old_refs: list[str], new_ref: str, split_to: list[str] | None = None) -> Plan:
    new = resolve(new_ref)
    old_wards: list[OldWard] = []
    notes, conflicts = [], []
    done = False
    for ref in old_refs:
        try:
            site = resolve(ref)
        except AlreadyMerged as already:
            if already.old.site_id == new.pk:
                done = True
                continue
            raise
        if site.pk == new.pk:
            raise MergeRefused("Phường cũ và phường mới là một: hãy chọn phường khác.")
        unit = _unit_of(site, old=True)
        ward = OldWard(site=site, name=old_ward_name(site, unit), unit=unit)
        old_wards.append(ward)
    if not old_wards:
        if done:
            return Plan(new, [], {}, {}, [], [], [], done=True)
        raise MergeRefused("Chưa chọn phường cũ nào.")
    if any(ward.site.is_default_site for ward in old_wards):
        notes.append("Phường cũ đang là trang mặc định của hệ thống: phường mới sẽ thay.")
    split_sites = [resolve(ref) for ref in split_to or []]
    for ward in old_wards:
        ward.split_to = split_sites
        if split_sites:
            names = ", ".join(site.site_name for site in split_sites)
            notes.append(
                f"{ward.name} được chia: toàn bộ nội dung về {new.site_name}; {names} nhận ghi chú kèm liên kết "
                "tới kho lưu trữ (không nhận tên miền cũ)."
            )

    containers = _container_types()
    moves: dict[str, Counter] = {}
    people = []
    for ward in old_wards:
        counter: Counter = Counter()
        merged, moved = [], []
        _page_moves(ward.site.root_page, new.root_page, containers, merged, moved)
        # Below the old home every page is either merged or moved (with its subtree): one count per type.
        merged_ids = [page.pk for page, _twin in merged]
        rows = _pages(ward.site).exclude(pk__in=merged_ids).values("content_type").annotate(n=models.Count("pk"))
        for row in rows:
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            counter[f"Trang: {_kind(model)}"] += row["n"]
        counter["Chuyên mục gộp với chuyên mục cùng tên"] += len(merged)
        for model, name in _site_fk_models():
            label = _label(model)
            if label in WARD_CONFIG_MODELS:
                continue
            rows = model._base_manager.filter(**{name: ward.site})
            n = rows.count()
            if not n:
                continue
            if label in REFUSED_MODELS:
                conflicts.append(
                    f"{ward.name}: có {REFUSED_MODELS[label]} ({n}); hợp nhất quỹ là nghiệp vụ kế toán, "
                    "hãy xử lý trước rồi chạy lại."
                )
                continue
            counter[_kind(model)] += n
        for collection_id in _collection_ids(ward.site):
            counter["Bộ sưu tập ảnh/tệp"] += 1 if collection_id else 0
        moves[ward.name] = +counter
        for user, group, role in _people(ward.site, new):
            target = _role_group(new, role)
            people.append(
                f"{user.get_username()}: {group.name} → {target.name if target else role + ' – ' + new.site_name}"
            )
        from congphuong.learning.models import WardAssignment

        for assignment in WardAssignment.objects.filter(site=ward.site).select_related("user"):
            people.append(
                f"{assignment.user.get_username()}: Phân công xã hội học tập {ward.site.site_name} → {new.site_name}"
            )
        conflicts += _vouchers_in_closed_books(ward, new)
        if OldHostname.objects.filter(hostname=ward.site.hostname).exists():
            conflicts.append(f"Tên miền {ward.site.hostname} đã là tên miền cũ của một phường khác.")
    before = census([new] + [ward.site for ward in old_wards])
    return Plan(new, old_wards, before, moves, conflicts, notes, people)


# The merge itself.


def _free_value(model, fk_name, site, name, value, suffix, max_length):
    """`value` with `suffix` appended (cut to max_length) until unused in `site`."""
    candidate, n = value, 1
    while model._base_manager.filter(**{fk_name: site, name: candidate}).exists():
        n += 1
        tail = suffix if n == 2 else f"{suffix}-{n}" if "-" in suffix else f"{suffix} {n}"
        candidate = (value[: max_length - len(tail)] + tail) if max_length else value + tail
    return candidate


def _patch_latest_revision(obj, **values) -> None:
    revision = getattr(obj, "latest_revision", None)
    if revision is None or not isinstance(revision.content, dict):
        return
    revision.content.update(values)
    revision.save(update_fields=["content"])


def _repoint(old_obj, new_obj) -> None:
    """Every foreign key to `old_obj` now points to `new_obj`."""
    for rel in old_obj._meta.related_objects:
        if rel.many_to_many or not (rel.one_to_many or rel.one_to_one):
            continue
        rel.related_model._base_manager.filter(**{rel.field.name: old_obj}).update(**{rel.field.name: new_obj})


def _path_on(page: Page, home: Page) -> str:
    return "/" + page.url_path[len(home.url_path) :]


# A hook for the tests: called between steps ("pages", "records", "people", "site").
def _checkpoint(step: str) -> None:
    return None


BATCH = 500  # rows per bulk UPDATE / INSERT (and per IN list)


def _chunks(items, size=BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _update_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """`UPDATE … SET fields = … WHERE pk = …` for each row (the values of `fields`, then the key), sent
    with `executemany` (Django's `bulk_update` builds a CASE per field and row: seconds per thousand)."""
    if not rows:
        return
    from django.db import connection

    quote = connection.ops.quote_name
    prepared = [model._meta.get_field(name) for name in fields] + [model._meta.pk]
    columns = ", ".join(f"{quote(f.column)} = %s" for f in prepared[:-1])
    # Names from the model's own metadata, quoted; every value a parameter.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {columns} WHERE {quote(prepared[-1].column)} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 5000):
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(value, connection) for f, value in zip(prepared, row, strict=True)]
                    for row in chunk
                ],
            )


def _mark_many(content_type, ids, site: Site, ward: OldWard, run: ImportRun) -> None:
    """`_mark` for many objects of one type: a mark made earlier (an import) keeps its source URL and
    hash and gets the new ward (and the old ward's name and unit if it had none)."""
    ids = sorted(set(ids))
    for chunk in _chunks(ids):
        marked = ContentOrigin.objects.filter(content_type=content_type, object_id__in=chunk)
        found = set(marked.values_list("object_id", flat=True))
        if found:
            marked.update(site=site)
            marked.filter(old_ward_name="").update(old_ward_name=ward.name)
            if ward.unit is not None:
                marked.filter(old_unit__isnull=True).update(old_unit=ward.unit)
        ContentOrigin.objects.bulk_create(
            ContentOrigin(
                content_type=content_type,
                object_id=pk,
                site=site,
                old_ward_name=ward.name,
                old_unit=ward.unit,
                run=run,
            )
            for pk in chunk
            if pk not in found
        )


def _free_slug(slug: str, suffix: str, taken: set[str]) -> str:
    """`slug`, or with the old ward's mark (`trao-qua` → `trao-qua-phuong-1`, then `…-phuong-1-2`) when
    a sibling has it."""
    if slug not in taken:
        return slug
    candidate, n = slug[: 255 - len(suffix)] + suffix, 2
    while candidate in taken:
        tail = f"{suffix}-{n}"
        candidate, n = slug[: 255 - len(tail)] + tail, n + 1
    return candidate


def _move_pages(moved: list, old_home: Page, ward: OldWard, new: Site, run: ImportRun, user=None) -> set[int]:
    """Move each (page, new parent) of `moved` with its subtree under the new parent, as last children in
    their order, in bulk: the new tree paths, depths and url paths of every page below are worked out
    here and written by one `UPDATE … WHERE id = …` per page, sent with `executemany` (`Page.move` takes
    some 60 queries per page). What `Page.move` does besides is done in bulk too: a slug already used
    among the new siblings gets the old ward's mark (and the latest revision with it), the parents'
    child counts, one log entry "wagtail.move" per moved page, and the indexes (`bulk.changed` with the
    tree fields: the portal search relocates the documents at the end of `bulk_changes()`); the page
    cache is purged once after the commit. Ids, revisions, owners, dates, workflow states and comments
    are untouched. Returns the ids of every page moved (the roots and all below them)."""
    from wagtail.models import PageLogEntry

    if not moved:
        return set()
    steplen = Page.steplen
    suffix = "-" + old_ward_slug(ward.name)
    # New place of each moved root: old path → (new path, old url path, new url path, depth change).
    roots: dict[str, tuple[str, str, str, int]] = {}
    renamed: dict[int, str] = {}  # page id → new slug
    targets: dict[int, list] = {}
    for page, target in moved:
        targets.setdefault(target.pk, []).append(page)
    parents = {pk: Page.objects.get(pk=pk) for pk in targets}
    for target_pk, pages in targets.items():
        target = parents[target_pk]
        siblings = list(target.get_children().values_list("path", "slug"))
        last = max((Page._str2int(path[-steplen:]) for path, _slug in siblings), default=0)
        if len(Page._int2str(last + len(pages))) > steplen:
            raise MergeRefused(f"{target.title}: quá nhiều trang con để chuyển thêm {len(pages)} trang.")
        taken = {slug for _path, slug in siblings}
        for n, page in enumerate(pages, start=1):
            slug = _free_slug(page.slug, suffix, taken)
            taken.add(slug)
            if slug != page.slug:
                renamed[page.pk] = slug
            new_path = Page._get_path(target.path, target.depth + 1, last + n)
            roots[page.path] = (new_path, page.url_path, f"{target.url_path}{slug}/", target.depth + 1 - page.depth)

    # Every page below the old home: the moved ones take their root's new place.
    rows = []  # (new path, new depth, new url path, id)
    for pk, path, url_path, depth in _pages(ward.site).values_list("pk", "path", "url_path", "depth"):
        for level in range(old_home.depth + 1, depth + 1):
            root = roots.get(path[: level * steplen])
            if root is not None:
                new_path, old_url, new_url, shift = root
                url_path = new_url + url_path[len(old_url) :] if url_path.startswith(old_url) else url_path
                rows.append((new_path + path[level * steplen :], depth + shift, url_path, pk))
                break
    _update_rows(Page, ["path", "depth", "url_path"], rows)
    if renamed:
        _update_rows(Page, ["slug"], [(slug, pk) for pk, slug in renamed.items()])
        _patch_revisions(Page, list(renamed), lambda pk: {"slug": renamed[pk]})
    # Child counts: the new parents gain, the old ones (the old home, the merged sections) lose.
    for target_pk, pages in targets.items():
        Page.objects.filter(pk=target_pk).update(numchild=models.F("numchild") + len(pages))
    lost = Counter(page.path[:-steplen] for page, _target in moved)
    for parent_path, n in lost.items():
        Page.objects.filter(path=parent_path).update(numchild=models.F("numchild") - n)

    # As Page.move logs: one entry per moved page (not per descendant), all under one action id.
    sources = {page.path: page for page in Page.objects.filter(path__in=set(lost))}
    when, action = timezone.now(), uuid.uuid4()

    def place(page):
        return {"id": page.pk, "title": page.draft_title or page.title}

    PageLogEntry.objects.bulk_create(
        (
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.draft_title or page.title,
                action="wagtail.move",
                timestamp=when,
                uuid=action,
                user=user,
                data={"source": place(sources[page.path[:-steplen]]), "destination": place(parents[target.pk])},
            )
            for page, target in moved
        ),
        batch_size=BATCH,
    )

    moved_ids = {row[-1] for row in rows}
    _mark_many(ContentType.objects.get_for_model(Page), moved_ids, new, ward, run)
    # A move changes no reference and no text: the reference index stays, the search indexes relocate.
    bulk.changed(Page, moved_ids, fields={"path", "depth", "url_path", "slug"})
    return moved_ids


def _move_records(model, fk_name, rows, ward: OldWard, new: Site, run: ImportRun, merged_away: Counter) -> None:
    """The old ward's `rows` of `model` go to the new ward (rules in docs/ward-merger.md, "Records").
    A row that keeps every value but its ward is moved with the others by one UPDATE (no save(), so no
    signal: `bulk.changed` has them indexed at the end; no save() in the project derives a value from the
    ward); a row merged into a namesake, dropped, renamed or a leader made former is saved on its own."""
    label = _label(model)
    suffix = "-" + old_ward_slug(ward.name)
    ct = ContentType.objects.get_for_model(model)
    clashes = _unique_clashes(model, fk_name, ward.site, new)
    twins = {}
    if label in MERGED_BY_NAME:
        name_field = MERGED_BY_NAME[label]
        for other in model._base_manager.filter(**{fk_name: new}):
            twins.setdefault(fold(getattr(other, name_field)).strip(), other)
    names = set()  # folded names the new ward has (and will have) of a list renamed on the same name
    if label in RENAMED_ON_SAME_NAME:
        name_field = RENAMED_ON_SAME_NAME[label]
        names = {
            fold(v).strip() for v in model._base_manager.filter(**{fk_name: new}).values_list(name_field, flat=True)
        }
    plain, edited = [], []  # edited: (row, fields renamed with their tail, leader)
    for obj in rows:
        if label in MERGED_BY_NAME:
            key = fold(getattr(obj, MERGED_BY_NAME[label])).strip()
            twin = twins.setdefault(key, obj)  # a namesake later in the old ward merges into this one
            if twin is not obj:
                _repoint(obj, twin)
                obj.delete()
                merged_away[_kind(model)] += 1
                continue
        renames: dict[str, str] = {}
        dropped = False
        for others, taken in clashes:
            values = tuple(getattr(obj, name) for name in others)
            if values not in taken:
                continue
            if label in DROPPED_ON_CLASH:
                dropped = True
                break
            for name in others:
                f = model._meta.get_field(name)
                if isinstance(f, (models.CharField, models.SlugField)) and getattr(obj, name):
                    renames[name] = suffix if isinstance(f, models.SlugField) else f" – {ward.name}"
                    break
            else:
                raise MergeRefused(f"{_kind(model)} của {ward.name} trùng với của {new.site_name}: {values}.")
        if dropped:
            obj.delete()
            merged_away[_kind(model)] += 1
            continue
        if label in RENAMED_ON_SAME_NAME and not renames:
            name_field = RENAMED_ON_SAME_NAME[label]
            key = fold(getattr(obj, name_field)).strip()
            if key in names:
                renames[name_field] = f" – {ward.name}"
            else:
                names.add(key)
        leader = label == LEADER and not fold(obj.position).startswith(fold(FORMER))
        if renames or leader:
            edited.append((obj, renames, leader))
        else:
            plain.append(obj.pk)
    # First the plain rows (their values are free in the new ward), then the renamed ones find free values.
    for chunk in _chunks(plain):
        model._base_manager.filter(pk__in=chunk).update(**{fk_name: new})
    if plain and any(f.name == "latest_revision" for f in model._meta.get_fields()):
        _patch_revisions(model, plain, lambda pk: {fk_name: new.pk})
    bulk.changed(model, plain)
    for obj, renames, leader in edited:
        changed = {}
        for name, tail in renames.items():
            f = model._meta.get_field(name)
            changed[name] = _free_value(model, fk_name, new, name, getattr(obj, name), tail, f.max_length)
        if leader:
            position = obj.position
            lowered = position[:1].lower() + position[1:] if position[1:2].islower() else position
            changed["position"] = f"{FORMER} {lowered} – {ward.name}"[:255]
            changed["sort_order"] = min(obj.sort_order + 1000, 32767)
        for name, value in changed.items():
            setattr(obj, name, value)
        setattr(obj, fk_name, new)
        obj.save()
        _patch_latest_revision(obj, **{fk_name: new.pk, **changed})
    _mark_many(ct, plain + [obj.pk for obj, _renames, _leader in edited], new, ward, run)


def _patch_revisions(model, ids, values_for) -> None:
    """`_patch_latest_revision` for many objects: `values_for(pk)` into each one's latest revision."""
    from wagtail.models import Revision

    for chunk in _chunks(ids):
        latest = dict(
            model._base_manager.filter(pk__in=chunk, latest_revision__isnull=False).values_list("pk", "latest_revision")
        )
        revisions = list(Revision.objects.filter(pk__in=latest.values()))
        owner = {revision_id: pk for pk, revision_id in latest.items()}
        rows = []
        for revision in revisions:
            if isinstance(revision.content, dict):
                revision.content.update(values_for(owner[revision.pk]))
                rows.append((revision.content, revision.pk))
        _update_rows(Revision, ["content"], rows)


def _merge_one(ward: OldWard, new: Site, run: ImportRun, merged_away: Counter, people: list[str], user=None) -> int:
    old = ward.site
    old_home = old.root_page
    new_home = Page.objects.get(pk=new.root_page_id)
    containers = _container_types()

    # The old host name, and every old address before anything moves.
    hostname, _ = OldHostname.objects.get_or_create(
        hostname=old.hostname,
        defaults={"site": new, "old_unit": ward.unit, "old_ward_name": ward.name},
    )
    old_paths = {page.pk: _path_on(page, old_home) for page in _pages(old).only("pk", "url_path")}
    old_paths[old_home.pk] = "/"

    merged, moved = [], []
    _page_moves(old_home, new_home, containers, merged, moved)
    merged_into = {page.pk: twin for page, twin in merged}
    merged_into[old_home.pk] = new_home
    for page, _twin in merged:
        merged_away[f"Trang: {_kind(page.specific_class)}"] += 1
    # Pages: moved with their subtree (revisions, owner, dates, ids kept), in bulk.
    moved_ids = _move_pages(moved, old_home, ward, new, run, user)
    _checkpoint("pages")

    # Addresses: every old page address → the moved page, or the section it was merged into.
    existing = set(LegacyRedirect.objects.filter(old_hostname=hostname).values_list("old_path", flat=True))
    redirects = []
    for page_id, path in old_paths.items():
        target_id = page_id if page_id in moved_ids else merged_into[page_id].pk if page_id in merged_into else None
        path = path[:1000]
        if target_id is None or path in existing:
            continue
        redirects.append(LegacyRedirect(old_hostname=hostname, old_path=path, page_id=target_id))
        existing.add(path)
    from wagtail.contrib.redirects.models import Redirect

    for redirect in Redirect.objects.filter(site=old):
        if redirect.old_path in existing:
            continue
        redirects.append(
            LegacyRedirect(
                old_hostname=hostname,
                old_path=redirect.old_path,
                page_id=redirect.redirect_page_id,
                url=redirect.redirect_link or "",
            )
        )
        existing.add(redirect.old_path)
    LegacyRedirect.objects.bulk_create(redirects, batch_size=BATCH)

    # Records of the ward: those that keep every value but the ward by one UPDATE per type, the others
    # (merged by name, dropped, renamed, leaders) one at a time.
    for model, fk_name in _site_fk_models():
        label = _label(model)
        if label in WARD_CONFIG_MODELS or label in REFUSED_MODELS:
            continue
        rows = list(model._base_manager.filter(**{fk_name: old}).order_by("pk"))
        if rows:
            _move_records(model, fk_name, rows, ward, new, run, merged_away)
    _checkpoint("records")

    # Images and files: the old ward's collections go under the new ward's, named after the old ward.
    from congphuong.editorial.models import WardCollection
    from congphuong.editorial.roles import ensure_roles, ensure_ward_collection
    from congphuong.learning.models import WardAssignment, WardFileCollection

    ensure_roles([new_home])
    for link_model, parent in (
        (WardCollection, ensure_ward_collection(new)),
        (WardFileCollection, getattr(WardFileCollection.objects.filter(site=new).first(), "collection", None)),
    ):
        link = link_model.objects.filter(site=old).select_related("collection").first()
        if link is None:
            continue
        collection = link.collection
        if parent is None:  # the new ward has none yet: it takes the old one
            link.site = new
            link.save(update_fields=["site"])
            continue
        link.delete()
        from wagtail.models import GroupCollectionPermission

        GroupCollectionPermission.objects.filter(collection__path__startswith=collection.path).delete()
        collection = Collection.objects.get(pk=collection.pk)
        collection.move(Collection.objects.get(pk=parent.pk), pos="sorted-child")
        collection = Collection.objects.get(pk=collection.pk)
        taken = set(
            Collection.objects.get(pk=parent.pk).get_children().exclude(pk=collection.pk).values_list("name", flat=True)
        )
        name = ward.name if ward.name not in taken else f"{ward.name} – {old.hostname}"
        collection.name = name
        collection.save(update_fields=["name"])
    _checkpoint("collections")

    # People: the old ward's role groups' members join the new ward's groups of the same role.
    for user, group, role in _people(old, new):
        target = _role_group(new, role)
        if target is None:
            continue
        user.groups.add(target)
        people.append(f"{user.get_username()}: {group.name} → {target.name}")
    for assignment in WardAssignment.objects.filter(site=old).select_related("user"):
        if WardAssignment.objects.filter(site=new, user=assignment.user).exists():
            assignment.delete()
        else:
            assignment.site = new
            assignment.save()
        people.append(f"{assignment.user.get_username()}: Phân công xã hội học tập {old.site_name} → {new.site_name}")
    from congphuong.editorial.models import WardRoleGroup

    old_groups = [link.group for link in WardRoleGroup.objects.filter(site=old).select_related("group")]
    _checkpoint("people")

    # The old ward goes: its home and the sections merged away, its groups, its Site.
    leftover = set(_pages(old).values_list("pk", flat=True))
    if leftover - {page.pk for page, _twin in merged}:
        raise MergeRefused(f"{ward.name}: còn trang chưa chuyển được ({len(leftover)}).")
    was_default = old.is_default_site
    Page.objects.get(pk=old_home.pk).delete()
    for group in old_groups:
        group.delete()
    for model, fk_name in _site_fk_models():
        label = _label(model)
        if label in WARD_CONFIG_MODELS:
            continue
        if model._base_manager.filter(**{fk_name: old}).exists():
            raise MergeRefused(f"{ward.name}: còn {_kind(model)} chưa chuyển được.")
    Site.objects.filter(pk=old.pk).delete()
    if was_default:
        new.is_default_site = True
        new.save(update_fields=["is_default_site"])
    _checkpoint("site")
    for other in ward.split_to:
        ImportRun.objects.create(
            kind=ImportRun.Kind.MERGE,
            site=other,
            source=old.hostname,
            status=ImportRun.Status.SUCCEEDED,
            finished_at=timezone.now(),
            report=(
                f"Một phần {ward.name} nay thuộc {other.site_name}. Nội dung cổng cũ của {ward.name} đã chuyển về "
                f"{new.site_name}: {new.root_url}/?phuong-cu={old_ward_slug(ward.name)} "
                f"(tin tức và văn bản lọc theo «Phường cũ»)."
            ),
        )
    return len(redirects)


def merge(old_refs: list[str], new_ref: str, split_to: list[str] | None = None, user=None) -> Result:
    """Plan and run the merge: all or nothing. Raises MergeRefused (nothing changed) on any conflict."""
    return merge_planned(plan(old_refs, new_ref, split_to), user=user)


def merge_planned(the_plan: Plan, user=None) -> Result:
    """Run a plan the caller has just shown (the command's report, the admin's confirmation): planning
    reads every page of the old wards, so it is not done twice. A change between the plan and the run
    is caught by the count check below, which rolls the merge back."""
    if the_plan.done:
        return Result(the_plan, {}, {}, Counter(), None)
    if the_plan.conflicts:
        raise MergeRefused("Không sáp nhập được:\n" + "\n".join(the_plan.conflicts))
    merged_away: Counter = Counter()
    people: list[str] = []
    redirects = 0
    with transaction.atomic():
        run = ImportRun.objects.create(
            kind=ImportRun.Kind.MERGE,
            site=the_plan.new,
            user=user if user is not None and user.pk else None,
            source=", ".join(ward.site.hostname for ward in the_plan.old),
        )
        with bulk_changes():
            for ward in the_plan.old:
                redirects += _merge_one(ward, the_plan.new, run, merged_away, people, run.user)
            new = Site.objects.get(pk=the_plan.new.pk)
            after = census([new])
        expected = Counter(the_plan.counts_before)
        expected.subtract(merged_away)
        expected = {kind: n for kind, n in expected.items() if n}
        # A section merged away leaves its type's count; the kinds counted only before were moved or merged.
        if expected != after:
            diff = ", ".join(
                f"{kind}: {expected.get(kind, 0)} ≠ {after.get(kind, 0)}"
                for kind in sorted(set(expected) | set(after))
                if expected.get(kind, 0) != after.get(kind, 0)
            )
            raise MergeRefused(f"Số lượng sau khi sáp nhập không khớp ({diff}): đã hoàn tác, không thay đổi gì.")
        result = Result(the_plan, the_plan.counts_before, after, merged_away, run, redirects, people)
        run.status = ImportRun.Status.SUCCEEDED
        run.finished_at = timezone.now()
        run.counts = {"before": the_plan.counts_before, "after": after, "merged": dict(merged_away)}
        run.report = the_plan.text() + "\n\n" + result.text()
        run.save()
    return result


def record_dry_run(the_plan: Plan, user=None) -> ImportRun:
    """A dry run, kept with its report (`legacy.ImportRun` holds dry runs too)."""
    return ImportRun.objects.create(
        kind=ImportRun.Kind.MERGE,
        site=the_plan.new,
        user=user if user is not None and getattr(user, "pk", None) else None,
        source=", ".join(ward.site.hostname for ward in the_plan.old),
        dry_run=True,
        status=ImportRun.Status.FAILED if the_plan.conflicts else ImportRun.Status.SUCCEEDED,
        finished_at=timezone.now(),
        counts={"before": the_plan.counts_before, "moves": {name: dict(c) for name, c in the_plan.moves.items()}},
        report=the_plan.text(),
    )


def record_failure(old_refs, new_ref, error: Exception, user=None) -> None:
    """A failed run, written after the rollback so that it stays."""
    try:
        site = resolve(new_ref)
    except MergeRefused:
        site = None
    ImportRun.objects.create(
        kind=ImportRun.Kind.MERGE,
        site=site,
        user=user if user is not None and getattr(user, "pk", None) else None,
        source=", ".join(old_refs),
        status=ImportRun.Status.FAILED,
        finished_at=timezone.now(),
        report=str(error),
    )
