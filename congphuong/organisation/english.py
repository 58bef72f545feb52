"""Is a ward's English section there? (Nghị định 42/2022/NĐ-CP Điều 7; docs/english-section.md)

The law asks for, in English, at least the unit's organisation, its functions and duties, and its
official contacts. A ward has them when:

- its home page has a live English translation (the English home, served at /en/);
- below it, a live, public English organisation page (``OrganisationPage``: the organisation, the
  functions and duties, the leaders with their English titles);
- its settings give the English name and address, and a phone or an e-mail (the footer of every
  English page, and the English home's contact block).

Read by the compliance board (source ``english_section``) and the self-assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Locale, Page

ENGLISH = "en"


@dataclass
class EnglishSection:
    home: Page | None = None
    organisation: Page | None = None
    contacts: bool = False
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    def pages(self):
        """The ward's English pages (every state), for the compliance board."""
        if self.home is None:
            return Page.objects.none()
        return Page.objects.filter(path__startswith=self.home.path, locale_id=self.home.locale_id)


def english_section(site) -> EnglishSection:
    from congphuong.wards.models import WardSettings

    from .models import OrganisationPage

    section = EnglishSection()
    locale = Locale.objects.filter(language_code=ENGLISH).first()
    if locale is not None:
        section.home = Page.objects.live().filter(translation_key=site.root_page.translation_key, locale=locale).first()
    if section.home is None:
        section.missing.append("trang chủ tiếng Anh (bản dịch của trang chủ phường, địa chỉ /en/)")
    else:
        section.organisation = (
            OrganisationPage.objects.live().public().descendant_of(section.home).order_by("path").first()
        )
    if section.organisation is None:
        section.missing.append("trang tổ chức bộ máy, chức năng nhiệm vụ bằng tiếng Anh")
    ward = WardSettings.objects.filter(site=site).first()
    section.contacts = bool(ward and ward.official_name_en and ward.address_en and (ward.phone or ward.email))
    if not section.contacts:
        section.missing.append("tên cơ quan, địa chỉ bằng tiếng Anh và điện thoại hoặc thư điện tử (Thông tin phường)")
    return section
