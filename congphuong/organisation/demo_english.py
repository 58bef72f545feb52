"""The demo wards' English section (/en/; docs/english-section.md): the English home (a translation of
the ward's home), "About the ward", "Organisation, functions and duties" with the leaders' English
titles, and "Contact us" with the map; the ward settings' English name, address and hours; the English text
of Bình An's themes of the year.

Made with Wagtail's copy for translation (core/localisation.py), as an editor does with «Dịch».
Our own English text, written for these fictional wards. Idempotent."""

from __future__ import annotations

import unicodedata

from congphuong.core.localisation import translate_page

from .models import AboutIndexPage, AboutPage, Leader, OrganisationPage

# Vietnamese title (organisation/demo.LEADERS) → (English title, English duties).
LEADER_TITLES = {
    "Bí thư Đảng ủy phường": (
        "Secretary of the Ward Party Committee",
        "Leads the work of the ward's Party organisation as a whole; in charge of personnel, internal affairs, "
        "defence and public security.",
    ),
    "Phó Bí thư Thường trực Đảng ủy, Chủ tịch Hội đồng nhân dân phường": (
        "Standing Deputy Secretary of the Ward Party Committee, Chair of the Ward People's Council",
        "In charge of Party inspection and supervision; runs the work of the People's Council; meets citizens "
        "on the morning of the first Thursday of each month.",
    ),
    "Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường": (
        "Deputy Secretary of the Ward Party Committee, Chair of the Ward People's Committee",
        "Directs the work of the People's Committee; in charge of the budget, organisation and staff, inspection, "
        "meeting citizens and settling complaints and denunciations.",
    ),
    "Phó Chủ tịch Ủy ban nhân dân phường (phụ trách kinh tế)": (
        "Vice Chair of the Ward People's Committee (economy)",
        "In charge of the economy, finance, land, construction, urban management and the environment; "
        "follows Quarters 1 to 4.",
    ),
    "Phó Chủ tịch Ủy ban nhân dân phường (phụ trách văn hóa – xã hội)": (
        "Vice Chair of the Ward People's Committee (culture and social affairs)",
        "In charge of culture, education, health, labour and social welfare, digital transformation and "
        "administrative reform; follows Quarters 5 to 8.",
    ),
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường": (
        "Chair of the Ward Committee of the Viet Nam Fatherland Front",
        "Leads the Fatherland Front, its social supervision and its work with the mass organisations; receives "
        "residents' opinions and proposals.",
    ),
}

DEPARTMENTS_EN = [
    ("Office of the Party Committee", "Chief of Office", "Advises and assists the Party Committee."),
    (
        "Office of the People's Council and People's Committee",
        "Chief of Office",
        "General affairs, records and archives; runs this web portal.",
    ),
    ("Economic Division", "Head of Division", "Finance, land, construction, urban management and the environment."),
    (
        "Cultural and Social Affairs Division",
        "Head of Division",
        "Culture, information, sport, education, health, labour and social welfare.",
    ),
    (
        "Public Administration Service Centre",
        "Director",
        "Receives applications and returns results of administrative procedures at a single window.",
    ),
    ("Ward Police", "Chief of Police", "Public security and order; residence and identity records."),
    ("Ward Military Command", "Commander", "Local defence, militia and military service."),
]

# Per demo ward (host name): the English address and office hours.
ADDRESSES_EN = {
    "localhost": "18 Street No. 7, Quarter 3, Binh An Ward, Ho Chi Minh City",
    "phuong-tan-son-hoa.localhost": "9 Street No. 12, Quarter 2, Tan Son Hoa Ward, Ho Chi Minh City",
}
HOURS_EN = (
    "Monday – Friday: 7:30 – 11:30 and 13:00 – 17:00\n"
    "Saturday morning: 7:30 – 11:30 (applications received)\n"
    "Sundays and public holidays: closed"
)


def ascii_name(text: str) -> str:
    """Vietnamese without its marks, as English texts write place names: "Bình An" → "Binh An"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def ward_name_en(short_name: str) -> str:
    """ "Phường Bình An" → "Binh An Ward"."""
    name = ascii_name(short_name)
    for prefix, kind in (("Phuong ", "Ward"), ("Xa ", "Commune"), ("Dac khu ", "Special Zone")):
        if name.startswith(prefix):
            return f"{name[len(prefix) :]} {kind}"
    return name


def _settings(site):
    from congphuong.wards.models import WardSettings

    ward = WardSettings.for_site(site)
    name = ward_name_en(ward.short_name or site.site_name)
    changed = False
    if not ward.official_name_en:
        ward.official_name_en, changed = f"People's Committee of {name}", True
    if not ward.address_en:
        ward.address_en, changed = ADDRESSES_EN.get(site.hostname) or ascii_name(ward.address), True
    if not ward.working_hours_en:
        ward.working_hours_en, changed = HOURS_EN, True
    if changed:
        ward.save()
    return name


# The English text of a ward's theme of the year, by host name and year: Bình An gives one, Tân Sơn Hòa
# none (its English pages then show no theme banner).
THEMES_EN = {
    "localhost": {
        2025: (
            "The year of a leaner administration and the two-level local government at work; more digital "
            "services for residents"
        ),
        2026: (
            "The year of digital services for every resident; a learning society built from every family and "
            "every quarter; a civil, caring city"
        ),
    },
}


def _year_themes(site):
    """The English text of the ward's themes that have none yet, approved with a new revision."""
    from congphuong.wards.models import YearTheme

    for year, text in THEMES_EN.get(site.hostname, {}).items():
        for theme in YearTheme.objects.filter(site=site, year=year, live=True, text_en=""):
            theme.text_en = text
            theme.save_revision().publish()


def _leaders(site):
    for leader in Leader.objects.filter(site=site, position_en=""):
        english = LEADER_TITLES.get(leader.position)
        if english is None:
            continue
        Leader.objects.filter(pk=leader.pk).update(position_en=english[0], duties_en=f"<p>{english[1]}</p>")


# The Vietnamese «Liên hệ» page's contact points (organisation/demo.py) → (English unit, English note).
CONTACTS_EN = {
    "Trung tâm Phục vụ hành chính công": (
        "Public Administration Service Centre (single window)",
        "Applications and results of administrative procedures, during office hours",
    ),
    "Tiếp công dân": ("Citizen reception", "Every Thursday morning"),
    "Cổng thông tin điện tử (ban biên tập)": ("Web portal (editorial board)", ""),
    "Công an phường (trực 24/24)": ("Ward Police (24 hours)", ""),
}


def _contacts_en(index):
    """The contact points of the Vietnamese «Liên hệ» page in English: the same people, phones and
    e-mails, the units and notes translated (a point without an English name is left out)."""
    contacts = []
    for page in AboutPage.objects.child_of(index).filter(slug="lien-he"):
        for block in page.body:
            if block.block_type != "contacts":
                continue
            for point in block.value["contacts"]:
                english = CONTACTS_EN.get(point["unit"])
                if english is not None:
                    unit, note = english
                    contacts.append(
                        {
                            "unit": unit,
                            "person": point["person"],
                            "phone": point["phone"],
                            "email": point["email"],
                            "note": note,
                        }
                    )
    return contacts


def _map_block(index):
    """The Vietnamese "Bản đồ" block's image, with an English description."""
    for page in AboutPage.objects.child_of(index):
        for block in page.body:
            if block.block_type == "map" and block.value.get("image"):
                return {
                    "type": "map",
                    "value": {
                        "image": block.value["image"].pk,
                        "alt_text": "Map of the ward's boundaries and its quarters, with the neighbouring wards.",
                        "caption": "The ward's boundaries and quarters.",
                        "map_url": "https://www.openstreetmap.org/",
                    },
                }
    return None


def build_english_section(home, site):
    """The ward's English pages (idempotent): nothing is changed once a translation exists."""
    from wagtail.models import Locale

    name = _settings(site)
    _leaders(site)
    _year_themes(site)
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and home.get_translation_or_none(english) is not None:
        return home.get_translation(english)
    english_home = translate_page(
        home,
        title=name,
        slug=f"{home.slug}-en",
        seo_title="",
        intro=(
            f"The official web portal of the People's Committee of {name}, Ho Chi Minh City: who we are, "
            "what we do and how to reach us, in English."
        ),
    )
    index = AboutIndexPage.objects.child_of(home).first()
    if index is None:
        return english_home
    english_index = translate_page(
        index,
        title="About the ward",
        slug="about",
        intro=f"{name}: its organisation, functions and duties, leaders and contacts.",
        body=[],
    )
    organisation = OrganisationPage.objects.child_of(index).first()
    if organisation is not None:
        leaders = list(Leader.objects.filter(site=site, live=True).order_by("sort_order").values_list("pk", flat=True))
        translate_page(
            organisation,
            title="Organisation, functions and duties",
            slug="organisation",
            summary=f"How the People's Committee of {name} is organised, what it does, and who leads it.",
            body=[
                {
                    "type": "paragraph",
                    "value": (
                        f"<p>{name} is a commune-level unit of Ho Chi Minh City under the two-level local "
                        "government in force since 1 July 2025. The People's Council is the local body of state "
                        "power, elected by residents; the People's Committee, elected by the Council, is the "
                        "local administration.</p>"
                        "<p>The People's Committee carries out the law and the Council's resolutions in the "
                        "ward: it plans and reports on the local economy and budget, manages land, construction "
                        "and the urban environment, keeps civil status and residence records, runs schools, "
                        "health and social welfare programmes at ward level, handles administrative procedures "
                        "at its single window, receives citizens and settles their complaints, and keeps public "
                        "order with the ward police and military command.</p>"
                    ),
                },
                {
                    "type": "leaders",
                    "value": {"heading": "Leaders of the ward", "leaders": leaders, "show_duties": True},
                },
                {
                    "type": "departments",
                    "value": {
                        "heading": "Divisions and offices",
                        "intro": "",
                        "units": [
                            {
                                "name": unit,
                                "head_name": "",
                                "head_title": head,
                                "phone": "",
                                "email": "",
                                "duties": f"<p>{duties}</p>",
                            }
                            for unit, head, duties in DEPARTMENTS_EN
                        ],
                    },
                },
            ],
        )
    contact_body = [
        {
            "type": "contacts",
            "value": {"heading": "Official contacts", "show_ward_details": True, "contacts": _contacts_en(index)},
        },
    ]
    map_block = _map_block(index)
    if map_block is not None:
        contact_body.append(map_block)
    fields = {
        "title": "Contact us",
        "slug": "contact",
        "summary": "Address, phone, email, office hours and map.",
        "body": contact_body,
    }
    vietnamese_contact = AboutPage.objects.child_of(index).filter(slug="lien-he").first()
    if vietnamese_contact is not None:
        # The translation of «Liên hệ»: the switch and hreflang pair the two pages.
        translate_page(vietnamese_contact, **fields)
    else:
        contact = AboutPage(locale=english_index.locale, **fields)
        english_index.add_child(instance=contact)
        contact.save_revision().publish()
    # In the English menu (the Vietnamese home's children shown in menus were copied with it). Read again
    # first: its children were added through other copies of it, and a stale one would write back a wrong
    # count of children (Wagtail's tree would then give two pages one path).
    english_index = type(english_index).objects.get(pk=english_index.pk)
    english_index.show_in_menus = True
    english_index.save_revision().publish()
    return english_home
