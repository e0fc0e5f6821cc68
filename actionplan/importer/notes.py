"""What the preview says was left out of the file, so nothing is dropped without the user knowing."""

from .headers import FIELDS_BY_KEY, column_name, guess_field
from .reading import Table


def row_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3–5, 9"."""
    parts, start, previous = [], None, None
    for number in sorted(numbers):
        if start is None:
            start = previous = number
        elif number == previous + 1:
            previous = number
        else:
            parts.append(f"{start}–{previous}" if previous != start else str(start))
            start = previous = number
    if start is not None:
        parts.append(f"{start}–{previous}" if previous != start else str(start))
    return ", ".join(parts)


def hidden_column_notes(table: Table, mapping: dict[str, int]) -> list[str]:
    notes = []
    used = {index: key for key, index in mapping.items()}
    for index in table.hidden_columns:
        name = column_name(table.headers, index)
        if index in used:
            notes.append(
                f"{name} is hidden in the spreadsheet, but is read as {FIELDS_BY_KEY[used[index]].label} "
                "because it was chosen for it."
            )
            continue
        key = guess_field(table.headers[index]) if index < len(table.headers) else None
        if key and key in mapping:
            visible = column_name(table.headers, mapping[key])
            notes.append(
                f"{name} is hidden in the spreadsheet: not read. {visible}, which is visible, "
                f"is read as {FIELDS_BY_KEY[key].label} instead."
            )
        else:
            notes.append(f"{name} is hidden in the spreadsheet: not read.")
    return notes


def skipped_notes(table: Table, mapping: dict[str, int]) -> list[str]:
    notes = hidden_column_notes(table, mapping)
    if table.hidden_rows:
        plural = "s" if len(table.hidden_rows) > 1 else ""
        notes.append(
            f"Row{plural} {row_ranges(table.hidden_rows)} {'are' if plural else 'is'} hidden in the "
            "spreadsheet: not read."
        )
    return notes + table.skipped
