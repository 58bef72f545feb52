"""Migrations core 0004 and feedback 0004: the working-day calendar's table moves from the Q&A app to
core with its rows, and its content type with it (so the groups keep their permissions on it)."""

import datetime
import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from congphuong.core.models import CalendarDay
from congphuong.core.workdays import WorkdayCalendar

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Same reason as learning/tests/test_approver_migration.py: opt in with the other migration tests.
    pytest.mark.skipif(os.environ.get("CONGPHUONG_MIGRATION_TESTS") != "1", reason="CONGPHUONG_MIGRATION_TESTS=1"),
]

BEFORE = [("core", "0003_english_locale"), ("feedback", "0003_drop_the_qa_khu_pho_list")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaves():
    graph = MigrationExecutor(connection).loader.graph
    return graph.leaf_nodes("core") + graph.leaf_nodes("feedback")


def test_the_calendar_keeps_its_rows_content_type_and_permissions():
    moved = ContentType.objects.get(app_label="core", model="calendarday").pk
    try:
        old = _migrate(BEFORE)
        old_type = old.get_model("contenttypes", "ContentType")
        assert old_type.objects.get(pk=moved).app_label == "feedback"  # the way back renames it too
        old.get_model("feedback", "CalendarDay").objects.create(
            date=datetime.date(2027, 2, 6), kind="work", note="Làm bù"
        )
        group = old.get_model("auth", "Group").objects.create(name="Quản trị thử")
        permission = old.get_model("auth", "Permission").objects.get(
            content_type_id=moved, codename="change_calendarday"
        )
        group.permissions.add(permission)

        _migrate(_leaves())
        ContentType.objects.clear_cache()
        assert ContentType.objects.get_for_model(CalendarDay).pk == moved
        assert not ContentType.objects.filter(app_label="feedback", model="calendarday").exists()
        assert list(CalendarDay.objects.values_list("date", "kind", "note")) == [
            (datetime.date(2027, 2, 6), "work", "Làm bù")
        ]
        assert WorkdayCalendar.load().is_working_day(datetime.date(2027, 2, 6))  # a Saturday worked
        held = Permission.objects.filter(group=Group.objects.get(name="Quản trị thử"))
        assert [(p.content_type.app_label, p.codename) for p in held] == [("core", "change_calendarday")]
    finally:
        _migrate(_leaves())
        ContentType.objects.clear_cache()
