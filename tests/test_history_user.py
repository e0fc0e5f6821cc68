"""Every change keeps who made it: through a page, through the admin and through a service call."""

import datetime

import pytest
from django.urls import reverse

from actionplan.models import Action, Area
from scrutiny.review.demo import load_demo
from tests.factories import record_update

pytestmark = pytest.mark.django_db


def latest_history(action):
    return Action.history.filter(id=action.pk).latest()


def test_a_change_through_a_page_is_recorded_with_the_signed_in_officer(client, world):
    action = world.wcc_action
    client.force_login(world.olivia)
    response = client.post(
        reverse("action_update", args=[action.pk]),
        {"version": action.version, "status": "in_progress", "rag": "green", "note": "Caseload report received."},
    )
    assert response.status_code == 302
    record = latest_history(action)
    assert record.rag == "green"
    assert record.history_user == world.olivia
    assert record.prev_record.rag == ""


def test_a_change_through_a_service_call_is_recorded_with_its_actor(world):
    action = world.arden_action
    record_update(
        world.arjun, action, status="completed", rag="blue", note="Audit done.", completed_on=datetime.date.today()
    )
    record = latest_history(action)
    assert (record.status, record.history_user) == ("completed", world.arjun)


def test_a_change_to_a_many_to_many_relation_is_recorded_too(world):
    action = world.wcc_action
    action._history_user = world.ada
    action.other_areas.add(world.area3)
    record = latest_history(action)
    assert record.history_type == "~"
    assert record.history_user == world.ada
    assert [a.area for a in record.other_areas.all()] == [world.area3]


def test_a_command_records_its_actor_and_the_reports_dates(db, django_user_model):
    admin = django_user_model.objects.create_user("loader", password="x" * 12, role="admin")
    load_demo(actor=admin)
    area = Area.objects.get(number=2)
    created = area.history.earliest()
    assert created.history_type == "+"
    assert created.history_user == admin
    assert created.history_date.year == 2012


def test_history_outlives_the_record_it_describes(world):
    area = Area.objects.create(inspection=world.inspection, number=99, text="Temporary")
    area_id = area.pk
    area.delete()
    assert Area.history.filter(id=area_id).values_list("history_type", flat=True).count() == 2
    assert Area.history.filter(id=area_id, history_type="-").exists()
