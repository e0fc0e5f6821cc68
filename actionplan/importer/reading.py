"""Reading a spreadsheet into rows of cells: .xlsx (openpyxl, read-only) and .csv.

A plan often opens with a title row or two, so the header row is the one (among the first rows)
whose cells read most like headers. Merged cells hold their value only in the top-left cell:
the value is copied to every cell of the range, as the reader of the printed plan sees it.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from .headers import HEADER_SCAN_ROWS, header_score

MAX_DATA_ROWS = 20_000
MAX_COLUMNS = 60
# A small .xlsx that unzips to gigabytes is an attack, not a plan.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
EXTENSIONS = ("xlsx", "csv")


class UnreadableFile(ValueError):
    """The file is not a spreadsheet we can read; the message says why, for the user."""


@dataclass
class Table:
    headers: list[str]
    header_row: int  # spreadsheet row number of the headers
    rows: list[tuple[int, list]] = field(default_factory=list)  # (spreadsheet row number, cells)
    sheet_name: str = ""


def extension_of(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def check_content(data: bytes, extension: str) -> None:
    """The file is what its name says: a real workbook, or text that is not binary."""
    if extension == "xlsx":
        if not data.startswith(b"PK\x03\x04"):
            raise UnreadableFile("The file is not an Excel workbook (.xlsx). Save it from Excel as .xlsx or .csv.")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                unzipped = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile:
            raise UnreadableFile("The file is damaged: it is not a readable Excel workbook.") from None
        if "xl/workbook.xml" not in names:
            raise UnreadableFile("The file is not an Excel workbook (.xlsx). Save it from Excel as .xlsx or .csv.")
        if unzipped > MAX_UNZIPPED_BYTES:
            raise UnreadableFile("The workbook is too large to read.")
    elif extension == "csv":
        if b"\x00" in data[:65536] or data.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
            raise UnreadableFile("The file is not a CSV text file. Save the sheet from Excel as .csv or .xlsx.")
    else:
        raise UnreadableFile("The file must be an Excel workbook (.xlsx) or a CSV file (.csv).")


def read_table(data: bytes, file_name: str) -> Table:
    extension = extension_of(file_name)
    check_content(data, extension)
    if extension == "csv":
        sheets = [("", _csv_rows(data))]
    else:
        sheets = _xlsx_sheets(data)
    return _best_table(sheets)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("The CSV file's text cannot be read. Save it from Excel as “CSV UTF-8”.")


def _csv_rows(data: bytes) -> list[tuple[int, list]]:
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        # csv counts physical lines; a cell with line breaks makes one row span several lines.
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        number = 0
        for cells in reader:
            number += 1
            rows.append((number, [cell if cell != "" else None for cell in cells[:MAX_COLUMNS]]))
            if number > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                raise UnreadableFile(f"The file has more than {MAX_DATA_ROWS:,} rows. Split it into smaller files.")
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}.") from None
    return rows


def _xlsx_sheets(data: bytes) -> list[tuple[str, list[tuple[int, list]]]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise UnreadableFile("The file is damaged: it is not a readable Excel workbook.") from None
    try:
        sheets = []
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            rows = []
            for number, cells in enumerate(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1):
                rows.append((number, list(cells)))
                if number > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                    raise UnreadableFile(f"The sheet has more than {MAX_DATA_ROWS:,} rows. Split it into smaller files.")
            _fill_merged_cells(rows, _merged_ranges(workbook, sheet))
            sheets.append((sheet.title, rows))
    finally:
        workbook.close()
    if not sheets:
        raise UnreadableFile("The workbook has no visible sheet.")
    return sheets


def _merged_ranges(workbook, sheet) -> list[tuple[int, int, int, int]]:
    """Read-only worksheets do not expose merged cells, so read <mergeCell ref="A5:A7"/> from the sheet's XML."""
    archive = getattr(workbook, "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    if archive is None or not path:
        return []
    ranges = []
    with archive.open(path) as stream:
        for _event, element in iterparse(stream, events=("end",)):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                ranges.append(range_boundaries(element.get("ref")))
            element.clear()
    return ranges


def _fill_merged_cells(rows: list[tuple[int, list]], ranges) -> None:
    by_number = {number: cells for number, cells in rows}
    for min_col, min_row, max_col, max_row in ranges:
        top_left = by_number.get(min_row)
        if top_left is None or min_col > len(top_left):
            continue
        value = top_left[min_col - 1]
        for row_number in range(min_row, max_row + 1):
            cells = by_number.get(row_number)
            if cells is None:
                continue
            for col in range(min_col, min(max_col, MAX_COLUMNS) + 1):
                while len(cells) < col:
                    cells.append(None)
                cells[col - 1] = value


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _best_table(sheets) -> Table:
    """The sheet and row whose cells read most like our headers; else the first row with text."""
    best = None
    for name, rows in sheets:
        for index, (_number, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
            score = header_score(cells)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, name, rows, index)
    if best is None:
        name, rows = sheets[0]
        index = next((i for i, (_n, cells) in enumerate(rows) if not all(_is_blank(c) for c in cells)), None)
        if index is None:
            raise UnreadableFile("The file is empty: it has no headers and no rows.")
    else:
        _score, name, rows, index = best
    header_number, header_cells = rows[index]
    width = max((i + 1 for i, c in enumerate(header_cells) if not _is_blank(c)), default=0)
    headers = [re.sub(r"\s+", " ", str(c)).strip() if not _is_blank(c) else "" for c in header_cells[:width]]
    data = [(number, (cells + [None] * width)[:width]) for number, cells in rows[index + 1:]]
    if not data or all(all(_is_blank(c) for c in cells) for _n, cells in data):
        raise UnreadableFile("The file has headers but no rows of actions.")
    return Table(headers=headers, header_row=header_number, rows=data, sheet_name=name)
