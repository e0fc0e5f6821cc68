"""A key, legend or notes under the table ("Key: R = Red – not on track", "B = Blue – completed",
"Notes: ...") is not an action: from the first such row on, the rows are left out, with a note."""

import re

KEY_START = re.compile(
    r"^(?:(?:b?rag\s+(?:rating\s+|status\s+)?)?key|legend|notes?|comments?|ratings?\s+key)\b\s*[:\-–]?",
    re.IGNORECASE,
)
RATING_LINE = re.compile(r"^(?:red|amber|green|blue|r|a|g|b)\s*(?:=|:|-|–)\s*\w", re.IGNORECASE)
# A key row holds a few cells (a word and what it means); an action row holds more.
MOST_CELLS_IN_A_KEY_ROW = 3


def _texts(cells) -> list[str]:
    return [str(c).strip() for c in cells if c is not None and str(c).strip()]


def _starts_key(cells) -> bool:
    texts = _texts(cells)
    if not texts or len(texts) > MOST_CELLS_IN_A_KEY_ROW:
        return False
    return bool(KEY_START.match(texts[0]) or RATING_LINE.match(texts[0]))


def split_off_key(rows: list[tuple[int, list]]) -> tuple[list[tuple[int, list]], str]:
    """(the table's rows, a note of what was left out). The rows from a key's first row on are left out
    only when none of them is as full as the actions above, so a stray "Notes" cell cannot drop actions."""
    for position, (number, cells) in enumerate(rows):
        above = sorted(len(_texts(c)) for _n, c in rows[:position] if _texts(c))
        if not above or not _starts_key(cells):
            continue  # a key is below the table, under at least one action
        typical = above[len(above) // 2]
        rest = [(n, c) for n, c in rows[position:] if _texts(c)]
        if all(len(_texts(c)) <= MOST_CELLS_IN_A_KEY_ROW and len(_texts(c)) < typical for _n, c in rest):
            first, last = number, rest[-1][0]
            where = f"Rows {first}–{last} are" if last != first else f"Row {first} is"
            return rows[:position], (
                f"{where} a key or notes below the table (“{_texts(cells)[0][:60]}”): not read as actions."
            )
    return rows, ""
