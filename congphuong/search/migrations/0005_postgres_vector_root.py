"""PostgreSQL: each vector row gets its ward's root page (``root_id``).

A ward's search asks for "the newest matches" by walking the sort-key index backwards and checking
each row. With the ward known only from a lexeme of the vector, every row of another ward cost a
read of its TOASTed vector before being dropped, so the cost grew with the number of wards; the
integer is checked first instead (backends.PostgresBackend._where). Filled from the documents' scope
(its first id is the root). Every row is rewritten: the GIN indexes are dropped first and built
again after (building once is much faster than inserting every row's lexemes again, and leaves no
dead entries); run `VACUUM ANALYZE portal_search_vector` after it on a large index. SQLite has
nothing to do (FTS5 intersects the ward token's list itself).
"""

from django.db import migrations

from congphuong.search.backends import DOC_TABLE, ROOT_OF_SCOPE, VECTOR_TABLE

GIN_INDEXES = {
    "portal_search_vector_vec_gin": f"CREATE INDEX IF NOT EXISTS portal_search_vector_vec_gin ON {VECTOR_TABLE} USING gin (vec)",
    "portal_search_vector_title_vec_gin": (
        f"CREATE INDEX IF NOT EXISTS portal_search_vector_title_vec_gin ON {VECTOR_TABLE} USING gin (title_vec)"
    ),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {VECTOR_TABLE} ADD COLUMN IF NOT EXISTS root_id bigint")
    for name in GIN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(
        f"UPDATE {VECTOR_TABLE} v SET root_id = {ROOT_OF_SCOPE} FROM {DOC_TABLE} d WHERE d.sort_key = v.sort_key"
    )
    for statement in GIN_INDEXES.values():
        schema_editor.execute(statement)
    schema_editor.execute(f"ANALYZE {VECTOR_TABLE}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {VECTOR_TABLE} DROP COLUMN IF EXISTS root_id")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_postgres_vector_table")]

    operations = [migrations.RunPython(forwards, backwards)]
