"""Tabular exports (CSV and Excel) from one description of columns and rows.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
arrives inert: in Excel as a cell typed as text with Excel's own "quote prefix" (no apostrophe shows),
in CSV, which has no types, behind an apostrophe (`safe_cell`).
"""

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def plain_cell(value: Any) -> Any:
    """The value a spreadsheet cell holds: numbers, dates and times as themselves, everything else as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (int, float, datetime.date, datetime.datetime, datetime.time)):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return str(value)


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text for CSV, which has no other way to say "this is text"."""
    value = plain_cell(value)
    return "'" + value if looks_like_formula(value) else value


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 20


class TableExport:
    """Subclass with `title`, `columns` and `rows()`; `filename_stem` names the file."""

    title: str = "Export"
    sheet_name: str = "Sheet1"
    columns: list[Column] = []

    def rows(self) -> Iterable[Any]:
        raise NotImplementedError

    def filename_stem(self) -> str:
        return f"{slugify(self.title)}-{timezone.localdate():%Y-%m-%d}"

    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def values(self) -> Iterable[list[Any]]:
        for row in self.rows():
            yield [safe_cell(column.value(row)) for column in self.columns]

    def plain_values(self) -> Iterable[list[Any]]:
        """For Excel, where a cell typed as text and marked "quote prefix" is inert without showing a quote."""
        for row in self.rows():
            yield [plain_cell(column.value(row)) for column in self.columns]


def _csv_value(value: Any) -> str:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def render_csv(export: TableExport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in export.headers()])
    for row in export.values():
        writer.writerow([_csv_value(v) for v in row])
    # A byte-order mark makes Excel read UTF-8 (names like Butlin-Moran’s apostrophes) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_xlsx(export: TableExport) -> bytes:
    """A sheet a reader can filter and print: an autofilter on the headers, the header row printed on
    every page, a print area, A4 landscape one page wide; dates and times as real dates and times."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=export.sheet_name[:31])
    for index, column in enumerate(export.columns, start=1):
        sheet.column_dimensions[_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    # A streamed sheet writes its properties before the first row, so the page set-up comes first.
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.append([_bold(sheet, h, Font) for h in export.headers()])
    wrap = Alignment(wrap_text=True, vertical="top")
    last_row = 1
    for row in export.plain_values():
        sheet.append([_styled(sheet, value, wrap) for value in row])
        last_row += 1
    last_column = _column_letter(max(1, len(export.columns)))
    sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{last_column}{last_row}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _bold(sheet, value, font_class):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=plain_cell(value))
    cell.data_type = "s"
    cell.font = font_class(bold=True)
    return cell


def _styled(sheet, value, alignment):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # Typed as text, so neither openpyxl nor Excel ever reads a leading "=" as a formula; the quote
        # prefix keeps it text even when someone edits the cell, and shows no apostrophe to readers.
        cell.data_type = "s"
        cell.quotePrefix = looks_like_formula(value)
    elif isinstance(value, datetime.datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, datetime.date):
        cell.number_format = "DD/MM/YYYY"
    elif isinstance(value, datetime.time):
        cell.number_format = "HH:MM"
    cell.alignment = alignment
    return cell


RENDERERS = {"csv": render_csv, "xlsx": render_xlsx}


def export_response(export: TableExport, fmt: str) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404("Unknown export format")
    response = HttpResponse(RENDERERS[fmt](export), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{export.filename_stem()}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
