"""When the council's written statement / action plan is due after an inspection report.

Pure functions: every one takes the dates it needs, `today` included, so the answers do not
depend on the clock and can be computed for many inspections at once without a query.
Working days skip weekends and the bank holidays of England and Wales, taken from the
maintained `holidays` library (substitute days included), never from a list kept here.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass

import holidays

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
MONTHS = "months"
UNITS = (WORKING_DAYS, CALENDAR_DAYS, MONTHS)


@functools.lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[datetime.date]:
    # England and Wales share their bank holidays; "ENG" gives Easter Monday, which Scotland lacks.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The count-th working day after start (start itself is never counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_months(start: datetime.date, count: int) -> datetime.date:
    """Same day of the month, count months on; the month's last day when it is shorter (31 Jan -> 28 Feb)."""
    years, month_index = divmod(start.month - 1 + count, 12)
    year, month = start.year + years, month_index + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(published_on: datetime.date, amount: int, unit: str) -> datetime.date:
    if unit == WORKING_DAYS:
        return add_working_days(published_on, amount)
    if unit == CALENDAR_DAYS:
        return published_on + datetime.timedelta(days=amount)
    if unit == MONTHS:
        return add_months(published_on, amount)
    raise ValueError(f"Unknown unit of a deadline: {unit!r}")


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after start up to and including end; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    days = (start + datetime.timedelta(days=offset) for offset in range(1, (end - start).days + 1))
    return sum(1 for day in days if is_working_day(day))


def days_between(start: datetime.date, end: datetime.date, unit: str) -> int:
    """Counted the way the rule counts: working days for a working-days rule, calendar days otherwise."""
    if unit == WORKING_DAYS:
        return working_days_between(start, end)
    return (end - start).days


def rule_text(amount: int, unit: str) -> str:
    """'70 working days', '1 month', '28 days'."""
    word = {WORKING_DAYS: "working day", CALENDAR_DAYS: "day", MONTHS: "month"}[unit]
    return f"{amount} {word}{'' if amount == 1 else 's'}"


# What the deadline of one inspection's plan stands at.
NO_RULE = "no_rule"
NO_REPORT_DATE = "no_report_date"
DUE = "due"
OVERDUE = "overdue"
MET = "met"
MISSED = "missed"


@dataclass(frozen=True)
class PlanDeadline:
    amount: int | None
    unit: str | None
    report_published_on: datetime.date | None
    plan_published_on: datetime.date | None
    today: datetime.date

    @property
    def has_rule(self) -> bool:
        return bool(self.amount) and self.unit in UNITS

    @functools.cached_property
    def due_on(self) -> datetime.date | None:
        if not self.has_rule or self.report_published_on is None:
            return None
        return due_date(self.report_published_on, self.amount, self.unit)

    @property
    def state(self) -> str:
        if not self.has_rule:
            return NO_RULE
        if self.due_on is None:
            return NO_REPORT_DATE
        if self.plan_published_on is not None:
            return MET if self.plan_published_on <= self.due_on else MISSED
        return DUE if self.today <= self.due_on else OVERDUE

    @property
    def met(self) -> bool | None:
        """True or False once the plan is published; None while it is not (or nothing can be said)."""
        state = self.state
        return {MET: True, MISSED: False}.get(state)

    @property
    def days_left(self) -> int | None:
        """From today to the due date, counted as the rule counts; negative once overdue."""
        if self.due_on is None or self.plan_published_on is not None:
            return None
        return days_between(self.today, self.due_on, self.unit)

    @property
    def days_late(self) -> int | None:
        """How late the plan is (published late, or still missing after the due date), else None."""
        state = self.state
        if state == MISSED:
            return days_between(self.due_on, self.plan_published_on, self.unit)
        if state == OVERDUE:
            return days_between(self.due_on, self.today, self.unit)
        return None

    @property
    def day_word(self) -> str:
        """The unit the days are counted in: 'working day' or 'day' (a months rule counts calendar days)."""
        return "working day" if self.unit == WORKING_DAYS else "day"

    @property
    def rule_text(self) -> str:
        return rule_text(self.amount, self.unit) if self.has_rule else ""

    @property
    def is_late(self) -> bool:
        return self.state in (MISSED, OVERDUE)

    @property
    def status_text(self) -> str:
        """Where the plan stands against its due date: '12 working days left', 'published on ... – on time'."""
        state = self.state
        if state == DUE:
            return f"{self.days_left} {self._days(self.days_left)} left" if self.days_left else "due today"
        late = f"{self.days_late} {self._days(self.days_late)} " if self.days_late else ""
        if state == OVERDUE:
            return f"{late}overdue, not yet published"
        if state in (MET, MISSED):
            published = f"published on {self.plan_published_on:%-d %B %Y}"
            return f"{published} – on time" if state == MET else f"{published} – {late}late"
        return ""

    def _days(self, count: int) -> str:
        return self.day_word + ("" if count == 1 else "s")


def plan_deadline(
    *,
    amount: int | None,
    unit: str | None,
    report_published_on: datetime.date | None,
    plan_published_on: datetime.date | None,
    today: datetime.date,
) -> PlanDeadline:
    return PlanDeadline(
        amount=amount,
        unit=unit,
        report_published_on=report_published_on,
        plan_published_on=plan_published_on,
        today=today,
    )
