"""Monitoring a recommendation after the response: when updates are due, and its RAG rating.

The RAG rating is derived from dates and statuses, never typed; RAG_RULE says how, on every page that shows it.
Pure functions of dates, so that they are tested with a fixed clock.
"""

import datetime
from dataclasses import dataclass

from .response_clock import add_months

DEFAULT_UPDATE_MONTHS = "6, 12"
SOON_DAYS = 30

RAG_RULE = (
    "Derived from the dates, never typed. Blue (complete): the committee has signed it off. "
    "Red: the response is overdue, or a monitoring update is overdue. "
    f"Amber: the response, or the next monitoring update, is due within {SOON_DAYS} days. "
    "Green: the response has come (or is not due for more than 30 days) and every update due so far has come. "
    "Grey: not yet running, because the date the report was received is not recorded; or for the committee "
    "itself, from which no response is expected: the committee's own decision and sign-off close it."
)

FOR_THE_COMMITTEE = "No response is expected: it is for the committee itself, whose decision and sign-off close it"


@dataclass(frozen=True)
class RagRating:
    colour: str  # "blue", "red", "amber", "green" or "grey"
    label: str
    reason: str

    @property
    def tag_class(self) -> str:
        return {"blue": "govuk-tag--blue", "red": "govuk-tag--red", "amber": "govuk-tag--orange"}.get(
            self.colour, "govuk-tag--green" if self.colour == "green" else "govuk-tag--grey"
        )


def parse_months(text: str) -> list[int]:
    """ "6, 12" -> [6, 12]; ValueError with a sentence for anything else."""
    parts = [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]
    months = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= 120:
            raise ValueError("Enter whole numbers of months between 1 and 120, separated by commas, such as 6, 12")
        months.append(int(part))
    if months != sorted(set(months)):
        raise ValueError("Enter each number of months once, in order, such as 6, 12")
    return months


def update_due_dates(responded_on: datetime.date | None, months: list[int]) -> list[datetime.date]:
    """Each update is due that many months after the response (the month's last day where it is shorter)."""
    if responded_on is None:
        return []
    return [add_months(responded_on, count)[0] for count in months]


def next_update_due(due_dates: list[datetime.date], received: int) -> datetime.date | None:
    """The k-th update is due on the k-th date; the updates received so far stand for the first ones."""
    return due_dates[received] if received < len(due_dates) else None


def rate(
    *,
    today: datetime.date,
    signed_off: str = "",
    signed_off_on: datetime.date | None = None,
    response_due_on: datetime.date | None,
    responded_on: datetime.date | None,
    update_due_on: datetime.date | None,
    response_expected: bool = True,
) -> RagRating:
    """The rule in RAG_RULE, in the order it is written."""
    if signed_off:
        return RagRating("blue", "Complete", f"Signed off as {signed_off.lower()} on {signed_off_on:%-d %B %Y}")
    soon = today + datetime.timedelta(days=SOON_DAYS)
    if responded_on is None and not response_expected:
        return RagRating("grey", "For the committee", FOR_THE_COMMITTEE)
    if responded_on is None:
        if response_due_on is None:
            return RagRating("grey", "Not yet running", "The date the report was received is not recorded")
        if today > response_due_on:
            return RagRating("red", "Red", f"Response overdue: it was due by {response_due_on:%-d %B %Y}")
        if response_due_on <= soon:
            return RagRating("amber", "Amber", f"Response due by {response_due_on:%-d %B %Y}")
        return RagRating("green", "Green", f"Response not due until {response_due_on:%-d %B %Y}")
    if update_due_on and today > update_due_on:
        return RagRating("red", "Red", f"Monitoring update overdue: it was due by {update_due_on:%-d %B %Y}")
    if update_due_on and update_due_on <= soon:
        return RagRating("amber", "Amber", f"Monitoring update due by {update_due_on:%-d %B %Y}")
    if update_due_on:
        return RagRating("green", "Green", f"Updates on time; the next is due by {update_due_on:%-d %B %Y}")
    return RagRating("green", "Green", "Response received; no monitoring update is outstanding")
