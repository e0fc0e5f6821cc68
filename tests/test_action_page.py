"""The action page: everything about one action, and pages whose queries stay bounded."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.models import Action, Evidence
from actionplan.services.evidence import add_evidence
from actionplan.uploads import PDF
from scrutiny.review.models import Conclusion
from tests.factories import conclude, record_update
from tests.query_helpers import assert_queries_flat

from .test_my_actions import add_actions

pytestmark = pytest.mark.django_db


def detail(client, action):
    return client.get(reverse("action_detail", args=[action.pk])).content.decode()


def move_date(world, action, days, reason, actor=None):
    action = Action.objects.get(pk=action.pk)
    return record_update(
        actor or world.olivia,
        action,
        new_target_date=action.target_date + datetime.timedelta(days=days),
        target_date_reason=reason,
    )


def test_the_page_shows_area_inspection_plan_lead_measure_and_state(client, world):
    client.force_login(world.maya)
    page = detail(client, world.wcc_action)
    for text in [
        "Area 1",
        world.area1.text[:40],
        world.inspection.title,
        "WCC action plan",
        "Ofsted inspection report",
        "Warwickshire County Council",
        "Weekly caseload reports",
        "In progress",
        "Not rated",
    ]:
        assert text in page, text
    assert reverse("area_detail", args=[world.area1.pk]) in page


def test_every_earlier_target_date_with_who_why_and_the_total_slip(client, world):
    first = world.wcc_action.target_date
    move_date(world, world.wcc_action, 30, "New system delayed.")
    move_date(world, world.wcc_action, -10, "Brought forward after the audit.", actor=world.ada)
    client.force_login(world.maya)
    page = detail(client, world.wcc_action)
    assert "Moved 2 times" in page and f"first due {first:%-d %B %Y}" in page and "20 days later in all" in page
    assert "New system delayed." in page and "Brought forward after the audit." in page
    assert "Olivia Okafor" in page and "Ada Admin" in page and ">-10<" in page


def test_an_overdue_action_is_flagged_in_words(client, world):
    client.force_login(world.arjun)
    page = detail(client, world.arden_action)
    assert '<strong class="govuk-tag overdue-tag">Overdue</strong>' in page
    assert "the target date has passed and the action is still open" in page


def test_updates_are_a_timeline_and_conclusions_are_read_only(client, world):
    action = Action.objects.get(pk=world.wcc_action.pk)
    record_update(world.olivia, action, status="in_progress", rag="amber", note="Recruited two social workers.")
    conclude(world, "satisfied", action=world.wcc_action, reasoning="Caseloads are monitored weekly.")
    client.force_login(world.olivia)
    page = detail(client, world.wcc_action)
    assert "Recruited two social workers." in page and "Status set: In progress; RAG: Amber" in page
    assert "Satisfied" in page and "Caseloads are monitored weekly." in page
    # Read-only here: no form and no link to change the conclusion.
    assert "<form" not in page.split("The group's conclusions")[1].split("history-panel")[0]


def test_the_history_panel_shows_field_changes_with_who(client, world):
    action = Action.objects.get(pk=world.wcc_action.pk)
    record_update(world.olivia, action, status="in_progress", rag="red", note="Caseloads up.")
    client.force_login(world.maya)
    page = detail(client, world.wcc_action)
    panel = page.split('class="history-panel"')[1]
    assert "Changed</strong> by Olivia Okafor" in panel and "RAG rating" in panel and "Red" in panel


def make_busy_action(world, n):
    """An action with n updates, n pieces of evidence and n target date moves."""
    action = world.wcc_action
    for index in range(n):
        move_date(world, action, 1, f"Reason {index}")
        fresh = Action.objects.get(pk=action.pk)
        record_update(world.olivia, fresh, status="in_progress", rag=["red", "amber"][index % 2], note=f"Note {index}")
        add_evidence(
            actor=world.olivia,
            action=fresh,
            title=f"Report {index}",
            kind="document",
            upload=SimpleUploadedFile("r.pdf", b"%PDF-1.4\n"),
            upload_kind=PDF,
            provided_by=world.olivia_person,
            provided_by_agency=world.wcc,
        )
        Conclusion(
            review=world.review,
            meeting=world.last_meeting,
            action=fresh,
            judgement="satisfied",
            reasoning=f"Reason {index}",
        ).save()
    return action


@pytest.mark.parametrize("name", ["action_detail", "action_update", "evidence_add", "area_detail", "evidence_edit"])
def test_pages_make_the_same_number_of_queries_with_5_or_500_actions(client, world, name):
    make_busy_action(world, 2)
    client.force_login(world.olivia)
    evidence = Evidence.objects.first()
    arg = {"area_detail": world.area3.pk, "evidence_edit": evidence.pk}.get(name, world.wcc_action.pk)
    assert_queries_flat(client, reverse(name, args=[arg]), lambda count: add_actions(world, count), first=5, then=495)


def test_the_action_page_queries_do_not_grow_with_its_updates_evidence_and_history(client, world):
    client.force_login(world.olivia)
    url = reverse("action_detail", args=[world.wcc_action.pk])
    assert_queries_flat(client, url, lambda count: make_busy_action(world, count), first=2, then=20)


def test_the_area_page_lists_its_actions(client, world):
    client.force_login(world.arjun)
    page = client.get(reverse("area_detail", args=[world.area2.pk])).content.decode()
    assert world.area2.text in page and world.arden_action.description in page and "Overdue" in page


def test_the_page_shows_the_groups_conclusions_on_the_action_and_on_its_area(client, world):
    conclude(world, "satisfied", area=world.area1, reasoning="Suitable progress is being made overall.")
    conclude(
        world,
        "more_information_needed",
        action=world.wcc_action,
        reasoning="We would like to see the caseload reports.",
    )
    client.force_login(world.maya)  # a member, who records the next conclusion from here too
    page = client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()
    assert "Suitable progress is being made overall." in page
    assert "on area 1 as a whole" in page
    assert "We would like to see the caseload reports." in page
    assert "(current judgement)" in page
    assert f"{reverse('conclusion_add', args=[world.review.pk])}?action={world.wcc_action.pk}&amp;next=" in page
