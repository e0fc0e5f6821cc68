"""Plans that give their areas only as text: each area is numbered from the action references ("1a",
"1b" and "1.2" are area 1) where they agree, else in order of appearance, keeping the number of an area
this inspection already has with the same text. The preview says which."""

import re
from dataclasses import dataclass

from .reading import Table
from .values import clean_text

LEADING_NUMBER = re.compile(r"^(?:no\.?\s*)?(\d{1,4})(?=\D|$)", re.IGNORECASE)


@dataclass
class AreaNumbers:
    by_row: dict[int, int]  # spreadsheet row -> area number
    note: str


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _rows(table: Table, mapping: dict[str, int]) -> list[tuple[int, str, str]]:
    """(row, area text carried down to the rows that leave it blank, reference) of each non-blank row."""

    def cell(cells, key):
        index = mapping.get(key)
        return clean_text(cells[index]) if index is not None and index < len(cells) else ""

    rows, current = [], ""
    for number, cells in table.rows:
        if not any(cell(cells, key) for key in mapping):
            continue
        current = cell(cells, "area_text") or current
        rows.append((number, current, cell(cells, "reference")))
    return rows


def _from_references(rows) -> dict[str, int] | None:
    """{area text: number} when every row's reference starts with its area's number, consistently."""
    numbers: dict[str, int] = {}
    for _number, text, reference in rows:
        match = LEADING_NUMBER.match(reference)
        if not text or not match or numbers.setdefault(_key(text), int(match.group(1))) != int(match.group(1)):
            return None
    if len(set(numbers.values())) != len(numbers) or min(numbers.values(), default=0) < 1:
        return None  # two areas with one number
    return numbers


def number_areas(table: Table, mapping: dict[str, int], existing: dict[int, str]) -> AreaNumbers:
    """`existing`: this inspection's areas, {number: text}."""
    rows = _rows(table, mapping)
    numbers = _from_references(rows) if "reference" in mapping else None
    if numbers is not None:
        note = (
            "The plan gives no area numbers: each area is numbered from its actions' references "
            "(“1a” and “1b” are area 1)."
        )
    else:
        known = {_key(text): number for number, text in existing.items()}
        numbers, next_number = {}, max(existing, default=0) + 1
        for _number, text, _reference in rows:
            if text and _key(text) not in numbers:
                if _key(text) in known:
                    numbers[_key(text)] = known[_key(text)]
                else:
                    numbers[_key(text)] = next_number
                    next_number += 1
        kept = " An area with the same text as one of this inspection's areas keeps its number." if known else ""
        note = (
            f"The plan gives no area numbers: the areas are numbered in the order they appear"
            f"{f', from {min(numbers.values())} to {max(numbers.values())}' if numbers else ''}.{kept}"
        )
    by_row = {number: numbers[_key(text)] for number, text, _ref in rows if text}
    return AreaNumbers(by_row, note)
