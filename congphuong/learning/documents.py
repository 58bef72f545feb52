"""A small document model for reports and lists, rendered to XLSX (openpyxl) or PDF (fpdf2).

A report is a title plus sections; a section has paragraphs and tables. The same
object feeds both formats, so the PDF and the spreadsheet always carry the same numbers.
"""

import datetime
import io
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

from congphuong.core.spreadsheets import set_xlsx_value

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# fontTools logs every glyph of every font subset at INFO: pages of noise per PDF.
logging.getLogger("fontTools").setLevel(logging.WARNING)


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list]
    money_columns: tuple[int, ...] = ()
    widths: tuple[int, ...] = ()  # relative widths for the PDF


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    title: str
    unit_name: str  # ỦY BAN NHÂN DÂN PHƯỜNG …
    parent_unit: str = ""
    subtitle: str = ""
    place_date: str = ""
    sections: list[Section] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""
    recipient: str = ""  # "Kính gửi: …"
    prepared_by: str = ""  # who drafts it for the signer (e.g. the culture-society office)

    @property
    def row_count(self) -> int:
        return sum(len(table.rows) for section in self.sections for table in section.tables)


def _cell_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)  # a spreadsheet cell is a float
    if value is None:
        return ""
    return value


def write_sheet(sheet, headers, rows, money_columns=(), start_row=1):
    from openpyxl.styles import Alignment, Font

    for column, header in enumerate(headers, start=1):
        cell = set_xlsx_value(sheet, start_row, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = set_xlsx_value(sheet, start_row + offset, column, _cell_value(value))
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
            elif column - 1 in money_columns:
                cell.number_format = "#,##0"
    for column, header in enumerate(headers, start=1):
        longest = max([len(str(header))] + [len(str(_cell_value(row[column - 1]))) for row in rows[:200]])
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = min(max(10, longest + 2), 60)
    return start_row + len(rows) + 1


def sheet_title(text, used):
    bad = "[]:*?/\\"
    title = "".join("-" if char in bad else char for char in text)[:31] or "Trang"
    base, n = title, 2
    while title in used:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title)
    return title


def report_to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    summary = workbook.active
    used = set()
    summary.title = sheet_title("Tổng hợp", used)
    row = 1
    for text, bold in (
        (report.parent_unit, False),
        (report.unit_name, True),
        (report.title.upper(), True),
        (report.subtitle, False),
        (report.place_date, False),
        (f"Kính gửi: {report.recipient}" if report.recipient else "", False),
        (f"Cơ quan tham mưu: {report.prepared_by}" if report.prepared_by else "", False),
    ):
        if text:
            set_xlsx_value(summary, row, 1, text).font = Font(bold=bold)
            row += 1
    for section in report.sections:
        row += 1
        set_xlsx_value(summary, row, 1, section.heading).font = Font(bold=True)
        row += 1
        for paragraph in section.paragraphs:
            set_xlsx_value(summary, row, 1, paragraph)
            row += 1
        for table in section.tables:
            sheet = workbook.create_sheet(sheet_title(table.caption, used))
            write_sheet(sheet, table.headers, table.rows, table.money_columns)
            set_xlsx_value(summary, row, 1, f"Bảng “{table.caption}”: xem trang {sheet.title}")
            row += 1
    summary.column_dimensions["A"].width = 100
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def table_to_xlsx(title: str, headers, rows, money_columns=()) -> bytes:
    return tables_to_xlsx([Table(title, headers, rows, money_columns)])


def tables_to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table, named after its caption, the header row frozen."""
    from openpyxl import Workbook

    workbook = Workbook()
    used: set[str] = set()
    for number, table in enumerate(tables):
        sheet = workbook.active if number == 0 else workbook.create_sheet()
        sheet.title = sheet_title(table.caption, used)
        write_sheet(sheet, table.headers, table.rows, table.money_columns)
        sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


# --- PDF ---------------------------------------------------------------------------------------------

FONT_CANDIDATES = (
    # Debian/Ubuntu: package fonts-dejavu-core
    "/usr/share/fonts/truetype/dejavu/",
    # Fedora/RHEL: dejavu-sans-fonts
    "/usr/share/fonts/dejavu-sans-fonts/",
    "/usr/share/fonts/dejavu/",
    # Alpine: font-dejavu
    "/usr/share/fonts/TTF/",
)


class PdfFontMissing(RuntimeError):
    pass


def font_paths() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold: a font with every Vietnamese letter. Never downloaded."""
    configured = getattr(settings, "CONGPHUONG_PDF_FONT_DIR", "")
    for directory in ([configured] if configured else []) + list(FONT_CANDIDATES):
        regular, bold = Path(directory) / "DejaVuSans.ttf", Path(directory) / "DejaVuSans-Bold.ttf"
        if regular.is_file():
            return regular, bold if bold.is_file() else regular
    raise PdfFontMissing(
        "Máy chủ chưa có phông chữ DejaVu Sans để in tiếng Việt ra PDF. "
        "Hãy cài gói fonts-dejavu-core (Debian/Ubuntu) hoặc đặt CONGPHUONG_PDF_FONT_DIR."
    )


def _format_cell(value, money=False):
    from .numbers import plain_number

    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return plain_number(value)
    if value is None:
        return ""
    return str(value)


def report_to_pdf(report: Report) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    regular, bold = font_paths()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(18, 15, 15)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(report.title)
    pdf.set_creator("Cổng Phường")
    pdf.add_page()
    width = pdf.epw

    # Letterhead: the unit on the left, the national motto on the right.
    half = width / 2
    top = pdf.get_y()
    pdf.set_font("DejaVu", "", 9)
    if report.parent_unit:
        pdf.multi_cell(half, 5, report.parent_unit.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 9)
    pdf.multi_cell(half, 5, report.unit_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + half, top)
    pdf.multi_cell(half, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C", new_x="LEFT", new_y="NEXT")
    pdf.multi_cell(half, 5, "Độc lập – Tự do – Hạnh phúc", align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    if report.place_date:
        pdf.multi_cell(half, 5, report.place_date, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 6)

    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(width, 7, report.title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    if report.subtitle:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(width, 6, report.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    if report.recipient:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(width, 6, f"Kính gửi: {report.recipient}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    heading_style = FontFace(emphasis="BOLD", fill_color=(240, 233, 223))
    for section in report.sections:
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(width, 6, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for paragraph in section.paragraphs:
            pdf.multi_cell(width, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        for table in section.tables:
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 9.5)
            pdf.multi_cell(width, 5, table.caption, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 8.5)
            kwargs = {"col_widths": table.widths} if table.widths else {}
            with pdf.table(
                headings_style=heading_style,
                line_height=4.6,
                text_align="LEFT",
                first_row_as_headings=True,
                **kwargs,
            ) as pdf_table:
                header = pdf_table.row()
                for heading in table.headers:
                    header.cell(heading)
                for values in table.rows:
                    row = pdf_table.row()
                    for index, value in enumerate(values):
                        numeric = isinstance(value, (Decimal, int)) and not isinstance(value, bool)
                        row.cell(
                            _format_cell(value, index in table.money_columns), align="RIGHT" if numeric else "LEFT"
                        )
            pdf.ln(2)
        pdf.ln(2)

    if report.signer_title or report.signer_name:
        pdf.ln(4)
        pdf.set_x(pdf.l_margin + half)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(half, 5, report.signer_title.upper(), align="C", new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(half, 5, "(Ký, ghi rõ họ tên, đóng dấu)", align="C", new_x="LEFT", new_y="NEXT")
        pdf.ln(14)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(half, 5, report.signer_name, align="C", new_x="LMARGIN", new_y="NEXT")
    if report.prepared_by:
        pdf.ln(4)
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(width, 5, f"Cơ quan tham mưu: {report.prepared_by}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def file_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
