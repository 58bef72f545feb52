"""PostgreSQL: word pairs, accented words and title words move into ``vec``; ``exact_vec`` goes.

The vectors are rebuilt from the stored documents (title and text are kept on each row), so the
pages themselves are not read again. SQLite has nothing to do.
"""

from django.db import migrations

BATCH = 500


def rebuild_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from congphuong.search.backends import PostgresBackend
    from congphuong.search.indexer import fts_entry

    backend = PostgresBackend()
    for statement in backend.create_sql():
        schema_editor.execute(statement)
    SearchDocument = apps.get_model("portal_search", "SearchDocument")
    rows = SearchDocument.objects.order_by("pk").values_list("sort_key", "title", "body", "scope", "kind")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(fts_entry(*row)[0])
        if len(batch) >= BATCH:
            backend.insert(batch)
            batch = []
    backend.insert(batch)
    schema_editor.execute("DROP INDEX IF EXISTS portal_search_exact_vec_gin")
    schema_editor.execute("ALTER TABLE portal_search_searchdocument DROP COLUMN IF EXISTS exact_vec")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_fulltext")]

    # Not reversible in place: 0002's vectors would need the previous code; rebuild_search_index does it.
    operations = [migrations.RunPython(rebuild_vectors, migrations.RunPython.noop)]
