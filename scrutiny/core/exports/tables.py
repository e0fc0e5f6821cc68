"""Tabular exports (CSV and Excel) from one description of columns and rows.

Every cell goes through `safe_cell`, so text that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) arrives as inert text.
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


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text; numbers and dates pass through as themselves."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (int, float, datetime.date, datetime.datetime)):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


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


def _csv_value(value: Any) -> str:
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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=export.sheet_name[:31])
    for index, column in enumerate(export.columns, start=1):
        sheet.column_dimensions[_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, h, Font) for h in export.headers()])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in export.values():
        sheet.append([_styled(sheet, value, wrap) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _bold(sheet, value, font_class):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    cell.font = font_class(bold=True)
    return cell


def _styled(sheet, value, alignment):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    # Explicitly text, so that openpyxl never reads a leading "=" as a formula.
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, datetime.datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, datetime.date):
        cell.number_format = "DD/MM/YYYY"
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
