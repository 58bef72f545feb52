import factory
import wagtail_factories
from wagtail.models import Page, Site

from congphuong.home.models import HomePage
from congphuong.wards.models import WardSettings, YearTheme


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Phường Thử Nghiệm {n}")
    slug = factory.Sequence(lambda n: f"phuong-thu-nghiem-{n}")

    class Meta:
        model = HomePage


def make_ward(hostname="ward.test", name="Phường Thử Nghiệm", default=False, port=80):
    """A ward: a HomePage under the tree root, a Site for it and its settings."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title=name)
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name, is_default_site=default)
    WardSettings.objects.create(
        site=site,
        official_name=f"ỦY BAN NHÂN DÂN {name.upper()}",
        short_name=name,
        parent_unit="Thành phố Hồ Chí Minh",
        address="Số 1 đường Thử Nghiệm",
        phone="028 3800 0000",
        email="ubnd@example.vn",
        working_hours="Thứ Hai – Thứ Sáu: 7:30 – 17:00\nSáng Thứ Bảy: 7:30 – 11:30",
    )
    return site


class YearThemeFactory(factory.django.DjangoModelFactory):
    year = 2026
    text = "Năm đẩy mạnh chuyển đổi số và cải cách hành chính"
    live = True

    class Meta:
        model = YearTheme
