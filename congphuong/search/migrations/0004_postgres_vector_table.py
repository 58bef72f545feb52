"""PostgreSQL: the vectors move from the document rows into a narrow table of their own.

``portal_search_vector`` (sort key, content type, top-level section, ``vec``, ``title_vec``) with
``toast_tuple_target = 128``: the vectors are stored out of line and a row is ~80 bytes, so the
heap pages a GIN match has to visit are ~1,100 for 100,000 documents instead of ~43,000 (the
document table holds titles, text and URLs). The stored vectors are copied as they are (no
re-tokenising), then the old columns and their indexes are dropped. SQLite has nothing to do.
"""

from django.db import migrations

TABLE = "portal_search_vector"
DOCUMENTS = "portal_search_searchdocument"

CREATE = [
    f"CREATE TABLE IF NOT EXISTS {TABLE} (sort_key bigint PRIMARY KEY, kind varchar(40) NOT NULL, "
    "section_id bigint, vec tsvector NOT NULL, title_vec tsvector NOT NULL) WITH (toast_tuple_target = 128)",
]
INDEXES = [
    f"CREATE INDEX IF NOT EXISTS portal_search_vector_vec_gin ON {TABLE} USING gin (vec)",
    f"CREATE INDEX IF NOT EXISTS portal_search_vector_title_vec_gin ON {TABLE} USING gin (title_vec)",
]


def _has_column(schema_editor, table, column) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND column_name = %s",
            [table, column],
        )
        return cursor.fetchone() is not None


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)
    if _has_column(schema_editor, DOCUMENTS, "vec"):
        # Before the GIN indexes: filling an unindexed table and indexing it once is much faster.
        schema_editor.execute(
            f"INSERT INTO {TABLE} (sort_key, kind, section_id, vec, title_vec) "
            f"SELECT sort_key, kind, section_id, vec, title_vec FROM {DOCUMENTS} "
            "WHERE sort_key IS NOT NULL AND vec IS NOT NULL AND title_vec IS NOT NULL ORDER BY sort_key "
            "ON CONFLICT (sort_key) DO NOTHING"
        )
        for name in ("portal_search_vec_gin", "portal_search_title_vec_gin", "portal_search_exact_vec_gin"):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        for column in ("vec", "title_vec", "exact_vec"):
            schema_editor.execute(f"ALTER TABLE {DOCUMENTS} DROP COLUMN IF EXISTS {column}")
    for statement in INDEXES:
        schema_editor.execute(statement)
    schema_editor.execute(f"ANALYZE {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_postgres_pair_lexemes")]

    # Not reversible in place: the code of 0003 reads the vectors from the document rows;
    # migrate back, then `manage.py rebuild_search_index` with that code.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
