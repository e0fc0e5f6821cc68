"""Agencies side by side: target dates next to each other, divergence flagged, slippage counted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import TargetDateChange

from .bulkdata import save_at
from .factories import first_review, make_action

pytestmark = pytest.mark.django_db


def compare(client, user, **params):
    client.force_login(user)
    return client.get(reverse("agencies_side_by_side", args=[first_review().pk]), params)


def test_timescales_more_than_three_months_apart_are_flagged_and_the_rule_is_stated(client, world, maya):
    arden_also_in_area_1(world, days_after_wcc=120)
    response = compare(client, maya)
    text = response.content.decode()
    assert "more than 3 months (91 days) apart" in text
    assert "Timescales differ by 4 months" in text  # 120 days, in the words people use
    rows = {row.area.number: row for row in response.context["comparison"].rows}
    assert rows[1].divergent and not rows[2].divergent
    assert [cell.agency.short_name for cell in rows[1].cells] == ["Arden Cluster", "WCC"]


def arden_also_in_area_1(world, *, days_after_wcc):
    """The Arden Cluster's action for area 1, which the council's action 1.1 also addresses."""
    target = world.wcc_action.target_date + datetime.timedelta(days=days_after_wcc)
    return make_action(world.arden_plan, world.area1, reference="1.2", target_date=target)


def test_close_timescales_are_not_flagged(client, world, maya):
    arden_also_in_area_1(world, days_after_wcc=91)
    response = compare(client, maya)
    assert response.context["comparison"].divergent_count == 0
    assert "Timescales differ" not in response.content.decode()


def test_only_divergent_areas_can_be_shown(client, world, maya):
    arden_also_in_area_1(world, days_after_wcc=200)
    response = compare(client, maya, divergent="1")
    assert [row.area.number for row in response.context["comparison"].rows] == [1]


def test_slippage_per_agency_counts_moves_and_days(client, world, maya):
    action = world.arden_action
    for days in (30, 60, -10):
        old = action.target_date
        save_at(action, timezone.now(), world.arjun, target_date=old + datetime.timedelta(days=days))
        TargetDateChange(
            action=action, old_date=old, new_date=action.target_date, reason="Slipped", changed_by=world.arjun
        ).save()
    response = compare(client, maya)
    slippage = {entry.agency.short_name: entry for entry in response.context["comparison"].slippage}
    assert (
        slippage["Arden Cluster"].moves,
        slippage["Arden Cluster"].days_later,
        slippage["Arden Cluster"].days_earlier,
    ) == (3, 90, 10)
    assert slippage["WCC"].moves == 0
    text = response.content.decode()
    assert "Target dates moved, by agency" in text and ">90<" in text


def test_the_theme_filter(client, world, maya):
    response = compare(client, maya, theme=world.health.pk)
    assert [row.area.number for row in response.context["comparison"].rows] == [2]
