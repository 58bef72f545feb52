"""Migrations 0011–0013 keep every free-text approver and link it to an account only when certain.

The test migrates the learning app back and forth on the test database, so it is transactional
and restores the migrated data afterwards (serialized rollback), and it leaves the process's
ContentType cache warm again (`_rewarm_content_types`).
"""

import datetime

import pytest
from django.apps import apps as global_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("learning", "0010_criteria_sources_data")]
AFTER = [("learning", "0013_link_legacy_approvers")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    # The numbered files, not 0001_squashed_0019 that replaces them on a fresh database: the test
    # goes back to one of them and forward again.
    executor.loader = MigrationLoader(connection, replace_migrations=False)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_free_text_approvers_are_kept_and_linked_when_unambiguous(ward):
    from congphuong.learning.roles import APPROVER

    from .factories import make_user

    chair = make_user("chutich", APPROVER, sites=[ward], first_name="Lê Thị Hồng", last_name="Nhung")
    try:
        old = _migrate(BEFORE)
        expense = old.get_model("learning", "FundExpense")
        common = {"site_id": ward.pk, "date": datetime.date(2025, 3, 1), "category": "hoat_dong", "amount": 100}
        expense.objects.create(voucher_number="PC-1", approver="Lê Thị Hồng Nhung – Chủ tịch Hội", **common)
        expense.objects.create(voucher_number="PC-2", approver="Trần Văn B - Phó Chủ tịch", **common)
        new = _migrate(AFTER)
        rows = {row.voucher_number: row for row in new.get_model("learning", "FundExpense").objects.all()}
        assert rows["PC-1"].approver_legacy == "Lê Thị Hồng Nhung – Chủ tịch Hội"
        assert rows["PC-1"].approved_by_id == chair.pk
        assert rows["PC-2"].approver_legacy == "Trần Văn B - Phó Chủ tịch"  # no such account: text kept, no link
        assert rows["PC-2"].approved_by_id is None
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("learning"))
        _rewarm_content_types()


def _rewarm_content_types():
    """Fill the ContentType cache again from the rows this database holds (the migrated ids).

    Migration 0013 (and `ensure_learning_roles`) call `create_permissions`, which empties the
    cache. The next serialized test then restores the migrated rows into a flushed database, and
    Wagtail's `Task.__init__` asks `get_for_model` for a task's content type before the content
    type rows are back: with a cold cache it created one with a new id, and the restored row with
    the old id failed (IntegrityError on django_content_type). Warm, the cache answers with the
    old ids and nothing is created.
    """
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*global_apps.get_models())
