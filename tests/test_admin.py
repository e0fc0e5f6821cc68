"""The admin covers every model, with its history, and records who changed what."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from actionplan.models import Action

pytestmark = pytest.mark.django_db

OUR_APPS = ("people", "actionplan", "review")


def our_models():
    return [m for m in apps.get_models() if m._meta.app_label in OUR_APPS and not m.__name__.startswith("Historical")]


def test_the_list_of_our_models_is_not_empty():
    """The checks below loop over our models: an app renamed away from OUR_APPS must not leave them nothing to check."""
    assert {"Agency", "User", "Action", "Evidence", "Review", "Meeting"} <= {m.__name__ for m in our_models()}


def test_every_model_is_in_the_admin():
    missing = [m.__name__ for m in our_models() if m not in admin.site._registry]
    assert missing == []


def test_every_model_keeps_history():
    without = [m.__name__ for m in our_models() if not hasattr(m, "history")]
    assert without == []


# Changed only on their own pages, through the services (tests/test_admin_rules.py).
VIEW_ONLY = {
    "Attendance",
    "Conclusion",
    "Evidence",
    "InformationRequest",
    "Meeting",
    "MonitoringUpdate",
    "NoteItem",
    "ProgressUpdate",
    "Recommendation",
    "TargetDateChange",
}


@pytest.mark.parametrize("model", our_models(), ids=lambda m: m.__name__)
def test_admin_list_add_and_history_pages_open(client, world, model):
    client.force_login(world.ada)
    opts = model._meta
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    add_page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add_page.status_code == (403 if model.__name__ in VIEW_ONLY else 200)
    obj = model._default_manager.first()
    if obj is not None:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert client.get(url).status_code == 200


def test_a_change_through_the_admin_is_recorded_with_the_administrator(client, world):
    client.force_login(world.ada)
    action = world.wcc_action
    url = reverse("admin:actionplan_action_change", args=[action.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        plan=action.plan_id,
        area=action.area_id,
        lead_agency=action.lead_agency_id,
        lead_officer="",
        description="Caseloads reviewed weekly",
        status="in_progress",
        rag="amber",
        target_date=action.target_date.isoformat(),
        other_areas=[world.area3.pk],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = Action.history.filter(id=action.pk).latest()
    assert latest.description == "Caseloads reviewed weekly"
    assert latest.history_user == world.ada
    assert [a.area_id for a in latest.other_areas.all()] == [world.area3.pk]


def test_members_cannot_reach_the_admin(client, world):
    client.force_login(world.maya)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_offers_no_way_to_delete_a_user(client, world):
    client.force_login(world.ada)
    response = client.get(reverse("admin:people_user_delete", args=[world.olivia.pk]))
    assert response.status_code == 403
