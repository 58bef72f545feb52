"""The demo data (`load_demo --with-accounts`): the session's `demo_world` (congphuong/conftest.py),
built once for every test that reads it and rolled back at the end; each test runs in a savepoint
inside it (pytest-django's `db`), so what one test changes never reaches the next.
"""

import pytest

WARD_A_HOST = "localhost"  # Phường Bình An: the ward being attacked
WARD_B_HOST = "phuong-tan-son-hoa.localhost"  # Phường Tân Sơn Hòa: the attacker's ward
# Ward B's demo accounts, one per role (editor, approver, site administrator, learning officer).
WARD_B_ROLES = ("bientap_tsh", "lanhdao_tsh", "quantri_tsh", "khuyenhoc_tsh")


@pytest.fixture
def wards(demo_world, db):
    from wagtail.models import Site

    return Site.objects.get(hostname=WARD_A_HOST), Site.objects.get(hostname=WARD_B_HOST)


def account(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
