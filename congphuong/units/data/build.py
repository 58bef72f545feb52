"""Make units.json.gz from the `vietnamadminunits` package (MIT; github.com/tranngocminhhieu/vietnamadminunits).

A developer's tool, not run by the portal: the portal ships the file it makes (with the package's
version, its licence and the date) and loads it with `manage.py load_admin_units`. The package itself
is not a dependency: it pulls in shapely, geopy and tqdm for features we do not use.

    pip download --no-deps vietnamadminunits==1.0.4 && unzip vietnamadminunits-1.0.4-py3-none-any.whl -d /tmp/vau
    python congphuong/units/data/build.py /tmp/vau/vietnamadminunits 1.0.4
"""

import datetime
import gzip
import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEGACY_UNTIL = "2025-06-30"  # the last day of the district level and of the old communes
NEW_FROM = "2025-07-01"


def build(package: Path, version: str) -> dict:
    db = sqlite3.connect(package / "data" / "dataset.db")
    db.row_factory = sqlite3.Row
    units = []
    for row in db.execute("SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"):
        key = f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"
        # An island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) was a unit itself.
        units.append(
            {
                "key": key,
                "code": row["wardCode"] or row["districtCode"],
                "name": row["ward"] or row["district"],
                "type": row["wardType"] or row["districtType"],
                "district": row["district"] if row["ward"] else "",
                "province": row["province"],
                "province_code": row["provinceCode"],
                "valid_to": LEGACY_UNTIL,
            }
        )
    new_keys = {}
    for row in db.execute("SELECT * FROM admin_units ORDER BY provinceCode, wardCode"):
        key = f"2025_{row['provinceKey']}_{row['wardKey']}"
        new_keys[(row["provinceKey"], row["wardKey"])] = key
        units.append(
            {
                "key": key,
                "code": row["wardCode"],
                "name": row["ward"],
                "type": row["wardType"],
                "district": "",
                "province": row["province"],
                "province_code": row["provinceCode"],
                "valid_from": NEW_FROM,
            }
        )
    converter = json.loads((package / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    successions = []
    divided = {old for province in converter["DICT_PROVINCE_WARD_DIVIDED"].values() for old in province}
    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                if old not in divided:
                    successions.append({"from": old, "to": new_keys[(province, new_ward)], "whole": True, "main": True})
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                successions.append(
                    {
                        "from": old,
                        "to": new_keys[(province, part["newWardKey"])],
                        "whole": False,
                        "main": bool(part["isDefaultNewWard"]),
                    }
                )
    known = {unit["key"] for unit in units}
    successions = [item for item in successions if item["from"] in known and item["to"] in known]
    return {
        "source": "vietnamadminunits (MIT, github.com/tranngocminhhieu/vietnamadminunits)",
        "source_version": version,
        "built_on": datetime.date.today().isoformat(),
        "units": units,
        "successions": successions,
    }


if __name__ == "__main__":
    data = build(Path(sys.argv[1]), sys.argv[2])
    with gzip.open(HERE / "units.json.gz", "wt", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
    print(len(data["units"]), "units,", len(data["successions"]), "successions")
