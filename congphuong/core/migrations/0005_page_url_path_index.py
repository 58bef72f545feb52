"""An index on Wagtail's `url_path`, which `core/routing.py` reads a request's pages by.

Routing finds the pages a path names by `url_path` in one query (docs/caching.md, "The render
itself"). Wagtail does not index the column, so that query read every page of the install: a
sequential scan of 10,000 rows, 2–3 ms of PostgreSQL for every article and category served at
10,000 articles, growing with the corpus. With the index it reads the rows it returns. Plain SQL
valid on SQLite and PostgreSQL, as 0001's.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0004_calendarday"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS congphuong_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS congphuong_page_url_path",
        )
    ]
