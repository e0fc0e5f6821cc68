"""Long spans in months and years, and a first target date that is not a "move"."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.core.durations import duration_in_words

from .factories import make_action, record_update


@pytest.mark.parametrize(
    "days, words",
    [
        (0, "0 days"),
        (1, "1 day"),
        (45, "45 days"),
        (59, "59 days"),
        (60, "2 months"),
        (120, "4 months"),
        (365, "1 year"),
        (400, "1 year 1 month"),
        (5447, "14 years 11 months"),
        (-90, "3 months"),
    ],
)
def test_a_span_of_days_is_said_in_the_unit_people_use(days, words):
    assert duration_in_words(days) == words


def set_target(world, action, new_date, reason):
    record_update(world.olivia, action, new_target_date=new_date, target_date_reason=reason)


@pytest.mark.django_db
def test_a_first_target_date_is_not_counted_as_a_move(client, world):
    action = make_action(world.wcc_plan, world.area1, reference="1.9", target_date=None)
    first = datetime.date(2030, 3, 1)
    set_target(world, action, first, "Agreed with the inspector")
    client.force_login(world.olivia)
    page = client.get(reverse("action_detail", args=[action.pk])).content.decode()
    assert "Moved 1 time" not in page and "0 days later" not in page
    assert "First set" in page  # the table still shows when and why it was set

    set_target(world, action, datetime.date(2031, 5, 1), "New case system delayed")
    page = client.get(reverse("action_detail", args=[action.pk])).content.decode()
    assert "Moved 1 time: first due 1 March 2030, 1 year 2 months later in all." in page
    assert "In all the date has moved 1 year 2 months later." in page
