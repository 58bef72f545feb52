"""Excel import of households (with members) and of citizens registering for Công dân học tập.

The same code runs the dry run and the real import, inside one transaction: the dry
run always rolls back; the real import rolls back everything when any row is wrong,
so a bad file stores nothing.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.db import transaction

from congphuong.core.archives import ArchiveTooLarge, check_archive
from congphuong.core.spreadsheets import cell_text, set_xlsx_value
from congphuong.core.text import fold

from . import availability
from .choices import LearningModel, OccupationGroup, SchoolingStatus, Sex
from .models import Citizen, CriteriaSet, Household, HouseholdMember, LearningQuarter, Registration

MAX_BYTES = 5 * 1024 * 1024
# What the workbook may unpack to (core/archives.py): a real 5 MB list unpacks to a few tens of MB.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
EXAMPLE_MARK = "vi du"  # a first cell reading "VÍ DỤ" marks the template's example row


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool = True
    hint: str = ""
    example: object = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]


HOUSEHOLD_SHEETS = (
    SheetSpec(
        "Hộ gia đình",
        (
            Column("Mã hộ", "code", hint="Mã hộ theo sổ khu phố, không trùng", example="VÍ DỤ"),
            Column("Khu phố", "quarter", hint="Đúng tên khu phố đã khai báo", example="Khu phố 1"),
            Column("Họ tên chủ hộ", "head_name", example="Nguyễn Văn An"),
            Column("Địa chỉ", "address", example="12 hẻm 34 đường Lê Lợi"),
            Column(
                "Đăng ký Gia đình học tập năm",
                "register_year",
                required=False,
                hint="Để trống nếu chưa đăng ký",
                example=2026,
            ),
        ),
    ),
    SheetSpec(
        "Thành viên",
        (
            Column("Mã hộ", "code", example="VÍ DỤ"),
            Column("Năm sinh", "birth_year", example=1980),
            Column("Giới tính", "sex", hint="Nam hoặc Nữ", example="Nam"),
            Column(
                "Tình trạng học tập",
                "schooling",
                hint="Theo danh sách ở trang Hướng dẫn",
                example="Không còn đi học (đã học xong)",
            ),
            Column(
                "Nhóm nghề nghiệp",
                "occupation",
                hint="Theo danh sách ở trang Hướng dẫn",
                example="Kinh doanh, buôn bán",
            ),
            Column("Là chủ hộ", "is_head", required=False, hint="Ghi x nếu là chủ hộ", example="x"),
        ),
    ),
)

CITIZEN_SHEETS = (
    SheetSpec(
        "Công dân học tập",
        (
            Column("Họ và tên", "full_name", example="VÍ DỤ Trần Thị Bình"),
            Column("Năm sinh", "birth_year", example=1990),
            Column("Giới tính", "sex", hint="Nam hoặc Nữ", example="Nữ"),
            Column("Khu phố", "quarter", example="Khu phố 1"),
            Column("Mã hộ", "household_code", required=False, hint="Mã hộ nếu đã có trong sổ", example=""),
            Column(
                "Cán bộ, công chức, viên chức", "is_public_staff", required=False, hint="Ghi x nếu đúng", example=""
            ),
            Column("Đăng ký Công dân học tập năm", "register_year", required=False, example=2026),
        ),
    ),
)

KINDS = {
    "ho-gia-dinh": ("Hộ gia đình và thành viên", HOUSEHOLD_SHEETS),
    "cong-dan": ("Công dân đăng ký Công dân học tập", CITIZEN_SHEETS),
}


@dataclass
class RowError:
    sheet: str
    row: int
    message: str

    def __str__(self):
        return f"Dòng {self.row}: {self.message}"


def column_header(sheet: str, key: str) -> str:
    """The header the template gives column `key` of sheet `sheet` (for messages that name it)."""
    for _label, specs in KINDS.values():
        for spec in specs:
            if spec.name == sheet:
                return next(column.header for column in spec.columns if column.key == key)
    raise KeyError(sheet)


@dataclass
class ImportReport:
    kind: str
    errors: list = field(default_factory=list)  # RowError or str (file-level)
    warnings: list = field(default_factory=list)
    created: dict = field(default_factory=dict)  # label → count
    preview: list = field(default_factory=list)  # first rows as read, for the report page
    already_there: int = 0  # rows whose household, member or citizen the registry already holds
    nothing_new: bool = False  # every row is already in the registry: not an error of the file
    committed: bool = False

    @property
    def ok(self):
        return not self.errors

    def errors_by_sheet(self):
        grouped = {}
        for error in self.errors:
            sheet = error.sheet if isinstance(error, RowError) else "Tệp"
            grouped.setdefault(sheet, []).append(str(error))
        return grouped

    def count(self, label, n=1):
        self.created[label] = self.created.get(label, 0) + n


class ImportFileError(Exception):
    pass


# --- reading ---------------------------------------------------------------------------------------


def _text(value) -> str:
    # Excel hands a typed date over as a datetime: echo it as written ("04/05/1990"), not "1990-05-04 00:00:00".
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return f"{value:%d/%m/%Y}"
    if isinstance(value, datetime.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    # Text cells are data: "=1+1" is stored as that text and exports escape it (core/spreadsheets.py).
    return cell_text(value)


def read_workbook(data: bytes):
    if len(data) > MAX_BYTES:
        raise ImportFileError("Tệp lớn hơn 5 MB; hãy chia nhỏ danh sách.")
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError("Tệp không phải Excel (.xlsx). Nếu là tệp .xls cũ, hãy mở và lưu lại dưới dạng .xlsx.")
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, MAX_UNPACKED_BYTES)  # before openpyxl unpacks anything
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ArchiveTooLarge as exc:
        raise ImportFileError(str(exc)) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError("Không đọc được tệp Excel; hãy lưu lại tệp dưới dạng .xlsx rồi thử lại.") from exc


def _find_sheet(workbook, spec):
    wanted = fold(spec.name)
    for sheet in workbook.worksheets:
        if fold(sheet.title).strip() == wanted:
            return sheet
    return None


def iter_rows(workbook, spec, report):
    """Yield (row_number, {key: text}) for the data rows of one sheet; header errors go to the report."""
    sheet = _find_sheet(workbook, spec)
    if sheet is None:
        if spec is HOUSEHOLD_SHEETS[1]:
            return  # members are optional
        report.errors.append(f"Không thấy trang “{spec.name}” trong tệp; hãy dùng tệp mẫu.")
        return
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    positions = {}
    folded = [fold(_text(cell)) for cell in header]
    for column in spec.columns:
        target = fold(column.header)
        if target in folded:
            positions[column.key] = folded.index(target)
        elif column.required:
            report.errors.append(f"Trang “{spec.name}” thiếu cột “{column.header}”.")
    if any(column.required and column.key not in positions for column in spec.columns):
        return
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            report.errors.append(f"Trang “{spec.name}” có hơn {MAX_ROWS} dòng; hãy chia nhỏ tệp.")
            return
        record = {key: _text(values[index]) if index < len(values) else "" for key, index in positions.items()}
        if not any(record.values()):
            continue
        first = record.get(spec.columns[0].key, "")
        if fold(first).startswith(EXAMPLE_MARK):
            continue
        yield number, record


# --- parsing values --------------------------------------------------------------------------------


def _key(text) -> str:
    """ "Không còn đi học (đã học xong)" → "khong con di hoc da hoc xong"; "da_hoc_xong" → "da hoc xong"."""
    return re.sub(r"[^a-z0-9]+", " ", fold(str(text))).strip()


def _choice(value, choices):
    """The code of a choice written as its code, its label, the start of its label or a unique part of it."""
    wanted = _key(value)
    if not wanted:
        return None
    for code, label in choices:
        if wanted in (_key(code), _key(label)):
            return code
    if len(wanted) < 3:
        return None
    for test in (lambda key: key.startswith(wanted), lambda key: wanted in key):
        matches = [code for code, label in choices if test(_key(label))]
        if len(matches) == 1:
            return matches[0]
    return None


def _allowed(choices) -> str:
    return "; ".join(str(label) for _code, label in choices)


def _choice_error(label, value, choices) -> str:
    return f"{label} '{value}' không hợp lệ; chọn một trong: {_allowed(choices)}"


def _yes(value):
    return fold(value) in {"x", "co", "c", "yes", "1", "dung"}


def _year(value, label, row, errors, sheet, low=1900, high=None):
    high = high or datetime.date.today().year + 1
    if value.isdigit() and low <= int(value) <= high:
        return int(value)
    hint = "; chỉ ghi năm, ví dụ 1990" if "/" in value else ""
    errors.append(RowError(sheet, row, f"{label} '{value}' không hợp lệ{hint}"))
    return None


class _Context:
    def __init__(self, site, today):
        self.site = site
        self.today = today
        self.quarters = {fold(q.name): q for q in LearningQuarter.objects.filter(site=site)}
        self.criteria = {}
        self.gap_explained = set()  # models whose missing criteria set the report already explains

    def quarter(self, name):
        return self.quarters.get(fold(name))

    def quarter_error(self, name) -> str:
        known = "; ".join(quarter.name for quarter in self.quarters.values()) or "chưa khai báo khu phố nào"
        return f"khu phố '{name}' chưa có trong danh mục khu phố (đã có: {known})"

    def criteria_set(self, learning_model, year):
        key = (learning_model, year)
        if key not in self.criteria:
            day = self.today if year == self.today.year else datetime.date(year, 1, 1)
            self.criteria[key] = CriteriaSet.objects.applicable(learning_model, day, self.site)
        return self.criteria[key]

    def registration_day(self, year):
        return self.today if year == self.today.year else datetime.date(year, 1, 1)


def _register(context, report, sheet, row, learning_model, year, **subject):
    criteria_set = context.criteria_set(learning_model, year)
    if criteria_set is None:
        column = column_header(sheet, "register_year")
        report.errors.append(
            RowError(
                sheet,
                row,
                f"chưa có bộ tiêu chí {LearningModel(learning_model).label} có hiệu lực năm {year} (xem lưu ý bên "
                f"dưới); muốn nhập danh sách trước thì để trống cột “{column}”",
            )
        )
        explained = context.gap_explained
        if learning_model not in explained:
            explained.add(learning_model)
            missing = availability.gap(learning_model, context.registration_day(year), context.site)
            if missing is not None:
                report.warnings.append(missing.message)
        return
    if Registration.objects.filter(site=context.site, year=year, learning_model=learning_model, **subject).exists():
        report.warnings.append(f"Dòng {row}: đã đăng ký năm {year}, bỏ qua.")
        return
    Registration.objects.create(
        site=context.site,
        year=year,
        learning_model=learning_model,
        criteria_set=criteria_set,
        registered_on=context.registration_day(year),
        **subject,
    )
    report.count("Lượt đăng ký")


def _import_households(workbook, context, report):
    household_spec, member_spec = HOUSEHOLD_SHEETS
    sheet = household_spec.name
    households, seen = {}, set()
    failed_rows = {}  # folded code → row of a household row with errors
    max_year = context.today.year + 1
    for row, record in iter_rows(workbook, household_spec, report):
        code, errors_before = record["code"], len(report.errors)
        if not code:
            report.errors.append(RowError(sheet, row, "thiếu mã hộ"))
        elif fold(code) in seen:
            report.errors.append(RowError(sheet, row, f"mã hộ '{code}' bị lặp trong tệp"))
        quarter = context.quarter(record["quarter"])
        if quarter is None:
            report.errors.append(RowError(sheet, row, context.quarter_error(record["quarter"])))
        for key, label in (("head_name", "họ tên chủ hộ"), ("address", "địa chỉ")):
            if not record[key]:
                report.errors.append(RowError(sheet, row, f"thiếu {label}"))
            elif len(record[key]) > (120 if key == "head_name" else 255):
                report.errors.append(RowError(sheet, row, f"{label} quá dài"))
        year = None
        if record.get("register_year"):
            year = _year(record["register_year"], "năm đăng ký", row, report.errors, sheet, low=2000, high=max_year)
        if len(report.errors) != errors_before:
            if code:
                failed_rows.setdefault(fold(code), row)
            continue
        seen.add(fold(code))
        if len(report.preview) < 20:
            report.preview.append([code, quarter.name, record["head_name"], record["address"], year or ""])
        household = Household.objects.filter(site=context.site, code=code).first()
        if household is not None:
            report.warnings.append(f"Dòng {row}: hộ mã '{code}' đã có trong sổ, giữ nguyên thông tin cũ.")
            report.already_there += 1
        else:
            household = Household(
                site=context.site, code=code, quarter=quarter, head_name=record["head_name"], address=record["address"]
            )
            household.save()
            report.count("Hộ gia đình")
            households[fold(code)] = household
        if year:
            _register(context, report, sheet, row, LearningModel.FAMILY, year, household=household)

    sheet = member_spec.name
    this_year = context.today.year
    reported_failed = set()
    for row, record in iter_rows(workbook, member_spec, report):
        errors_before = len(report.errors)
        household = households.get(fold(record["code"]))
        if household is None and fold(record["code"]) in failed_rows:
            # The household is in the file; its own row says what is wrong. Once per household.
            if fold(record["code"]) not in reported_failed:
                reported_failed.add(fold(record["code"]))
                report.errors.append(
                    RowError(
                        sheet,
                        row,
                        f"chưa thêm được thành viên của hộ '{record['code']}' vì dòng "
                        f"{failed_rows[fold(record['code'])]} ở trang “Hộ gia đình” có lỗi; sửa dòng đó trước",
                    )
                )
        elif household is None:
            if Household.objects.filter(site=context.site, code=record["code"]).exists():
                report.warnings.append(
                    f"Dòng {row} (trang Thành viên): hộ '{record['code']}' đã có sẵn, không thêm thành viên."
                )
                report.already_there += 1
                continue
            report.errors.append(RowError(sheet, row, f"mã hộ '{record['code']}' không có ở trang “Hộ gia đình”"))
        birth_year = _year(record["birth_year"], "năm sinh", row, report.errors, sheet, high=this_year)
        values = {}
        for key, label, choices in (
            ("sex", "giới tính", Sex.choices),
            ("schooling", "tình trạng học tập", SchoolingStatus.choices),
            ("occupation", "nhóm nghề nghiệp", OccupationGroup.choices),
        ):
            values[key] = _choice(record[key], choices)
            if values[key] is None:
                report.errors.append(RowError(sheet, row, _choice_error(label, record[key], choices)))
        if household is None or len(report.errors) != errors_before:
            continue
        HouseholdMember.objects.create(
            household=household, birth_year=birth_year, is_head=_yes(record.get("is_head", "")), **values
        )
        report.count("Thành viên")


def _registered_citizen(site, full_name, birth_year, quarter):
    """The citizen of the registry with this name (letter case and spacing aside), birth year and
    khu phố, if there is one: the import's notion of "already there"."""
    wanted = " ".join(unicodedata.normalize("NFC", full_name).split()).casefold()
    for citizen in Citizen.objects.filter(site=site, birth_year=birth_year, quarter=quarter, removed=False):
        if " ".join(unicodedata.normalize("NFC", citizen.full_name).split()).casefold() == wanted:
            return citizen
    return None


def _import_citizens(workbook, context, report):
    (spec,) = CITIZEN_SHEETS
    sheet = spec.name
    max_year = context.today.year + 1
    for row, record in iter_rows(workbook, spec, report):
        errors_before = len(report.errors)
        if not record["full_name"]:
            report.errors.append(RowError(sheet, row, "thiếu họ và tên"))
        birth_year = _year(record["birth_year"], "năm sinh", row, report.errors, sheet, high=context.today.year)
        sex = _choice(record["sex"], Sex.choices)
        if sex is None:
            report.errors.append(RowError(sheet, row, _choice_error("giới tính", record["sex"], Sex.choices)))
        quarter = context.quarter(record["quarter"])
        if quarter is None:
            report.errors.append(RowError(sheet, row, context.quarter_error(record["quarter"])))
        household = None
        if record.get("household_code"):
            household = Household.objects.filter(site=context.site, code=record["household_code"]).first()
            if household is None:
                report.errors.append(RowError(sheet, row, f"mã hộ '{record['household_code']}' chưa có trong sổ"))
        year = None
        if record.get("register_year"):
            year = _year(record["register_year"], "năm đăng ký", row, report.errors, sheet, low=2000, high=max_year)
        if len(report.errors) != errors_before:
            continue
        if len(report.preview) < 20:
            report.preview.append([record["full_name"], birth_year, quarter.name, year or ""])
        citizen = _registered_citizen(context.site, record["full_name"], birth_year, quarter)
        if citizen is not None:
            # The same file imported twice must not put the same people in the registry twice.
            report.warnings.append(
                f"Dòng {row}: công dân '{record['full_name']}' (sinh năm {birth_year}, {quarter.name}) "
                "đã có trong sổ, giữ nguyên thông tin cũ."
            )
            report.already_there += 1
        else:
            citizen = Citizen.objects.create(
                site=context.site,
                full_name=record["full_name"],
                birth_year=birth_year,
                sex=sex,
                quarter=quarter,
                household=household,
                is_public_staff=_yes(record.get("is_public_staff", "")),
            )
            report.count("Công dân")
        if year:
            _register(context, report, sheet, row, LearningModel.CITIZEN, year, citizen=citizen)


def run_import(kind, data: bytes, site, commit=False, today=None) -> ImportReport:
    """Read, validate and (with commit=True and no errors) store; otherwise nothing is stored."""
    if kind not in KINDS:
        raise KeyError(kind)
    report = ImportReport(kind=kind)
    try:
        workbook = read_workbook(data)
    except ImportFileError as exc:
        report.errors.append(str(exc))
        return report
    context = _Context(site, today or datetime.date.today())
    with transaction.atomic():
        if kind == "ho-gia-dinh":
            _import_households(workbook, context, report)
        else:
            _import_citizens(workbook, context, report)
        if not report.created and not report.errors and report.already_there:
            report.nothing_new = True
            report.errors.append(
                f"Không có gì mới để nhập: {report.already_there} dòng của tệp đã có trong sổ từ trước "
                "(có thể tệp này đã được nhập). Xem danh sách bên dưới."
            )
        elif not report.created and not report.errors:
            report.errors.append("Tệp không có dòng dữ liệu nào (dòng ví dụ của tệp mẫu được bỏ qua).")
        if commit and report.ok:
            report.committed = True
        else:
            transaction.set_rollback(True)
    workbook.close()
    return report


# --- the template ----------------------------------------------------------------------------------


# Columns filled from a fixed list: the template gives each an Excel drop-down (data validation).
def _choice_values(site) -> dict[str, list[str]]:
    return {
        "quarter": list(LearningQuarter.objects.filter(site=site).values_list("name", flat=True)),
        "sex": [str(label) for _c, label in Sex.choices],
        "schooling": [str(label) for _c, label in SchoolingStatus.choices],
        "occupation": [str(label) for _c, label in OccupationGroup.choices],
        "is_head": ["x"],
        "is_public_staff": ["x"],
    }


LIST_SHEET = "Danh mục"


def choice_lists(workbook, site) -> dict[str, str]:
    """A hidden sheet with one column per list; {column key: its range}. A range, not an inline
    list: Excel refuses inline lists over 255 characters (the learning statuses are longer)."""
    sheet = workbook.create_sheet(LIST_SHEET)
    sheet.sheet_state = "hidden"
    ranges = {}
    for index, (key, values) in enumerate(_choice_values(site).items(), start=1):
        if not values:
            continue
        letter = set_xlsx_value(sheet, 1, index, key).column_letter
        for row, value in enumerate(values, start=2):
            set_xlsx_value(sheet, row, index, value)  # khu phố names are user text
        ranges[key] = f"'{LIST_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def add_choice_lists(sheet, spec, lists):
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(spec.columns, start=1):
        if column.key not in lists:
            continue
        letter = sheet.cell(row=1, column=index).column_letter
        validation = DataValidation(type="list", formula1=lists[column.key], allow_blank=not column.required)
        validation.errorTitle = column.header
        validation.error = f"Hãy chọn {column.header.lower()} trong danh sách."
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        # From row 2: the example row gets the same drop-down.
        validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")


def template_workbook(kind, site) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    title, sheets = KINDS[kind]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.name)
        for index, column in enumerate(spec.columns, start=1):
            cell = set_xlsx_value(sheet, 1, index, column.header)
            cell.font = Font(bold=True)
            set_xlsx_value(sheet, 2, index, column.example).font = Font(italic=True)
            sheet.column_dimensions[cell.column_letter].width = max(14, len(column.header) + 4)
        sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Hướng dẫn")
    lines = [
        f"Tệp mẫu nhập {title.lower()}.",
        "Dòng 2 của mỗi trang là dòng ví dụ (ô đầu ghi “VÍ DỤ”): khi nhập sẽ được bỏ qua; có thể xóa.",
        "Không đổi tên trang, tên cột. Mỗi dòng một hộ / một người.",
        "Chỉ ghi năm sinh, không ghi ngày sinh; không ghi số định danh, số điện thoại.",
        "",
        "Khu phố đã khai báo:",
        *[f"  • {name}" for name in LearningQuarter.objects.filter(site=site).values_list("name", flat=True)],
        "",
        "Giới tính: " + "; ".join(label for _c, label in Sex.choices),
        "Tình trạng học tập: " + "; ".join(label for _c, label in SchoolingStatus.choices),
        "Nhóm nghề nghiệp: " + "; ".join(label for _c, label in OccupationGroup.choices),
    ]
    for row, line in enumerate(lines, start=1):
        set_xlsx_value(guide, row, 1, line)  # quarter names are user text
    guide.column_dimensions["A"].width = 120
    lists = choice_lists(workbook, site)  # last: Excel opens on the first sheet, which must be visible
    for spec in sheets:
        add_choice_lists(workbook[spec.name], spec, lists)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
