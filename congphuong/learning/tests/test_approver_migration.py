"""Migrations 0011–0013 keep every free-text approver and link it to an account only when certain."""

import datetime
import os

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Migrating back and forth leaves content types that the next serialized test (the browser
    # tests) cannot load again (IntegrityError on django_content_type): opt in until that is solved.
    pytest.mark.skipif(os.environ.get("CONGPHUONG_MIGRATION_TESTS") != "1", reason="CONGPHUONG_MIGRATION_TESTS=1"),
]

BEFORE = [("learning", "0010_criteria_sources_data")]
AFTER = [("learning", "0013_link_legacy_approvers")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
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
