"""Workbooks: .xlsx and .xlsm through openpyxl (read-only, cached values only: nothing in the file is
run), which also gives hidden rows and columns and cell fills; .xls and .ods through python-calamine."""

import datetime
import io
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils.cell import range_boundaries
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .headers import HEADER_SCAN_ROWS
from .sheets import MAX_COLUMNS, MAX_DATA_ROWS, Sheet, UnreadableFile, fill_merged_cells, too_many_rows

DAMAGED = "The file is damaged: it is not a readable spreadsheet."


def excel_sheets(data: bytes) -> list[Sheet]:
    try:
        # keep_vba off and data_only on: an .xlsm's macros are dropped, formulas give their saved values.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_vba=False)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise UnreadableFile(DAMAGED) from None
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            if getattr(worksheet, "sheet_state", "visible") != "visible":
                continue
            sheet = Sheet(worksheet.title, [])
            for number, cells in enumerate(worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS), start=1):
                sheet.rows.append((number, [cell.value for cell in cells]))
                for index, cell in enumerate(cells):
                    colour = _fill_colour(cell)
                    if colour:
                        sheet.fills[(number, index)] = colour
                if number > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                    raise too_many_rows()
            merged = _read_sheet_xml(workbook, worksheet, sheet)
            fill_merged_cells(sheet.rows, merged)
            sheets.append(sheet)
    finally:
        workbook.close()
    return sheets


def _fill_colour(cell) -> str:
    """A solid fill's colour as RRGGBB, or "" (no fill, a pattern, or a theme colour)."""
    if not getattr(cell, "has_style", False):
        return ""
    fill = cell.fill
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return ""
    colour = fill.fgColor
    if colour.type == "rgb" and isinstance(colour.rgb, str):
        return colour.rgb[-6:].upper()
    if colour.type == "indexed" and isinstance(colour.indexed, int) and colour.indexed < len(COLOR_INDEX):
        return COLOR_INDEX[colour.indexed][-6:].upper()
    return ""


def _read_sheet_xml(workbook, worksheet, sheet: Sheet) -> list[tuple[int, int, int, int]]:
    """Read-only worksheets expose neither merged cells nor hidden rows and columns, so read
    <mergeCell ref="A5:A7"/>, <row r="9" hidden="1"> and <col min="4" max="4" hidden="1"/> from the XML."""
    archive = getattr(workbook, "_archive", None)
    path = getattr(worksheet, "_worksheet_path", None)
    if archive is None or not path:
        return []
    merged = []
    with archive.open(path) as stream:
        for _event, element in iterparse(stream, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "mergeCell" and element.get("ref"):
                merged.append(range_boundaries(element.get("ref")))
            elif tag == "row" and element.get("hidden") in ("1", "true") and (element.get("r") or "").isdigit():
                sheet.hidden_rows.add(int(element.get("r")))
            elif tag == "col" and element.get("hidden") in ("1", "true"):
                first, last = int(element.get("min", 0)), int(element.get("max", 0))
                sheet.hidden_columns.update(range(first - 1, min(last, MAX_COLUMNS)))
            element.clear()
    return merged


def calamine_sheets(data: bytes) -> list[Sheet]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine's errors, and Rust panics surfaced as Python errors
        raise UnreadableFile(DAMAGED) from None
    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                continue
            worksheet = workbook.get_sheet_by_name(meta.name)
            values = worksheet.to_python(skip_empty_area=False, nrows=MAX_DATA_ROWS + HEADER_SCAN_ROWS + 2)
            if len(values) > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                raise too_many_rows()
            rows = [
                (number, [_calamine_value(v) for v in cells[:MAX_COLUMNS]])
                for number, cells in enumerate(values, start=1)
            ]
            ranges = worksheet.merged_cell_ranges or []
            fill_merged_cells(rows, [(c0 + 1, r0 + 1, c1 + 1, r1 + 1) for (r0, c0), (r1, c1) in ranges])
            sheets.append(Sheet(meta.name, rows))
    except UnreadableFile:
        raise
    except Exception:
        raise UnreadableFile(DAMAGED) from None
    finally:
        workbook.close()
    return sheets


def _calamine_value(value):
    if value == "":
        return None
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return str(value)
    return value
