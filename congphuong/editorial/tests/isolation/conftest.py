"""The demo data (`load_demo --with-accounts`), built once for this package and rolled back after it.

Building the two demo wards takes long, so the package's tests get them once inside a transaction
of their own; each test then runs in a savepoint inside it (pytest-django's `db`), so what one test
changes never reaches the next, and nothing is left for other packages.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

WARD_A_HOST = "localhost"  # Phường Bình An: the ward being attacked
WARD_B_HOST = "phuong-tan-son-hoa.localhost"  # Phường Tân Sơn Hòa: the attacker's ward
# Ward B's demo accounts, one per role (editor, approver, site administrator, learning officer).
WARD_B_ROLES = ("bientap_tsh", "lanhdao_tsh", "quantri_tsh", "khuyenhoc_tsh")


@pytest.fixture(scope="package")
def demo_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", "--with-accounts", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def wards(demo_world, db):
    from wagtail.models import Site

    return Site.objects.get(hostname=WARD_A_HOST), Site.objects.get(hostname=WARD_B_HOST)


def account(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
