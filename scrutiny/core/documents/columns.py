"""Column widths fitted to a table's content, shared by the Word and PDF renderers.

Every column is at least as wide as its longest word, so that no word breaks mid-way ("Reasonin g"),
and the rest of the line is shared by how much each column holds. A string longer than any column
(a URL, a document reference) is left to wrap inside its cell."""

TABLE_POINTS = 9.5
# Arial's characters are about half an em wide (a little more in bold headers); cells have 0.19 cm padding each side.
CHAR_POINTS = TABLE_POINTS * 0.6
CELL_PADDING_POINTS = 11
LONGEST_LINE_COUNTED = 90  # a long paragraph in a cell should not take the whole table
LONGEST_WORD_COUNTED = 24  # a 300-character reference should not take the whole table either
TEXT_WIDTH_POINTS = {"portrait": (210 - 40) / 25.4 * 72, "landscape": (297 - 40) / 25.4 * 72}  # A4, 2 cm margins


def _points(chars: int) -> float:
    return chars * CHAR_POINTS + CELL_PADDING_POINTS


def column_widths(headers: list[str], rows: list[list[str]], available_points: float) -> list[float]:
    """Widths in points that add up to `available_points`."""
    columns = [
        [header, *(row[index] if index < len(row) else "" for row in rows)] for index, header in enumerate(headers)
    ]
    least = [
        _points(min(LONGEST_WORD_COUNTED, max((len(word) for text in column for word in text.split()), default=1)))
        for column in columns
    ]
    natural = [
        _points(min(LONGEST_LINE_COUNTED, max((len(line) for text in column for line in text.split("\n")), default=1)))
        for column in columns
    ]
    natural = [max(n, m) for n, m in zip(natural, least, strict=False)]
    if sum(natural) <= available_points:
        return [width * available_points / sum(natural) for width in natural]
    if sum(least) >= available_points:
        return [width * available_points / sum(least) for width in least]
    spare = available_points - sum(least)
    wants = [n - m for n, m in zip(natural, least, strict=False)]
    return [m + spare * want / sum(wants) for m, want in zip(least, wants, strict=False)]


def column_percentages(headers, rows, orientation: str = "portrait") -> list[float]:
    widths = column_widths(headers, rows, TEXT_WIDTH_POINTS[orientation])
    total = sum(widths) or 1
    return [round(100 * width / total, 2) for width in widths]
