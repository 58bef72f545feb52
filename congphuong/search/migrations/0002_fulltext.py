"""The full-text side of the index: FTS5 on SQLite, tsvector columns + GIN on PostgreSQL.

Built from the same Python tokens on both (no text-search configuration, no extension).
"""

from django.db import migrations


def _backend(schema_editor):
    from congphuong.search.backends import PostgresBackend, SQLiteBackend

    return {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}.get(schema_editor.connection.vendor)


def create(apps, schema_editor):
    backend = _backend(schema_editor)
    for statement in backend.create_sql() if backend else []:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    backend = _backend(schema_editor)
    for statement in backend.drop_sql() if backend else []:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
