"""Migration 0018: registry rows are linked to the ward's khu phố of the same name, others kept as typed."""

import os

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Same reason as test_approver_migration.py: opt in with the other migration tests.
    pytest.mark.skipif(os.environ.get("CONGPHUONG_MIGRATION_TESTS") != "1", reason="CONGPHUONG_MIGRATION_TESTS=1"),
]

BEFORE = [("learning", "0017_recognising_body_roles")]
AFTER = [("learning", "0018_quarter_from_the_wards_list")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    # The numbered files, not 0001_squashed_0019 that replaces them on a fresh database: the test
    # goes back to one of them and forward again.
    executor.loader = MigrationLoader(connection, replace_migrations=False)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_rows_are_linked_by_name_within_their_ward(ward):
    from congphuong.organisation.tests.factories import QuarterFactory
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="khac.test", name="Phường Khác")
    listed = QuarterFactory(site=ward, name="Khu phố 2")
    QuarterFactory(site=other, name="Khu phố 5")
    try:
        old = _migrate(BEFORE)
        row = old.get_model("learning", "LearningQuarter")
        row.objects.create(site_id=ward.pk, name="Khu phố 2", households_total=900)
        row.objects.create(site_id=ward.pk, name="Khu phố 5")  # only the other ward lists it
        new = _migrate(AFTER)
        rows = {r.name: r for r in new.get_model("learning", "LearningQuarter").objects.all()}
        assert rows["Khu phố 2"].quarter_id == listed.pk and rows["Khu phố 2"].households_total == 900
        assert rows["Khu phố 5"].quarter_id is None
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("learning"))
