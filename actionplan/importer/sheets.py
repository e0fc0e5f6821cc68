"""What every reader gives back: a sheet's rows of cells, with what the spreadsheet hid and coloured."""

from dataclasses import dataclass, field

MAX_DATA_ROWS = 20_000
MAX_COLUMNS = 60
# A small workbook that unzips to gigabytes is an attack, not a plan.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file is not a spreadsheet we can read; the message says why, for the user."""


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list]]  # (spreadsheet row number, cells)
    hidden_rows: set[int] = field(default_factory=set)  # row numbers
    hidden_columns: set[int] = field(default_factory=set)  # column indexes, from 0
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row number, column index) -> "RRGGBB"


def too_many_rows() -> UnreadableFile:
    return UnreadableFile(f"The sheet has more than {MAX_DATA_ROWS:,} rows. Split it into smaller files.")


def fill_merged_cells(rows: list[tuple[int, list]], ranges) -> None:
    """Merged cells hold their value only in the top-left cell: the value is copied to every cell of
    the range, as the reader of the printed plan sees it. Ranges are (min_col, min_row, max_col, max_row)."""
    by_number = dict(rows)
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
