"""The role is the only privilege a user holds, and every change to it, to the agency and to
whether the sign-in works is recorded with the administrator who made it."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from scrutiny.people.models import Role, User

pytestmark = pytest.mark.django_db


def admin_change(client, user, **changes):
    url = reverse("admin:people_user_change", args=[user.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(changes)
    data = {name: ("" if value is None else value) for name, value in data.items() if value is not False}
    return client.post(url, data)


def test_the_user_form_offers_no_groups_permissions_or_superuser_flags(client, ada, olivia):
    client.force_login(ada)
    fields = client.get(reverse("admin:people_user_change", args=[olivia.pk])).context["adminform"].form.fields
    assert {"groups", "user_permissions", "is_staff", "is_superuser"}.isdisjoint(fields)
    assert {"role", "agency", "is_active"} <= set(fields)


def test_groups_are_not_managed_in_the_admin():
    assert Group not in admin.site._registry


def test_staff_and_superuser_follow_the_role(olivia):
    assert not (olivia.is_staff or olivia.is_superuser)
    olivia.role, olivia.agency = Role.ADMIN, None
    olivia.save()
    olivia.refresh_from_db()
    assert olivia.is_staff and olivia.is_superuser
    olivia.role = Role.MEMBER
    olivia.save(update_fields=["role"])
    olivia.refresh_from_db()
    assert not (olivia.is_staff or olivia.is_superuser)


def test_a_role_and_agency_change_in_the_admin_is_recorded_with_the_administrator(client, ada, olivia, world):
    client.force_login(ada)
    response = admin_change(client, olivia, role=Role.OFFICER, agency=world.arden.pk)
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = admin_change(client, olivia, role=Role.ADMIN, agency="")
    assert response.status_code == 302, response.context["adminform"].form.errors
    history = User.history.filter(id=olivia.pk).order_by("-history_date", "-history_id")
    promoted, moved = history[0], history[1]
    assert (moved.agency_id, moved.history_user) == (world.arden.pk, ada)
    assert (promoted.role, promoted.is_superuser, promoted.history_user) == (Role.ADMIN, True, ada)
    assert promoted.prev_record.role == Role.OFFICER


def test_deactivating_a_sign_in_in_the_admin_is_recorded_with_the_administrator(client, ada, olivia):
    client.force_login(ada)
    response = admin_change(client, olivia, is_active=False)
    assert response.status_code == 302, response.context["adminform"].form.errors
    olivia.refresh_from_db()
    assert not olivia.is_active
    latest = User.history.filter(id=olivia.pk).latest()
    assert (latest.is_active, latest.history_user, latest.prev_record.is_active) == (False, ada, True)
