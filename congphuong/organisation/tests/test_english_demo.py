"""The demo wards ship an English section (organisation/demo_english.py, docs/english-section.md)."""

import re

from wagtail.models import Page, Site

from congphuong.assessment import checks
from congphuong.core.tests.test_english_page_types import VIETNAMESE
from congphuong.organisation.english import english_section


def _get(client, site, path):
    return client.get(path, HTTP_HOST=f"{site.hostname}:{site.port}" if site.port != 80 else site.hostname)


def test_each_demo_ward_has_its_english_section(demo_world, db, client):
    sites = list(Site.objects.filter(hostname__in=["localhost", "phuong-tan-son-hoa.localhost"]))
    assert len(sites) == 2
    # The English pages were copied into the tree several ways: it holds together (paths, child counts).
    assert not any(Page.find_problems())
    names = {"localhost": "Binh An Ward", "phuong-tan-son-hoa.localhost": "Tan Son Hoa Ward"}
    for site in sites:
        section = english_section(site)
        assert section.complete, section.missing
        home = _get(client, site, "/en/")
        assert home.status_code == 200 and '<html lang="en">' in home.content.decode()
        assert names[site.hostname] in home.content.decode()
        organisation = _get(client, site, "/en/about/organisation/").content.decode()
        assert "Organisation, functions and duties" in organisation
        assert "Chair of the Ward People&#x27;s Committee" in organisation  # leaders' English titles
        other = names["localhost" if site.hostname != "localhost" else "phuong-tan-son-hoa.localhost"]
        assert other not in organisation  # no cross-ward leak
        contact = _get(client, site, "/en/about/contact/").content.decode()
        assert "Office hours:" in contact and "Ho Chi Minh City" in contact and "See the map online" in contact
        # The translation of «Liên hệ», with its contact points (phones, e-mails) in English.
        assert 'href="/gioi-thieu/lien-he/" hreflang="vi"' in contact
        vietnamese = _get(client, site, "/gioi-thieu/lien-he/").content.decode()
        assert 'href="/en/about/contact/" hreflang="en"' in vietnamese
        for text in ("Public Administration Service Centre", "028 3800 1111", "Citizen reception", "028 3800 2222"):
            assert text in contact, text
        assert "Tiếp công dân" not in contact and "Trung tâm Phục vụ" not in contact
        # The accessibility statement in English, linked from the English footer (Thông tư 26/2020).
        assert 'href="/en/accessibility/"' in home.content.decode()
        statement = _get(client, site, "/en/accessibility/").content.decode()
        main = statement[statement.index("<main") : statement.index("</main>")]
        assert "WCAG 2.1, level AA" in main and "Known limitations" in main
        assert not VIETNAMESE.search(re.sub(r"<[^>]+>", " ", main)), VIETNAMESE.findall(main)
        item = next(
            item
            for group in checks.assess(site).groups
            for item in group.items
            if item.name.startswith("Phần tiếng Anh")
        )
        assert item.status == checks.PASS
