"""Reading a spreadsheet into rows of cells: .xlsx, .xlsm, .xls, .ods and .csv.

A plan often opens with a title row or two, so the header row is the one (among the first rows)
whose cells read most like headers. Rows the spreadsheet hides are left out (and listed); hidden
columns are kept, marked, so the mapping can prefer a visible column with the same meaning.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from .csvtext import csv_rows, is_utf16
from .headers import HEADER_SCAN_ROWS, header_score
from .keyrows import split_off_key
from .sheets import MAX_COLUMNS, MAX_DATA_ROWS, MAX_UNZIPPED_BYTES, Sheet, UnreadableFile
from .workbooks import calamine_sheets, excel_sheets

EXTENSIONS = ("xlsx", "xlsm", "xls", "ods", "csv")
ACCEPTED = "an Excel workbook (.xlsx, .xlsm or .xls), a LibreOffice spreadsheet (.ods) or a CSV file (.csv)"
OLE_MARK = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Excel 97-2003 files

__all__ = ["EXTENSIONS", "MAX_COLUMNS", "MAX_DATA_ROWS", "Table", "UnreadableFile", "check_content", "read_table"]


@dataclass
class Table:
    headers: list[str]
    header_row: int  # spreadsheet row number of the headers
    rows: list[tuple[int, list]] = field(default_factory=list)  # (spreadsheet row number, cells)
    sheet_name: str = ""
    hidden_rows: list[int] = field(default_factory=list)  # rows of the table the spreadsheet hides: not read
    hidden_columns: list[int] = field(default_factory=list)  # indexes of columns the spreadsheet hides
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row number, column index) -> "RRGGBB"
    skipped: list[str] = field(default_factory=list)  # what was left out below the table, and why


def extension_of(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def _zip_names(data: bytes, kind: str) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        raise UnreadableFile(f"The file is damaged: it is not a readable {kind}.") from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise UnreadableFile("The workbook is too large to read.")
    return names | {f"mimetype:{mimetype.decode('ascii', 'replace')}"}


def check_content(data: bytes, extension: str) -> None:
    """The file is what its name says: a real workbook, or text that is not binary."""
    if extension in ("xlsx", "xlsm"):
        wrong = f"The file is not an Excel workbook (.{extension}). Save it from Excel as .xlsx or .csv."
        if not data.startswith(b"PK\x03\x04"):
            raise UnreadableFile(wrong)
        if "xl/workbook.xml" not in _zip_names(data, "Excel workbook"):
            raise UnreadableFile(wrong)
    elif extension == "ods":
        wrong = "The file is not a LibreOffice spreadsheet (.ods). Save it as .ods, .xlsx or .csv."
        if not data.startswith(b"PK\x03\x04"):
            raise UnreadableFile(wrong)
        names = _zip_names(data, "spreadsheet")
        if "content.xml" not in names or "mimetype:application/vnd.oasis.opendocument.spreadsheet" not in names:
            raise UnreadableFile(wrong)
    elif extension == "xls":
        if not data.startswith(OLE_MARK):
            raise UnreadableFile(
                "The file is not an Excel 97-2003 workbook (.xls). Save it from Excel as .xlsx or .csv."
            )
    elif extension == "csv":
        binary = b"\x00" in data[:65536] and not is_utf16(data)
        if binary or data.startswith((b"PK\x03\x04", b"%PDF", OLE_MARK[:4])):
            raise UnreadableFile("The file is not a CSV text file. Save the sheet from Excel as .csv or .xlsx.")
    else:
        raise UnreadableFile(f"The file must be {ACCEPTED}.")


def read_table(data: bytes, file_name: str) -> Table:
    extension = extension_of(file_name)
    check_content(data, extension)
    if extension == "csv":
        sheets = [Sheet("", csv_rows(data))]
    elif extension in ("xlsx", "xlsm"):
        sheets = excel_sheets(data)
    else:
        sheets = calamine_sheets(data)
    if not sheets:
        raise UnreadableFile("The workbook has no visible sheet.")
    return _best_table(sheets)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _best_table(sheets: list[Sheet]) -> Table:
    """The sheet and row whose cells read most like our headers; else the first row with text."""
    best = None
    for sheet in sheets:
        for index, (_number, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
            score = header_score(cells)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, sheet, index)
    if best is None:
        sheet = sheets[0]
        index = next((i for i, (_n, cells) in enumerate(sheet.rows) if not all(_is_blank(c) for c in cells)), None)
        if index is None:
            raise UnreadableFile("The file is empty: it has no headers and no rows.")
    else:
        _score, sheet, index = best
    header_number, header_cells = sheet.rows[index]
    width = max((i + 1 for i, c in enumerate(header_cells) if not _is_blank(c)), default=0)
    headers = [re.sub(r"\s+", " ", str(c)).strip() if not _is_blank(c) else "" for c in header_cells[:width]]
    data, hidden_rows = [], []
    for number, cells in sheet.rows[index + 1 :]:
        cells = (cells + [None] * width)[:width]
        if number in sheet.hidden_rows:
            if not all(_is_blank(c) for c in cells):
                hidden_rows.append(number)
            continue
        data.append((number, cells))
    data, key_note = split_off_key(data)
    if not data or all(all(_is_blank(c) for c in cells) for _n, cells in data):
        raise UnreadableFile("The file has headers but no rows of actions.")
    return Table(
        headers=headers,
        header_row=header_number,
        rows=data,
        sheet_name=sheet.name,
        hidden_rows=hidden_rows,
        hidden_columns=sorted(i for i in sheet.hidden_columns if i < width),
        fills={key: colour for key, colour in sheet.fills.items() if key[1] < width},
        skipped=[key_note] if key_note else [],
    )
