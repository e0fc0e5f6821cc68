"""CSV as spreadsheets save it: comma, semicolon (a European-locale Excel) or tab; CRLF or LF;
UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text") or Windows-1252."""

import csv
import io
from collections import Counter

from .headers import HEADER_SCAN_ROWS
from .sheets import MAX_COLUMNS, MAX_DATA_ROWS, UnreadableFile, too_many_rows

DELIMITERS = (",", ";", "\t")
SAMPLE_LINES = 60
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def is_utf16(data: bytes) -> bool:
    return data.startswith(UTF16_MARKS)


def decode(data: bytes) -> str:
    if is_utf16(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UnreadableFile("The CSV file's text cannot be read. Save it from Excel as “CSV UTF-8”.")


def delimiter_of(text: str) -> str:
    """The delimiter that splits most rows into the same number of cells (two or more). The csv
    module's sniffer is not used: it misreads a semicolon file with Windows line endings as one column."""
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [
                len(cells)
                for cells in csv.reader(io.StringIO(sample), delimiter=delimiter)
                if any(cell.strip() for cell in cells)
            ]
        except csv.Error:
            continue
        if not widths:
            continue
        width, rows = Counter(widths).most_common(1)[0]
        if width >= 2 and (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


def csv_rows(data: bytes) -> list[tuple[int, list]]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    rows = []
    try:
        # Numbered as the spreadsheet numbers them: a cell with line breaks is still one row.
        for number, cells in enumerate(reader, start=1):
            rows.append((number, [cell if cell != "" else None for cell in cells[:MAX_COLUMNS]]))
            if number > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                raise too_many_rows()
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}.") from None
    return rows
