"""Cells as real plans fill them, read where the meaning is clear (and said), else kept as text with a
warning, so that one odd cell never blocks the whole file: "Completed", "2015", "2015/16",
"July 2014 and ongoing", "April 2015 (review)" as timescales; "A/G" as a rating."""

import datetime
import re

from ..models import Rag
from .values import (
    DATE_EXPECTED,
    MONTHS,
    RAG_WORDS,
    CellProblem,
    Timescale,
    _end_of_month,
    _words,
    clean_text,
    parse_rag,
    parse_timescale,
)

COMPLETED_WORDS = {"complete", "completed", "done", "achieved", "action complete", "action completed"}
# The more cautious rating comes first: a split rating takes it.
CAUTION = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE]
SPLIT_RAG_RULE = "A split rating such as “A/G” is read as the more cautious of the two: “A/G” as Amber."
YEARS = range(1990, 2101)


def _date_text(date: datetime.date) -> str:
    return f"{date:%-d %B %Y}"


def read_timescale(value) -> Timescale:
    """As `parse_timescale`, but a timescale it cannot read is read by the rules below or kept as written."""
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and float(value).is_integer()
        and int(value) in YEARS
    ):
        value = str(int(value))  # a year typed into a number cell
    try:
        return parse_timescale(value)
    except CellProblem as problem:
        if "not a real date" in str(problem):
            raise  # 31/02/2013 looks like a date and is wrong: the plan should say which day it means
        if not isinstance(value, str):
            raise
    written = clean_text(value)
    text = " ".join(written.lower().replace(",", " ").split())
    if _words(text) in COMPLETED_WORDS:
        return Timescale(None, written, completed=True)
    match = re.fullmatch(r"(?:end of |by |during |in )?(\d{4})", text)
    if match and int(match.group(1)) in YEARS:
        date = datetime.date(int(match.group(1)), 12, 31)
        return Timescale(date, written, warning=f"“{written}” is read as the end of that year, {_date_text(date)}.")
    match = re.fullmatch(r"(?:end of |by )?(?:fy\s*)?(\d{4})\s*[/\-]\s*(\d{2}|\d{4})", text)
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        second = second + (first // 100) * 100 if second < 100 else second
        if second == first + 1:
            date = _end_of_month(second, 3)
            return Timescale(
                date, written, warning=f"“{written}” is read as the end of the financial year, {_date_text(date)}."
            )
    # "July 2014 and ongoing", "April 2015 (review)": a month and year, then words about it.
    match = re.match(r"(?:end of |by )?([a-z]+)[\s\-]+(\d{4})\b\W*(.+)$", text)
    if match and match.group(1) in MONTHS and int(match.group(2)) in YEARS:
        date = _end_of_month(int(match.group(2)), MONTHS[match.group(1)])
        return Timescale(
            date,
            written,
            warning=f"“{written}” is read as {_date_text(date)}; the words after the "
            "month are kept in the timescale as written.",
        )
    return Timescale(
        None,
        written,
        warning=f"“{written}” is not a date we can read: it is kept as written, "
        f"with no target date. Expected {DATE_EXPECTED}.",
    )


def read_rag(value) -> tuple[str, str]:
    """(rating, warning). A split rating ("A/G", "Amber/Green", "R-A") takes the more cautious."""
    try:
        return parse_rag(value), ""
    except CellProblem:
        pass
    written = clean_text(value)
    parts = [part for part in re.split(r"\s*[/\-–]\s*|\s+to\s+|\s+", written.lower()) if part]
    ratings = [RAG_WORDS.get(part) for part in parts]
    if len(ratings) == 2 and all(r in CAUTION for r in ratings):
        rating = min(ratings, key=CAUTION.index)
        return rating, f"“{written}” gives two ratings: read as {Rag(rating).label}, the more cautious."
    raise CellProblem(
        "Expected a RAG rating: R, A, G or B (Red, Amber, Green or Blue), a split rating such as A/G, or blank"
    )
