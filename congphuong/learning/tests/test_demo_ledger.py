"""The demo's fund books follow the rules the admin enforces: the demo writes its vouchers in bulk
(bulk_create skips the models' checks), so this holds them to the same rule — no earmarked purpose is
ever spent beyond what it holds, on any day of the books."""

import pytest
from wagtail.models import Site

from congphuong.learning.ledger import balances_by_purpose
from congphuong.learning.models import FundExpense, FundReceipt

pytestmark = pytest.mark.django_db


def test_no_purpose_of_the_demo_books_is_ever_below_zero(demo_world):
    checked = 0
    for site in Site.objects.all():
        days = sorted(
            set(FundReceipt.objects.filter(site=site).values_list("date", flat=True))
            | set(FundExpense.objects.filter(site=site).values_list("date", flat=True))
        )
        for day in days:
            for row in balances_by_purpose(site, day):
                assert row.balance >= 0, f"{site.site_name}: “{row.label}” âm {row.balance} ngày {day:%d/%m/%Y}"
                checked += 1
    assert checked > 0  # the demo has books to check
