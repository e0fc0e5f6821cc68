"""When the council's action plan is due after the report: working days skip weekends and the bank
holidays of England and Wales (from the `holidays` library), calendar days and months do not.
Every case passes `today` explicitly: no test depends on the day it runs."""

from datetime import date

import pytest

from actionplan.deadlines import (
    CALENDAR_DAYS,
    MONTHS,
    WORKING_DAYS,
    add_months,
    due_date,
    is_working_day,
    plan_deadline,
    working_days_between,
)


def deadline(published, amount, unit, *, today, plan=None):
    return plan_deadline(amount=amount, unit=unit, report_published_on=published, plan_published_on=plan, today=today)


def test_christmas_boxing_day_and_new_years_day_are_not_working_days():
    # Monday 1 December 2014: the 20th working day after it is 31 December, the 21st skips 1 January.
    assert due_date(date(2014, 12, 1), 17, WORKING_DAYS) == date(2014, 12, 24)
    assert due_date(date(2014, 12, 1), 18, WORKING_DAYS) == date(2014, 12, 29)  # not 25 or 26 December
    assert due_date(date(2014, 12, 1), 20, WORKING_DAYS) == date(2014, 12, 31)
    assert due_date(date(2014, 12, 1), 21, WORKING_DAYS) == date(2015, 1, 2)


def test_seventy_working_days_from_a_report_published_on_1_december_2014():
    assert due_date(date(2014, 12, 1), 70, WORKING_DAYS) == date(2015, 3, 12)
    # Weekends only would give 9 March: the three bank holidays move it three working days on.
    assert working_days_between(date(2014, 12, 1), date(2015, 3, 12)) == 70


def test_substitute_days_count_when_christmas_and_new_year_fall_at_a_weekend():
    # Christmas 2021 was a Saturday: the bank holidays were Monday 27 and Tuesday 28 December,
    # and New Year's Day (a Saturday) was taken on Monday 3 January 2022.
    assert not is_working_day(date(2021, 12, 27))
    assert not is_working_day(date(2021, 12, 28))
    assert not is_working_day(date(2022, 1, 3))
    assert due_date(date(2021, 12, 24), 1, WORKING_DAYS) == date(2021, 12, 29)
    assert due_date(date(2021, 12, 24), 3, WORKING_DAYS) == date(2021, 12, 31)
    assert due_date(date(2021, 12, 24), 4, WORKING_DAYS) == date(2022, 1, 4)


def test_good_friday_and_easter_monday_are_skipped():
    # Easter 2015: Good Friday 3 April, Easter Monday 6 April.
    assert due_date(date(2015, 4, 2), 1, WORKING_DAYS) == date(2015, 4, 7)
    # Easter 2014: Good Friday 18 April, Easter Monday 21 April.
    assert due_date(date(2014, 4, 16), 2, WORKING_DAYS) == date(2014, 4, 22)
    assert working_days_between(date(2014, 4, 17), date(2014, 4, 22)) == 1


def test_a_report_published_at_the_weekend_counts_from_the_next_working_day():
    assert due_date(date(2015, 1, 3), 1, WORKING_DAYS) == date(2015, 1, 5)


def test_calendar_days_do_not_skip_weekends_or_bank_holidays():
    assert due_date(date(2014, 11, 27), 28, CALENDAR_DAYS) == date(2014, 12, 25)
    assert due_date(date(2014, 12, 1), 35, CALENDAR_DAYS) == date(2015, 1, 5)


@pytest.mark.parametrize(
    ("published", "months", "due"),
    [
        (date(2014, 10, 15), 3, date(2015, 1, 15)),  # across the new year
        (date(2015, 1, 31), 1, date(2015, 2, 28)),  # February is shorter: its last day
        (date(2016, 1, 31), 1, date(2016, 2, 29)),  # a leap year
        (date(2014, 11, 30), 3, date(2015, 2, 28)),
        (date(2015, 3, 31), 1, date(2015, 4, 30)),
        (date(2015, 2, 28), 1, date(2015, 3, 28)),  # the same day, not the month's end
    ],
)
def test_months_keep_the_day_of_the_month_or_take_the_months_last_day(published, months, due):
    assert add_months(published, months) == due
    assert due_date(published, months, MONTHS) == due


def test_working_days_left_count_only_working_days():
    plan = deadline(date(2014, 12, 1), 70, WORKING_DAYS, today=date(2015, 2, 24))
    assert plan.due_on == date(2015, 3, 12)
    assert plan.days_left == 12
    assert plan.met is None
    assert plan.status_text == "12 working days left"
    # From Monday 22 December to Friday 2 January: 23, 24, 29, 30, 31 December and 2 January.
    assert deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2014, 12, 22)).days_left == 6


def test_one_working_day_left_and_due_today():
    assert deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2014, 12, 31)).status_text == "1 working day left"
    assert deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2015, 1, 2)).status_text == "due today"


def test_an_overdue_plan_says_by_how_many_working_days():
    plan = deadline(date(2014, 12, 1), 20, WORKING_DAYS, today=date(2015, 1, 5))  # due 31 December
    assert plan.state == "overdue" and plan.is_late
    assert plan.days_left == -2
    assert plan.status_text == "2 working days overdue, not yet published"


def test_a_plan_published_on_the_due_date_is_on_time():
    plan = deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2015, 6, 1), plan=date(2015, 1, 2))
    assert plan.met is True
    assert plan.days_left is None
    assert plan.status_text == "published on 2 January 2015 – on time"


def test_a_plan_published_late_says_by_how_many_working_days():
    plan = deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2015, 6, 1), plan=date(2015, 1, 7))
    assert plan.met is False
    assert plan.days_late == 3
    assert plan.status_text == "published on 7 January 2015 – 3 working days late"


def test_a_plan_published_the_saturday_after_a_friday_deadline_is_late_by_no_whole_working_day():
    plan = deadline(date(2014, 12, 1), 21, WORKING_DAYS, today=date(2015, 6, 1), plan=date(2015, 1, 3))
    assert plan.met is False
    assert plan.status_text == "published on 3 January 2015 – late"


def test_a_months_rule_counts_what_is_left_in_calendar_days():
    plan = deadline(date(2015, 1, 31), 1, MONTHS, today=date(2015, 2, 18))
    assert plan.due_on == date(2015, 2, 28)
    assert plan.status_text == "10 days left"
    assert plan.rule_text == "1 month"


def test_without_a_report_date_or_a_rule_there_is_no_due_date():
    no_report = deadline(None, 70, WORKING_DAYS, today=date(2015, 1, 5))
    assert no_report.state == "no_report_date" and no_report.due_on is None and no_report.days_left is None
    no_rule = deadline(date(2014, 12, 1), None, WORKING_DAYS, today=date(2015, 1, 5))
    assert no_rule.state == "no_rule" and no_rule.due_on is None and no_rule.met is None
