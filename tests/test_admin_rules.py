"""The admin keeps the pages' rules: history is never reverted, and records whose changes have
rules are changed on their own pages, through the same services, not round them in the admin."""

import datetime

import pytest
from django.urls import reverse

from actionplan.models import Action, Evidence, TargetDateChange
from scrutiny.review.models import Meeting, NoteItem, Review
from scrutiny.review.services.meetings import agree_notes, save_note_item
from tests.factories import record_update

pytestmark = pytest.mark.django_db


def change_form_data(client, url):
    form = client.get(url).context["adminform"].form
    return {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}


def test_the_history_page_offers_no_revert(client, ada, olivia, world):
    action = world.wcc_action
    first = Action.history.filter(id=action.pk).earliest()
    client.force_login(ada)
    page = client.get(reverse("admin:actionplan_action_simple_history", args=[action.pk, first.history_id]))
    assert page.status_code == 200
    assert b"Revert" not in page.content


def test_posting_an_old_version_back_is_refused_and_the_action_keeps_its_state(client, ada, olivia, world):
    action = world.wcc_action
    first = Action.history.filter(id=action.pk).earliest()
    record_update(olivia, action, status="in_progress", rag="red", note="Caseloads rising again.")
    action.refresh_from_db()
    client.force_login(ada)
    url = reverse("admin:actionplan_action_simple_history", args=[action.pk, first.history_id])
    data = {
        "plan": action.plan_id,
        "area": action.area_id,
        "lead_agency": action.lead_agency_id,
        "description": first.description,
        "status": first.status,
        "rag": first.rag,
        "target_date": first.target_date.isoformat(),
    }
    assert client.post(url, data).status_code == 403
    kept = Action.objects.get(pk=action.pk)
    assert (kept.version, kept.rag) == (action.version, "red")


def test_a_user_account_cannot_be_reverted_either(client, ada, olivia):
    first = olivia.history.earliest()
    client.force_login(ada)
    url = reverse("admin:people_user_simple_history", args=[olivia.pk, first.history_id])
    assert client.post(url, {"username": "olivia", "role": "officer"}).status_code == 403


def test_an_admin_change_cannot_move_a_target_date_and_links_to_the_page_that_can(client, ada, world):
    action = world.wcc_action
    url = reverse("admin:actionplan_action_change", args=[action.pk])
    client.force_login(ada)
    page = client.get(url)
    assert reverse("action_update", args=[action.pk]) in page.content.decode()
    data = change_form_data(client, url)
    moved = action.target_date + datetime.timedelta(days=90)
    data.update(target_date=moved.isoformat(), status="completed", description="Caseloads reviewed weekly")
    assert client.post(url, data).status_code == 302
    kept = Action.objects.get(pk=action.pk)
    assert (kept.target_date, kept.status) == (action.target_date, action.status)
    assert kept.description == "Caseloads reviewed weekly"
    assert not TargetDateChange.objects.filter(action=action).exists()


def test_the_page_the_admin_links_to_records_the_move_with_its_reason(client, ada, world):
    action = world.wcc_action
    moved = action.target_date + datetime.timedelta(days=90)
    client.force_login(ada)
    response = client.post(
        reverse("action_update", args=[action.pk]),
        {
            "version": action.version,
            "status": action.status,
            "rag": action.rag,
            "note": "",
            "new_target_date_0": moved.day,
            "new_target_date_1": moved.month,
            "new_target_date_2": moved.year,
            "target_date_reason": "Recruitment delayed",
        },
    )
    assert response.status_code == 302
    change = TargetDateChange.objects.get(action=action)
    assert (change.new_date, change.reason, change.changed_by) == (moved, "Recruitment delayed", ada)


@pytest.fixture
def agreed_meeting(clara, world):
    meeting = world.last_meeting
    item = save_note_item(actor=clara, meeting=meeting, data={"heading": "Caseloads", "body": "Heard from Olivia."})
    agree_notes(actor=clara, meeting=meeting)
    return Meeting.objects.get(pk=meeting.pk), item


def test_agreed_notes_cannot_be_changed_in_the_admin(client, ada, agreed_meeting):
    meeting, item = agreed_meeting
    client.force_login(ada)
    item_url = reverse("admin:review_noteitem_change", args=[item.pk])
    response = client.post(item_url, {"meeting": meeting.pk, "position": 1, "heading": "Rewritten", "body": "Changed"})
    assert response.status_code == 403
    meeting_url = reverse("admin:review_meeting_change", args=[meeting.pk])
    data = change_form_data(client, reverse("admin:review_meeting_change", args=[meeting.pk]))
    assert client.post(meeting_url, {**data, "notes_status": "draft"}).status_code == 403
    assert NoteItem.objects.get(pk=item.pk).heading == "Caseloads"
    assert Meeting.objects.get(pk=meeting.pk).notes_locked
    assert reverse("meeting_detail", args=[meeting.review_id, meeting.pk]) in client.get(meeting_url).content.decode()


def test_evidence_is_added_on_the_actions_page_where_files_are_checked_not_in_the_admin(client, ada, world):
    client.force_login(ada)
    assert client.get(reverse("admin:actionplan_evidence_add")).status_code == 403
    response = client.post(
        reverse("admin:actionplan_evidence_add"),
        {
            "inspection": world.inspection.pk,
            "action": world.wcc_action.pk,
            "title": "Caseload report",
            "kind": "document",
            "status": "received",
        },
    )
    assert response.status_code == 403
    assert not Evidence.objects.exists()


def test_evidence_in_the_admin_links_to_its_page(client, ada, olivia, world):
    from actionplan.services.evidence import add_evidence

    evidence = add_evidence(actor=olivia, action=world.wcc_action, title="Caseload report", kind="verbal")
    client.force_login(ada)
    page = client.get(reverse("admin:actionplan_evidence_change", args=[evidence.pk]))
    assert reverse("evidence_edit", args=[evidence.pk]) in page.content.decode()
    assert (
        client.post(reverse("admin:actionplan_evidence_change", args=[evidence.pk]), {"title": "x"}).status_code == 403
    )


def test_the_reviews_stage_is_changed_on_its_page_not_in_the_admin(client, ada, world):
    review = world.review
    url = reverse("admin:review_review_change", args=[review.pk])
    client.force_login(ada)
    assert reverse("review_stage_update", args=[review.pk]) in client.get(url).content.decode()
    data = change_form_data(client, url)
    data.update(
        {
            "title": "Renamed review",
            "state": "closed",
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
            "area_decisions-TOTAL_FORMS": 0,
            "area_decisions-INITIAL_FORMS": 0,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    kept = Review.objects.get(pk=review.pk)
    assert (kept.title, kept.state) == ("Renamed review", Review.State.GATHERING_EVIDENCE)
