"""Migrations 0002–0003: each question keeps its khu phố, now taken from the ward's one list."""

import datetime
import os

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Same reason as learning/tests/test_approver_migration.py: opt in with the other migration tests.
    pytest.mark.skipif(os.environ.get("CONGPHUONG_MIGRATION_TESTS") != "1", reason="CONGPHUONG_MIGRATION_TESTS=1"),
]

BEFORE = [("feedback", "0001_initial")]
AFTER = [("feedback", "0003_drop_the_qa_khu_pho_list")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_questions_keep_their_khu_pho_from_the_wards_one_list(ward, home):
    from congphuong.organisation.tests.factories import QuarterFactory
    from congphuong.wards.tests.factories import make_ward

    from .factories import FeedbackPageFactory

    page = FeedbackPageFactory(parent=home)
    other = make_ward(hostname="khac.test", name="Phường Khác")
    shared = QuarterFactory(site=ward, name="Khu phố 3")
    QuarterFactory(site=other, name="Khu phố 9")  # same name in the other ward: never linked
    try:
        old = _migrate(BEFORE)
        hood = old.get_model("feedback", "Neighbourhood")
        question = old.get_model("feedback", "Question")
        three = hood.objects.create(site_id=ward.pk, name="Khu phố 3", sort_order=3)
        nine = hood.objects.create(site_id=ward.pk, name="Khu phố 9", sort_order=9)  # only the Q&A list had it
        moment = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
        common = {"site_id": ward.pk, "page_id": page.pk, "received_at": moment, "consent_at": moment}
        common["due_date"] = moment.date() + datetime.timedelta(days=21)
        question.objects.create(code="A1", full_name="A", content="Câu hỏi một", neighbourhood=three, **common)
        question.objects.create(code="A2", full_name="B", content="Câu hỏi hai", neighbourhood=nine, **common)
        question.objects.create(code="A3", full_name="C", content="Câu hỏi ba", **common)

        new = _migrate(AFTER)
        rows = {row.code: row for row in new.get_model("feedback", "Question").objects.all()}
        quarter = new.get_model("organisation", "Quarter")
        assert rows["A1"].neighbourhood_id == shared.pk
        added = quarter.objects.get(pk=rows["A2"].neighbourhood_id)
        assert (added.site_id, added.name, added.live) == (ward.pk, "Khu phố 9", True)
        assert rows["A3"].neighbourhood_id is None
        assert quarter.objects.filter(site_id=ward.pk).count() == 2
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("feedback"))
