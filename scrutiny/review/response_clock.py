"""The executive's response clock (Local Government Act 2000, s.9FE), as pure functions.

The law gives the executive "the period of two months beginning with" the day it received the report or, if
later, the committee's notice. A period "beginning with" a day counts that day, so it ends on the day before
the corresponding date N months later; where that month has no such date (31 December + 2 months), the
period ends on that month's last day.
"""

import calendar
import datetime

RULE = (
    "The response is due within the period of months beginning with the day the report was received or, "
    "if later, the day of the committee's notice. That day counts, so the response is due by the day before "
    "the same date that many months later (received 5 March, due by 4 May); where that month has no such "
    "date, by its last day (received 31 December, due by 28 February, or 29 in a leap year)."
)


def add_months(day: datetime.date, months: int) -> tuple[datetime.date, bool]:
    """The same date `months` later, and whether that month had such a date (if not, its last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last)), day.day <= last


def clock_starts_on(received_on: datetime.date | None, notice_on: datetime.date | None) -> datetime.date | None:
    """The later of the day the report was received and the day of the committee's notice."""
    days = [d for d in (received_on, notice_on) if d]
    return max(days) if days else None


def due_on(starts_on: datetime.date | None, months: int) -> datetime.date | None:
    """The last day of the period of `months` months beginning with `starts_on`."""
    if starts_on is None:
        return None
    corresponding, exists = add_months(starts_on, months)
    # No corresponding date: the period runs to the end of that month, whose last day we already have.
    return corresponding - datetime.timedelta(days=1) if exists else corresponding


def is_overdue(due: datetime.date | None, responded_on: datetime.date | None, today: datetime.date) -> bool:
    """Past its due day with no response yet."""
    return bool(due and responded_on is None and today > due)


def municipal_year(day: datetime.date) -> str:
    """The council year, May to April, as "2012/13"."""
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"
