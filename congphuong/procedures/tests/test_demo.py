import pytest

from congphuong.procedures.demo import build_demo
from congphuong.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


def test_build_demo_is_complete_and_idempotent(client, home, ward):
    index = build_demo(home, ward)
    count = ProcedurePage.objects.count()
    build_demo(home, ward)
    assert ProcedurePage.objects.count() == count
    assert count >= 10
    assert ProcedurePage.objects.values("sector").distinct().count() >= 3
    assert index.live and index.show_in_menus
    for procedure in ProcedurePage.objects.live():
        assert procedure.steps and procedure.channels.exists() and procedure.dossier_items.exists()
        assert procedure.national_portal_url.startswith("https://dichvucong.gov.vn/")
    html = client.get(index.url + "?q=dang+ky+khai+sinh").content.decode()
    assert "Đăng ký khai sinh" in html
    page = ProcedurePage.objects.get(title="Đăng ký khai sinh")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Tờ khai đăng ký khai sinh" in response.content.decode()
