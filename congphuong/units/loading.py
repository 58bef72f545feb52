"""Load the shipped units file: all or nothing, idempotent, never over an administrator's correction."""

from __future__ import annotations

import datetime
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import AdministrativeUnit, Succession, search_text_for

DATA_FILE = Path(__file__).resolve().parent / "data" / "units.json.gz"
FIELDS = ("code", "name", "unit_type", "district", "province", "province_code", "valid_from", "valid_to")


class UnitsFileError(Exception):
    """A file that cannot be loaded: the message says which and why, in Vietnamese."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    kept_corrected: int = 0
    unchanged: int = 0
    successions_created: int = 0
    source: str = ""

    def lines(self) -> list[str]:
        return [
            f"Nguồn: {self.source}",
            f"Đơn vị: {self.created} mới, {self.updated} cập nhật, {self.unchanged} không đổi, "
            f"{self.kept_corrected} giữ nguyên vì đã sửa tay",
            f"Quan hệ kế thừa: {self.successions_created} mới",
        ]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def read(path: Path = DATA_FILE) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, EOFError, ValueError) as exc:
        raise UnitsFileError(f"Không đọc được tệp đơn vị hành chính {path}: {exc.__class__.__name__}.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        raise UnitsFileError(f"Tệp {path} không có danh sách đơn vị («units»).")
    for number, unit in enumerate(data["units"], start=1):
        missing = [name for name in ("key", "code", "name", "type", "province", "province_code") if not unit.get(name)]
        if missing:
            raise UnitsFileError(f"Tệp {path}, đơn vị thứ {number}: thiếu {', '.join(missing)}.")
    return data


@transaction.atomic
def load(path: Path = DATA_FILE) -> LoadReport:
    data = read(path)
    report = LoadReport(
        source=f"{data.get('source', '?')} {data.get('source_version', '')}, tạo {data.get('built_on')}"
    )
    existing = {unit.source_key: unit for unit in AdministrativeUnit.objects.all()}
    new_units, changed = [], []
    for item in data["units"]:
        values = {
            "code": item["code"],
            "name": item["name"],
            "unit_type": item["type"],
            "district": item.get("district", ""),
            "province": item["province"],
            "province_code": item["province_code"],
            "valid_from": _date(item.get("valid_from")),
            "valid_to": _date(item.get("valid_to")),
        }
        values["search_text"] = search_text_for(values["name"], values["district"], values["province"])
        unit = existing.get(item["key"])
        if unit is None:
            new_units.append(AdministrativeUnit(source_key=item["key"], **values))
        elif unit.corrected:
            report.kept_corrected += 1
        elif any(getattr(unit, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(unit, name, value)
            changed.append(unit)
        else:
            report.unchanged += 1
    AdministrativeUnit.objects.bulk_create(new_units, batch_size=1000)
    AdministrativeUnit.objects.bulk_update(changed, [*FIELDS, "search_text"], batch_size=1000)
    report.created, report.updated = len(new_units), len(changed)

    ids = dict(AdministrativeUnit.objects.values_list("source_key", "pk"))
    have = set(Succession.objects.values_list("predecessor_id", "successor_id"))
    new_links = []
    for number, link in enumerate(data.get("successions", []), start=1):
        if link.get("from") not in ids or link.get("to") not in ids:
            raise UnitsFileError(
                f"Tệp {path}, quan hệ kế thừa thứ {number}: "
                f"đơn vị «{link.get('from')}» hoặc «{link.get('to')}» không có."
            )
        pair = (ids[link["from"]], ids[link["to"]])
        if pair not in have:
            have.add(pair)
            new_links.append(
                Succession(
                    predecessor_id=pair[0], successor_id=pair[1], whole=bool(link["whole"]), main=bool(link["main"])
                )
            )
    Succession.objects.bulk_create(new_links, batch_size=1000)
    report.successions_created = len(new_links)
    return report
