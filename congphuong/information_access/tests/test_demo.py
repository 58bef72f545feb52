import pytest
from django.utils import timezone

from congphuong.information_access.demo import build_demo
from congphuong.information_access.models import InformationAccessPage, InformationRequest, RequestEvent

pytestmark = pytest.mark.django_db


def test_build_demo_is_idempotent_and_varied(client, home, ward):
    page = build_demo(home, ward)
    build_demo(home, ward)
    assert InformationAccessPage.objects.child_of(home).count() == 1
    assert page.live and page.published_items.count() == 4
    requests = InformationRequest.objects.filter(site=ward)
    assert requests.count() == 6
    assert {item.status for item in requests} == {value for value, _ in InformationRequest.STATUS_CHOICES}
    assert requests.overdue(timezone.localdate()).count() == 1
    assert requests.filter(extended_at__isnull=False).count() == 1
    assert RequestEvent.objects.filter(request__site=ward, kind=RequestEvent.REFUSED).count() == 1

    html = client.get(page.url).content.decode()
    assert "Danh mục thông tin phường công khai" in html
    for item in requests:
        assert item.full_name not in html and item.id_number not in html
