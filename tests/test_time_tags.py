"""The `iso` filter stands in for `date:'c'` in <time datetime="...">: it must give the same text."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone

SAME = engines["django"].from_string("{% load time_tags %}{{ value|iso }}|{{ value|date:'c' }}")


@pytest.mark.parametrize(
    "value",
    [
        timezone.make_aware(datetime.datetime(2026, 7, 1, 23, 30, 5, 123456), datetime.UTC),  # British summer
        timezone.make_aware(datetime.datetime(2026, 1, 15, 9, 5), datetime.UTC),
        datetime.date(2026, 3, 29),
        None,
        "",
        "not a date",
    ],
)
def test_iso_is_what_date_c_gives(value):
    iso, date_c = SAME.render({"value": value}).split("|")
    assert iso == date_c


def test_the_moment_is_given_in_the_pages_time_zone():
    summer = timezone.make_aware(datetime.datetime(2026, 7, 1, 23, 30), datetime.UTC)
    assert SAME.render({"value": summer}).split("|")[0] == "2026-07-02T00:30:00+01:00"
