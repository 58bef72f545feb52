"""Are the bulk-built pages indistinguishable from editor-made ones? Assertions run after the build.

1. The tree: treebeard's own `Page.find_problems()` (what `fix_tree` repairs: bad characters or step
   length, orphans, wrong depth, wrong numchild) finds nothing; every url_path is its parent's plus the
   slug; every page has its specific row.
2. A reference page: an editor-made article is published in the same category the way the admin does
   (`add_child`, `save_revision().publish()`, in a transaction rolled back at the end), and a bulk-built
   article of that category must have the same shape: live with a live and latest revision of its own,
   the revision's content naming the same fields, a portal search document with the same fields filled,
   a Wagtail search index entry, reference index rows for its image and tags when it has them.
3. What people see: the ward's search finds a bulk-built article by its title, first; Wagtail's admin
   search finds it; the ward editor's admin explorer lists the category's children and opens the page
   editor of one (Django's test client, the editor signed in with a second factor as the admin requires).

`python -m bench.province.checks --site-id N` (stack environment) prints one JSON object and exits 1 when
a check fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys


class Failed(AssertionError):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise Failed(message)


def tree_checks() -> dict:
    from django.db import connection
    from wagtail.models import Page

    evil_chars, bad_steplen, orphans, wrong_depth, wrong_numchild = Page.find_problems()
    problems = {
        "evil_chars": len(evil_chars),
        "bad_steplen": len(bad_steplen),
        "orphans": len(orphans),
        "wrong_depth": len(wrong_depth),
        "wrong_numchild": len(wrong_numchild),
    }
    check(not any(problems.values()), f"Page.find_problems(): {problems}")
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {table} c JOIN {table} p ON p.path = substr(c.path, 1, length(c.path) - 4) "  # noqa: S608
            "WHERE c.depth > 2 AND c.url_path <> p.url_path || c.slug || '/'"
        )
        bad_urls = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT count(*) FROM {table} p JOIN django_content_type ct ON ct.id = p.content_type_id "  # noqa: S608
            "WHERE ct.app_label = 'news' AND ct.model = 'articlepage' "
            "AND NOT EXISTS (SELECT 1 FROM news_articlepage a WHERE a.page_ptr_id = p.id)"
        )
        missing_specific = cursor.fetchone()[0]
    check(bad_urls == 0, f"{bad_urls} url_path không khớp cha + slug")
    check(missing_specific == 0, f"{missing_specific} ArticlePage thiếu dòng news_articlepage")
    return {**problems, "bad_url_paths": bad_urls, "missing_specific_rows": missing_specific}


def _shape(page) -> dict:
    """What an article looks like to serving, search and the admin, without its own values."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex
    from wagtail.search.models import IndexEntry

    from congphuong.search.models import SearchDocument

    page.refresh_from_db()
    page_type = ContentType.objects.get_for_model(Page)
    own_types = [page_type, ContentType.objects.get_for_model(type(page))]
    revision = page.latest_revision
    document = SearchDocument.objects.filter(source="page", object_id=page.pk).first()
    return {
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "revision_is_live": revision is not None and page.live_revision_id == revision.pk,
        "revision_fields": sorted(revision.content) if revision else None,
        "revision_object": revision is not None and revision.object_id == str(page.pk),
        "first_published": page.first_published_at is not None,
        "url_ok": page.url_path.endswith(f"/{page.slug}/"),
        "search_document": (
            sorted(
                name
                for name in ("kind", "site_id", "path", "scope", "section_id", "category_id", "url", "title", "date")
                if getattr(document, name, None) not in (None, "")
            )
            if document
            else None
        ),
        "wagtail_index_entry": IndexEntry.objects.filter(object_id=str(page.pk), content_type__in=own_types).exists(),
        "references": sorted(
            {
                row.model_path.split(".")[0]
                for row in ReferenceIndex.objects.filter(object_id=str(page.pk), base_content_type=page_type)
            }
        ),
    }


def reference_page_checks(site) -> dict:
    """An editor-made article next to a bulk-built one, compared, then rolled back."""
    from django.db import transaction
    from django.test import TestCase
    from wagtail.images import get_image_model

    from congphuong.editorial.publishing import approved_publishing
    from congphuong.news.models import ArticlePage, CategoryPage

    category = CategoryPage.objects.filter(path__startswith=site.root_page.path).order_by("-numchild").first()
    candidates = (
        ArticlePage.objects.child_of(category)
        .filter(listing_image__isnull=False, tagged_items__isnull=False)
        .distinct()
        .order_by("path")[:50]
    )
    # One without an image in its body, like the editor-made one (its body references would differ).
    built = next(page for page in candidates if not any(block.block_type == "image" for block in page.body))
    image = get_image_model().objects.get(pk=built.listing_image_id)
    with transaction.atomic():
        editor_made = ArticlePage(
            title="Bài kiểm tra do biên tập viên đăng",
            slug="bai-kiem-tra-bien-tap-vien",
            lead="Đoạn dẫn của bài kiểm tra.",
            body=json.dumps([{"type": "paragraph", "value": "<p>Nội dung kiểm tra.</p>"}]),
            listing_image=image,
            live=False,
        )
        # As the admin's create form leaves it: the tags in memory, saved with the page.
        editor_made.tags.set(list(built.tags.all()))
        category.add_child(instance=editor_made)
        # What runs on commit (Wagtail's reference index, the search index) runs here, before the rollback.
        with TestCase.captureOnCommitCallbacks(execute=True), approved_publishing():
            editor_made.save_revision().publish()
        expected, actual = _shape(ArticlePage.objects.get(pk=editor_made.pk)), _shape(built)
        transaction.set_rollback(True)
    differences = {key: (expected[key], actual[key]) for key in expected if expected[key] != actual[key]}
    check(not differences, f"bài dựng hàng loạt khác bài biên tập viên đăng: {differences}")
    return {"compared_fields": sorted(expected), "reference": expected}


def visible_checks(site) -> dict:
    from django.test import Client
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Page

    from congphuong.news.models import ArticlePage, CategoryPage
    from congphuong.search import engine

    category = CategoryPage.objects.filter(path__startswith=site.root_page.path).order_by("-numchild").first()
    article = ArticlePage.objects.child_of(category).order_by("-path").first()
    from congphuong.search.models import SearchDocument

    outcome = engine.run(f'"{article.title}"', site.root_page_id)
    first = SearchDocument.objects.filter(sort_key__in=outcome.ordered[:1]).values_list("object_id", flat=True)
    # Several generated articles may share a title: the right one among the first ten is enough.
    top = set(SearchDocument.objects.filter(sort_key__in=outcome.ordered[:10]).values_list("object_id", flat=True))
    check(article.pk in top, f"tìm kiếm của phường không đưa «{article.title}» vào 10 kết quả đầu")
    # Titles repeat in the generated corpus: the article must be among the category's matches. The
    # words only: on SQLite, Wagtail's database backend finds nothing for a query holding "–".
    words = re.sub(r"[^\w\s]", " ", article.title)
    admin_found = list(Page.objects.child_of(category).search(words)[:200])
    check(article.pk in {page.pk for page in admin_found}, "tìm kiếm trong trang quản trị không thấy bài")

    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username=f"bientap_{site.ward_settings_code}")
    device = TOTPDevice.objects.filter(user=editor, confirmed=True).first() or TOTPDevice.objects.create(
        user=editor, name="Điện thoại", confirmed=True
    )
    client = Client(HTTP_HOST=site.hostname)
    client.force_login(editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    explorer = client.get(reverse("wagtailadmin_explore", args=[category.pk]), secure=True)
    check(explorer.status_code == 200, f"trang duyệt danh mục: HTTP {explorer.status_code}")
    newest = ArticlePage.objects.child_of(category).order_by("-latest_revision_created_at").first()
    check(newest.title in explorer.content.decode(), "trang duyệt danh mục không liệt kê bài")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]), secure=True)
    check(edit.status_code == 200 and article.title in edit.content.decode(), "không mở được trang sửa bài")
    return {
        "search_total": outcome.total,
        "search_first_is_it": list(first) == [article.pk],
        "admin_search": len(admin_found),
        "explorer_status": explorer.status_code,
        "edit_status": edit.status_code,
    }


def run(site_id: int) -> dict:
    from wagtail.models import Site

    from congphuong.wards.models import WardSettings

    site = Site.objects.select_related("root_page").get(pk=site_id)
    site.ward_settings_code = WardSettings.objects.get(site=site).unit_code
    return {
        "tree": tree_checks(),
        "reference_page": reference_page_checks(site),
        "visible": visible_checks(site),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-id", type=int, required=True)
    args = parser.parse_args()
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    try:
        result = {"ok": True, **run(args.site_id)}
    except Failed as failure:
        result = {"ok": False, "error": str(failure)}
    print(json.dumps(result, ensure_ascii=False, default=str))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
