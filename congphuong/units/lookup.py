""" "Phường cũ của tôi nay là phường nào?": from what a citizen types to the old unit and its successors.

The query is folded ("phuong 1 tan binh" finds "Phường 1, Quận Tân Bình"), the usual abbreviations are
spelled out (p., q., tp, hcm…), and every word must start a word of the unit's name, district or
province; a number must be the whole word ("1" does not find "Phường 10"). Old units first, then
current ones (someone may type the new name). Two queries (units, then successions with their
portals), whatever the size of the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When

from congphuong.wards.models import WardSettings

from .models import AdministrativeUnit, Succession, words

MAX_RESULTS = 20
MAX_QUERY_LENGTH = 120
# What people write for the unit types and the big cities (folded).
ABBREVIATIONS = {
    "p": "phuong",
    "ph": "phuong",
    "x": "xa",
    "q": "quan",
    "h": "huyen",
    "tx": "thi xa",
    "tt": "thi tran",
    "tp": "thanh pho",
    "tphcm": "ho chi minh",
    "hcm": "ho chi minh",
    "sg": "ho chi minh",
    "hn": "ha noi",
}


@dataclass
class Successor:
    unit: AdministrativeUnit
    whole: bool
    main: bool
    part: str
    portal_url: str = ""


@dataclass
class Match:
    unit: AdministrativeUnit
    successors: list[Successor] = field(default_factory=list)
    portal_url: str = ""  # a current unit's own portal, when a ward here is linked to it

    @property
    def is_split(self) -> bool:
        return len(self.successors) > 1


def query_words(query: str) -> list[str]:
    found = []
    for word in words(query[:MAX_QUERY_LENGTH]).split():
        found += ABBREVIATIONS.get(word, word).split()
    return found[:12]


def _portals(codes) -> dict[str, str]:
    """Unit code → the portal of the ward linked to it (WardSettings.unit_code)."""
    rows = WardSettings.objects.filter(unit_code__in=codes).select_related("site")
    return {row.unit_code: row.site.root_url for row in rows if row.site_id}


def find(query: str, limit: int = MAX_RESULTS) -> list[Match]:
    terms = query_words(query)
    if not terms:
        return []
    units = AdministrativeUnit.objects.all()
    for term in terms:
        units = units.filter(search_text__contains=f" {term} " if term.isdigit() else f" {term}")
    name = words(query)
    units = units.annotate(
        current=Case(When(valid_to__isnull=True, then=Value(1)), default=Value(0), output_field=IntegerField()),
        rank=Case(
            When(search_text__startswith=f" {name} ", then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
    ).order_by("current", "rank", "province_code", "district", "name")[:limit]
    matches = {unit.pk: Match(unit) for unit in units}
    links = (
        Succession.objects.filter(predecessor_id__in=list(matches))
        .select_related("successor")
        .order_by("-main", "successor__name")
    )
    successors = [(link.predecessor_id, Successor(link.successor, link.whole, link.main, link.part)) for link in links]
    portals = _portals({successor.unit.code for _pk, successor in successors} | {m.unit.code for m in matches.values()})
    for predecessor_id, successor in successors:
        successor.portal_url = portals.get(successor.unit.code, "") if successor.unit.is_current else ""
        matches[predecessor_id].successors.append(successor)
    for match in matches.values():
        match.portal_url = portals.get(match.unit.code, "") if match.unit.is_current else ""
    return list(matches.values())
