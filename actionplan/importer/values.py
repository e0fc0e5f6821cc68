"""Reading one cell: dates and timescales, status words, RAG ratings, area numbers, text.

Each parser returns the value or raises `CellProblem` with what was expected, so that the
caller can report it with the row and the column. Nothing is guessed silently: where a cell is
read with a judgement (two dates given, for example), the parser returns a warning too.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from openpyxl.utils.datetime import from_excel

from ..models import ActionStatus, Rag

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

DATE_EXPECTED = (
    "a date such as 31/10/2012, a month such as March 2013, a quarter such as Q3 2012/13, or a word such as Ongoing"
)
STATUS_EXPECTED = "Not started, In progress, Completed, Completed with ongoing monitoring or Withdrawn"
RAG_EXPECTED = "R, A, G or B (Red, Amber, Green or Blue), or blank"
AREA_EXPECTED = "an area number, such as 3"

# Timescales that name no date: kept as written, with no target date.
NO_DATE_WORDS = {
    "ongoing",
    "on going",
    "continuous",
    "continual",
    "in place",
    "monthly",
    "quarterly",
    "annually",
    "weekly",
    "tbc",
    "to be confirmed",
    "n/a",
    "na",
    "not applicable",
    "immediate",
    "immediately",
    "achieved",
}

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Status words people write, normalised (lower case, punctuation removed) -> choice.
STATUS_WORDS = {
    "not started": ActionStatus.NOT_STARTED,
    "not yet started": ActionStatus.NOT_STARTED,
    "planned": ActionStatus.NOT_STARTED,
    "in progress": ActionStatus.IN_PROGRESS,
    "progressing": ActionStatus.IN_PROGRESS,
    "started": ActionStatus.IN_PROGRESS,
    "underway": ActionStatus.IN_PROGRESS,
    "under way": ActionStatus.IN_PROGRESS,
    "on track": ActionStatus.IN_PROGRESS,
    "ongoing": ActionStatus.IN_PROGRESS,
    "on going": ActionStatus.IN_PROGRESS,
    "complete": ActionStatus.COMPLETED,
    "completed": ActionStatus.COMPLETED,
    "action complete": ActionStatus.COMPLETED,
    "action completed": ActionStatus.COMPLETED,
    "done": ActionStatus.COMPLETED,
    "achieved": ActionStatus.COMPLETED,
    "completed ongoing monitoring": ActionStatus.COMPLETED_MONITORING,
    "completed with ongoing monitoring": ActionStatus.COMPLETED_MONITORING,
    "complete ongoing monitoring": ActionStatus.COMPLETED_MONITORING,
    "complete with ongoing monitoring": ActionStatus.COMPLETED_MONITORING,
    "completed and embedded": ActionStatus.COMPLETED_MONITORING,
    "withdrawn": ActionStatus.WITHDRAWN,
    "superseded": ActionStatus.WITHDRAWN,
    "no longer required": ActionStatus.WITHDRAWN,
}
for _choice in ActionStatus:
    STATUS_WORDS[_choice.value.replace("_", " ")] = _choice
    STATUS_WORDS[re.sub(r"[^\w ]", " ", _choice.label.lower()).strip()] = _choice

RAG_WORDS = {
    "r": Rag.RED,
    "red": Rag.RED,
    "a": Rag.AMBER,
    "amber": Rag.AMBER,
    "g": Rag.GREEN,
    "green": Rag.GREEN,
    "b": Rag.BLUE,
    "blue": Rag.BLUE,
    "blue complete": Rag.BLUE,
    "": Rag.NOT_RATED,
    "not rated": Rag.NOT_RATED,
    "n a": Rag.NOT_RATED,
    "na": Rag.NOT_RATED,
}


class CellProblem(ValueError):
    """The cell cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Timescale:
    date: datetime.date | None
    text: str  # as written, when it is more than a plain date ("March 2013", "Ongoing")
    warning: str = ""
    completed: bool = False  # the plan wrote "Completed" where the timescale goes


def clean_text(value) -> str:
    """Cell text with tidy whitespace, and our own export's formula guard taken off again."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines).strip()
    # scrutiny.exports writes a leading apostrophe before text a spreadsheet would run as a formula.
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_TRIGGERS:
        text = text[1:]
    return text


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w/ ]", " ", text.lower()).replace("/", " ").split())


def parse_area_number(value) -> int:
    if isinstance(value, bool):
        raise CellProblem(f"Expected {AREA_EXPECTED}")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and value >= 1:
            return int(value)
        raise CellProblem(f"Expected {AREA_EXPECTED}, a whole number from 1")
    text = clean_text(value)
    # "17. (57, 138)" as the Herefordshire plan prints its paragraph numbers; "Area 3".
    match = re.match(r"^(?:area|aFI|para(?:graph)?|no\.?)?\s*(\d{1,4})\b", text, re.IGNORECASE)
    if not match or int(match.group(1)) < 1:
        raise CellProblem(f"Expected {AREA_EXPECTED}")
    return int(match.group(1))


def parse_status(value) -> str:
    words = _words(clean_text(value))
    if words in STATUS_WORDS:
        return STATUS_WORDS[words]
    raise CellProblem(f"Expected a status: {STATUS_EXPECTED}")


def parse_rag(value) -> str:
    words = _words(clean_text(value))
    if words in RAG_WORDS:
        return RAG_WORDS[words]
    raise CellProblem(f"Expected a RAG rating: {RAG_EXPECTED}")


def parse_status_or_rag(value) -> tuple[str | None, str | None]:
    """For a column such as "Status / RAG" that holds one or the other: (status, rag)."""
    text = clean_text(value)
    if not text:
        return None, None
    try:
        return None, parse_rag(text)
    except CellProblem:
        pass
    try:
        return parse_status(text), None
    except CellProblem:
        raise CellProblem(f"Expected a status ({STATUS_EXPECTED}) or a RAG rating ({RAG_EXPECTED})") from None


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _plain_date(text: str) -> datetime.date | None:
    """31/10/2012, 31.10.12, 2012-10-31, 31 October 2012, 31st Oct 2012; None if not such a date."""
    try:
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", text)
        if match:
            day, month, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
            return datetime.date(year, month, day)
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)[\s\-,]+(\d{2}|\d{4})", text)
        if match and match.group(2) in MONTHS:
            return datetime.date(_year(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    except ValueError:
        raise CellProblem(f"“{text}” is not a real date. Expected {DATE_EXPECTED}") from None
    return None


def _fuzzy_date(text: str) -> datetime.date | None:
    """March 2013, Mar-13, Q3 2012/13 (UK financial year), 2013: the end of that period."""
    match = re.fullmatch(r"(?:end of |by |end )?([a-z]+)[\s\-,]+(\d{2}|\d{4})", text)
    if match and match.group(1) in MONTHS:
        return _end_of_month(_year(match.group(2)), MONTHS[match.group(1)])
    match = re.fullmatch(r"(?:end of |by )?q([1-4])\s*(?:fy\s*)?(\d{2}|\d{4})\s*[/\-]\s*(\d{2}|\d{4})", text)
    if match:
        quarter, first, second = int(match.group(1)), _year(match.group(2)), _year(match.group(3))
        if second != first + 1:
            raise CellProblem(f"“{text}”: a financial year runs over two years in a row, such as 2012/13")
        # The UK financial year starts in April: Q1 April–June, ..., Q4 January–March of the next year.
        return {
            1: _end_of_month(first, 6),
            2: _end_of_month(first, 9),
            3: _end_of_month(first, 12),
            4: _end_of_month(second, 3),
        }[quarter]
    return None


def _excel_serial(number: float) -> datetime.date:
    # Excel serials from 1 January 1960 (21916) to 2100 (73051): anything else is not a date.
    if not 21916 <= number <= 73051:
        raise CellProblem(f"The number {number:g} is not a date. Expected {DATE_EXPECTED}")
    return from_excel(number).date()


def parse_timescale(value) -> Timescale:
    """A target date and the timescale as written, from whatever the plan put in the cell."""
    if value is None or value == "":
        return Timescale(None, "")
    if isinstance(value, datetime.datetime):
        return Timescale(value.date(), "")
    if isinstance(value, datetime.date):
        return Timescale(value, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Timescale(_excel_serial(float(value)), "")
    written = clean_text(value)
    text = " ".join(written.lower().replace(",", " ").split())
    if not text:
        return Timescale(None, "")
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return Timescale(_excel_serial(float(text)), "")
    plain = _plain_date(text)
    if plain:
        return Timescale(plain, "")
    fuzzy = _fuzzy_date(text)
    if fuzzy:
        return Timescale(fuzzy, written)
    if _words(text) in NO_DATE_WORDS or text in NO_DATE_WORDS:
        return Timescale(None, written)
    # "January 2013; March 2013" or "January 2013 / March 2013": one cell shared by several actions.
    parts = [p for p in re.split(r"\s*;\s*|\s+/\s+|\s+and\s+|\s+or\s+", text) if p]
    if len(parts) > 1:
        dates = [_plain_date(p) or _fuzzy_date(p) for p in parts]
        if all(dates):
            latest = max(dates)
            return Timescale(
                latest,
                written,
                warning=f"“{written}” gives {len(dates)} dates: the target date is the latest, {latest:%-d %B %Y}.",
            )
    raise CellProblem(f"Expected {DATE_EXPECTED}")


def parse_date(value) -> datetime.date | None:
    """A plain date only (a completion date): no months, quarters or words."""
    timescale = parse_timescale(value)
    if timescale.text and timescale.date is None or timescale.warning:
        raise CellProblem("Expected a date such as 31/10/2012")
    if timescale.text:
        raise CellProblem("Expected a day, such as 31/10/2012, not a month or quarter")
    return timescale.date
