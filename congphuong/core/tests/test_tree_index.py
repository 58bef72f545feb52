"""Children of a page are read through the (depth, path) index, not a scan of the whole subtree."""

import pytest
from django.db import connection
from wagtail.models import Site


@pytest.mark.django_db
def test_menu_query_uses_the_depth_path_index(home, category):  # a child, or the query is empty
    site = Site.objects.get(root_page=home)
    queryset = site.root_page.get_children().live().in_menu().only("id", "title", "url_path")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "congphuong_page_depth_path" in plan, plan
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'congphuong_page_depth_path'")
            assert "(depth, path)" in cursor.fetchone()[0]


@pytest.mark.django_db
def test_routing_reads_pages_by_the_url_path_index(home, category):
    """core/routing.py reads the pages a path names by `url_path`: by the index, not by a scan of
    every page of the install (migration core 0005)."""
    from django.db.models import Q
    from wagtail.models import Page

    queryset = Page.objects.filter(
        Q(path__startswith=home.path, depth__gt=home.depth, url_path__in=[category.url_path]) | Q(path__in=[home.path])
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "congphuong_page_url_path" in plan, plan
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'congphuong_page_url_path'")
            assert "(url_path)" in cursor.fetchone()[0]
