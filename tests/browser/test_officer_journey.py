"""The demo county-council officer updates one of their actions in Chromium, from My actions to
the history rows, with every bad input refused; the Arden Cluster officer cannot touch it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Evidence, TargetDateChange
from scrutiny.people.models import User
from scrutiny.review.demo import load_demo

from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "scrutiny-demo-2012"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def demo():
    load_demo()
    officer = User.objects.get(username="wcc.officer")
    action = Action.objects.for_agency(officer.agency).order_by("area__number", "reference").first()
    # Arrange: not started and past its target date, so My actions must flag it.
    action.status, action.rag, action.completed_on = Action.Status.NOT_STARTED, "", None
    action.target_date = timezone.localdate() - datetime.timedelta(days=1)
    action.save()
    return officer, action


def fill_date(page, prefix, value):
    page.locator(f"#id_{prefix}_0").fill(str(value.day))
    page.locator(f"#id_{prefix}_1").fill(str(value.month))
    page.locator(f"#id_{prefix}_2").fill(str(value.year))


def test_the_county_council_officer_updates_an_action_end_to_end(page, demo):
    officer, action = demo
    sign_in(page, officer, password=DEMO_PASSWORD)
    page.get_by_role("link", name="My actions").click()
    assert page.get_by_role("heading", level=1).inner_text() == "My actions"
    row = page.locator("tr", has=page.locator(f'a[href="{action.get_absolute_url()}"]'))
    assert "Overdue" in row.inner_text()
    assert_accessible(page)
    screenshot(page, "officer-my-actions")

    row.locator(f'a[href="{action.get_absolute_url()}"]').click()
    assert page.locator(".overdue-tag").first.inner_text() == "Overdue"
    assert_accessible(page)

    # Status change without an update: refused, nothing saved.
    page.get_by_role("link", name="Update this action").click()
    assert_accessible(page)
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Save update").click()
    assert_error_page(page)
    assert "Write a short update" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    screenshot(page, "officer-update-errors")
    assert Action.objects.get(pk=action.pk).status == Action.Status.NOT_STARTED

    page.get_by_label("In progress").check()
    page.get_by_label("Amber").check()
    page.get_by_label("Short update").fill("Audit checklists issued to every team manager.")
    page.get_by_role("button", name="Save update").click()
    assert "has been saved" in page.locator(".govuk-notification-banner").inner_text()

    # Move the target date: a nonsense date and a missing reason are refused first.
    page.get_by_role("link", name="Update this action").click()
    page.locator("#id_new_target_date_0").fill("31")
    page.locator("#id_new_target_date_1").fill("2")
    page.locator("#id_new_target_date_2").fill("2027")
    page.get_by_role("button", name="Save update").click()
    assert "must be a real date" in page.locator(".govuk-error-summary").inner_text()
    new_date = timezone.localdate() + datetime.timedelta(days=60)
    fill_date(page, "new_target_date", new_date)
    page.get_by_role("button", name="Save update").click()
    assert "Say why the target date is moving" in page.locator(".govuk-error-summary").inner_text()
    assert not TargetDateChange.objects.filter(action=action).exists()
    page.get_by_label("Why the target date is moving").fill("Waiting for the new case-file system.")
    page.get_by_role("button", name="Save update").click()
    assert "has been saved" in page.locator(".govuk-notification-banner").inner_text()

    # Attach a PDF; a file of the wrong type is refused first.
    page.get_by_role("link", name="Add evidence").click()
    assert "smaller than 20.0 MB" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Title").fill("Case-file audit checklist")
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "checklist.pdf", "mimeType": "application/pdf", "buffer": b"not really a pdf"}
    )
    page.get_by_role("button", name="Add evidence").click()
    assert "is not a real PDF" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    assert not Evidence.objects.filter(action=action, title="Case-file audit checklist").exists()
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "checklist.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Add evidence").click()
    assert "has been added" in page.locator(".govuk-notification-banner").inner_text()

    main = page.locator("main").inner_text()
    assert "Audit checklists issued to every team manager." in main
    assert "Case-file audit checklist" in main
    assert "Earlier target dates" in main and "Waiting for the new case-file system." in main
    assert "Overdue" not in page.locator("main .govuk-body").first.inner_text()
    history = page.locator(".history-panel").inner_text()
    assert f"Changed by {officer.display_name}" in history and "Target date" in history and "Amber" in history
    assert_accessible(page)
    screenshot(page, "officer-action-after-update")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Case-file audit checklist").click()
    assert download_info.value.suggested_filename.endswith("case-file-audit-checklist.pdf")

    saved = Action.objects.get(pk=action.pk)
    assert (saved.status, saved.rag, saved.target_date) == ("in_progress", "amber", new_date)


def test_the_arden_officer_cannot_change_the_councils_action(page, demo, client):
    _, action = demo
    arden = User.objects.get(username="arden.officer")
    sign_in(page, arden, password=DEMO_PASSWORD)
    page.goto(action.get_absolute_url())
    assert page.get_by_role("link", name="Update this action").count() == 0
    assert "only its officers can update it" in page.locator("main").inner_text()
    assert_accessible(page)
    for url in (reverse("action_update", args=[action.pk]), reverse("evidence_add", args=[action.pk])):
        assert page.goto(url).status == 404

    before = Action.objects.get(pk=action.pk)
    client.force_login(arden)
    response = client.post(
        reverse("action_update", args=[action.pk]),
        {
            "version": before.version,
            "status": "completed",
            "rag": "blue",
            "note": "Not mine.",
            "completed_on_0": "1",
            "completed_on_1": "1",
            "completed_on_2": "2013",
        },
    )
    assert response.status_code == 404
    response = client.post(reverse("evidence_add", args=[action.pk]), {"title": "X", "kind": "verbal"})
    assert response.status_code == 404
    after = Action.objects.get(pk=action.pk)
    assert (after.version, after.status) == (before.version, before.status)
