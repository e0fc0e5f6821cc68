"""The executive's response clock: a period of months "beginning with" the day of receipt."""

from datetime import date

import pytest

from scrutiny.review.response_clock import clock_starts_on, due_on, is_overdue, municipal_year


@pytest.mark.parametrize(
    "received, due",
    [
        (date(2013, 3, 5), date(2013, 5, 4)),  # the example: the day of receipt counts
        (date(2013, 12, 31), date(2014, 2, 28)),  # no 31 February: the last day of February
        (date(2015, 12, 31), date(2016, 2, 29)),  # ... which is the 29th in a leap year
        (date(2015, 12, 29), date(2016, 2, 28)),  # 29 February exists in 2016: the day before it
        (date(2013, 12, 29), date(2014, 2, 28)),  # no 29 February in 2014: its last day
        (date(2013, 11, 1), date(2013, 12, 31)),  # across the end of a month
        (date(2013, 11, 30), date(2014, 1, 29)),  # across the end of a year
        (date(2013, 3, 1), date(2013, 4, 30)),
    ],
)
def test_the_response_is_due_by_the_day_before_the_same_date_two_months_on(received, due):
    assert due_on(received, 2) == due


def test_a_partner_with_a_longer_period_gets_it():
    assert due_on(date(2013, 3, 5), 3) == date(2013, 6, 4)


def test_the_clock_starts_from_the_notice_when_it_is_later_than_receipt():
    starts = clock_starts_on(date(2013, 3, 5), date(2013, 3, 20))
    assert starts == date(2013, 3, 20)
    assert due_on(starts, 2) == date(2013, 5, 19)


def test_an_earlier_notice_does_not_move_the_clock_back():
    assert clock_starts_on(date(2013, 3, 5), date(2013, 3, 1)) == date(2013, 3, 5)


def test_without_a_date_of_receipt_nothing_is_due_yet():
    assert clock_starts_on(None, None) is None
    assert due_on(None, 2) is None


def test_a_response_is_overdue_only_after_its_due_day_and_only_while_it_has_not_come():
    due = date(2013, 5, 4)
    assert not is_overdue(due, None, date(2013, 5, 4))
    assert is_overdue(due, None, date(2013, 5, 5))
    assert not is_overdue(due, date(2013, 5, 10), date(2013, 6, 1))
    assert not is_overdue(None, None, date(2013, 6, 1))


@pytest.mark.parametrize(
    "day, year",
    [
        (date(2012, 5, 1), "2012/13"),
        (date(2013, 4, 30), "2012/13"),
        (date(2013, 5, 1), "2013/14"),
        (date(1999, 6, 1), "1999/00"),
    ],
)
def test_the_municipal_year_runs_from_may_to_april(day, year):
    assert municipal_year(day) == year
