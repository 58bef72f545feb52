"""An index on Wagtail's page tree for "children of X" (menus, sub-categories).

Children are found by `depth = d AND path BETWEEN …`. Wagtail indexes `path` only, so under
a ward home with 100,000 articles the ward menu read every one of those index entries
(measured 130–150 ms a page on SQLite, bench/RESULTS.md). With (depth, path) it reads the
handful of rows it returns. Plain SQL valid on SQLite and PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS congphuong_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS congphuong_page_depth_path",
        )
    ]
