"""A delete never silently blanks or unlinks another record: it is refused, naming what relies on
the record, in the admin (a clear page, never an error), in the shell and in QuerySet.delete()."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from actionplan.models import Area, Evidence, Inspectorate, Theme
from actionplan.services.evidence import add_evidence
from scrutiny.people.models import Person, User
from scrutiny.review.models import InformationRequest, Meeting, ReminderSent

pytestmark = pytest.mark.django_db


def admin_delete(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
    page = client.get(url)
    client.post(url, {"post": "yes"})
    return page


def admin_bulk_delete(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return client.post(url, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"})


def refused(match=None):
    """The refusal, inside its own savepoint: the test's transaction stays usable, as a page's would."""
    return pytest.raises(ProtectedError, match=match)


def still_there(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).exists()


def test_a_theme_in_use_cannot_be_deleted_in_the_admin(client, ada, world):
    client.force_login(ada)
    page = admin_delete(client, world.safeguarding)
    assert page.status_code == 200
    assert "would require deleting the following protected related objects" in page.content.decode()
    assert str(world.area1) in page.content.decode()
    assert still_there(world.safeguarding)
    assert Area.objects.get(pk=world.area1.pk).theme == world.safeguarding
    assert Meeting.objects.get(pk=world.last_meeting.pk).theme == world.safeguarding


def test_a_theme_in_use_cannot_be_deleted_in_a_bulk_action_or_the_shell(client, ada, world):
    client.force_login(ada)
    assert admin_bulk_delete(client, world.health).status_code == 200
    assert still_there(world.health)
    with refused(), transaction.atomic():
        Theme.objects.filter(pk=world.health.pk).delete()


def test_an_unused_theme_can_be_deleted(client, ada, world):
    spare = Theme.objects.create(name="Spare")
    client.force_login(ada)
    admin_delete(client, spare)
    assert not still_there(spare)


def test_a_person_with_a_sign_in_cannot_be_deleted(client, ada, world):
    client.force_login(ada)
    page = admin_delete(client, world.olivia_person)
    assert "protected related objects" in page.content.decode() and "User: " in page.content.decode()
    assert still_there(world.olivia_person)
    assert User.objects.get(pk=world.olivia.pk).person == world.olivia_person


def test_a_person_named_as_lead_officer_cannot_be_deleted(world):
    lead = Person.objects.create(name="Jenny Butlin-Moran")
    action = world.wcc_action
    action.lead_officer = lead
    action.save()
    with refused(), transaction.atomic():
        lead.delete()


@pytest.fixture
def evidence(olivia, world):
    return add_evidence(actor=olivia, action=world.wcc_action, title="Caseload report", kind="verbal")


def test_evidence_considered_at_a_meeting_cannot_be_deleted_on_any_path(world, evidence):
    world.last_meeting.evidence_considered.add(evidence)
    with refused("Meeting that considered it: Safeguarding"), transaction.atomic():
        evidence.delete()
    with refused(), transaction.atomic():
        Evidence.objects.filter(pk=evidence.pk).delete()
    assert list(world.last_meeting.evidence_considered.all()) == [evidence]


def test_evidence_given_in_answer_cannot_be_deleted(world, evidence):
    request = InformationRequest.objects.create(review=world.review, asked_of_agency=world.wcc, question="Caseloads?")
    request.evidence.add(evidence)
    with refused("Information request it answered"), transaction.atomic():
        evidence.delete()
    assert list(request.evidence.all()) == [evidence]


def test_an_area_considered_at_a_meeting_cannot_be_deleted_in_the_admin(client, ada, world):
    area = Area.objects.create(inspection=world.inspection, number=9, text="Spare area")
    world.last_meeting.areas.add(area)
    client.force_login(ada)
    page = admin_delete(client, area)
    assert page.status_code == 200
    assert "Meeting that considered it: Safeguarding" in page.content.decode()
    assert still_there(area)
    assert admin_bulk_delete(client, area).status_code == 200
    assert list(world.last_meeting.areas.all()) == [area]


def test_an_area_another_action_also_addresses_cannot_be_deleted(world):
    area = Area.objects.create(inspection=world.inspection, number=9, text="Spare area")
    world.arden_action.other_areas.add(area)
    with refused("Action that also addresses it"), transaction.atomic():
        area.delete()


def test_an_action_listed_in_a_reminder_cannot_be_deleted_in_the_admin(client, ada, olivia, world):
    reminder = ReminderSent.objects.create(recipient=olivia, meeting=world.next_meeting, email="o@example.org")
    reminder.actions.add(world.wcc_action)
    client.force_login(ada)
    page = admin_delete(client, world.wcc_action)
    assert "Reminder that listed it" in page.content.decode()
    assert still_there(world.wcc_action)
    assert list(reminder.actions.all()) == [world.wcc_action]


def test_an_inspectorate_of_an_inspection_cannot_be_deleted(world):
    world.area2.raised_by = None
    world.area2.save()
    with refused("Inspection it took part in"), transaction.atomic():
        Inspectorate.objects.filter(pk=world.cqc.pk).delete()


def test_a_user_is_never_deleted_even_by_a_queryset_or_a_bulk_action(client, ada, olivia):
    with refused("deactivated, never deleted"), transaction.atomic():
        User.objects.filter(pk=olivia.pk).delete()
    with pytest.raises(PermissionError), transaction.atomic():
        olivia.delete()
    client.force_login(ada)
    admin_bulk_delete(client, olivia)
    assert still_there(olivia)
