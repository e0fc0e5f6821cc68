"""The clerk records a report's dates, the executive's responses and links an accepted recommendation to an
action; a member sees the register across both her reviews, filters it and exports it. axe on every page."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from scrutiny.review.models import Recommendation
from scrutiny.review.services.recommendations import add_recommendation

from ..factories import add_second_inspection
from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def checked(page, name):
    assert_accessible(page)
    screenshot(page, f"recommendations-{name}")


def recommend(world, review, text, addressed_to="Cabinet member for children"):
    return add_recommendation(
        actor=world.clara, review=review, kind="recommendation", text=text, addressed_to=addressed_to
    )


def test_the_clerk_records_responses_and_links_actions_and_a_member_uses_the_register(page, world):
    second = add_second_inspection(world)
    accepted = recommend(world, world.review, "Publish caseloads to the committee every quarter.")
    refused = recommend(world, world.review, "Appoint a second designated nurse.")
    recommend(world, second.review, "Audit every child in need plan.")
    today = timezone.localdate()
    received = today - datetime.timedelta(days=20)

    sign_in(page, world.clara)
    page.goto(reverse("recommendation_list", args=[world.review.pk]))
    checked(page, "list")
    page.get_by_role("link", name="Record the report's dates").click()
    checked(page, "report-dates")
    page.get_by_label("Date the report went to the committee").fill(
        (received - datetime.timedelta(days=2)).strftime("%d/%m/%Y")
    )
    page.get_by_label("Date the executive received the report").fill(received.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Save the dates").click()
    assert "Saved the report's dates." in page.locator(".govuk-notification-banner").inner_text()
    assert f"{received:%-d %B %Y}" in page.locator("main").inner_text()

    # The executive's response to the first: accepted, with its lead and the committee's intervals.
    page.goto(accepted.get_absolute_url())
    assert "Response not due until" in page.locator("main").inner_text()
    checked(page, "monitoring-before")
    page.get_by_role("link", name="Record the executive's response").click()
    page.get_by_role("button", name="Save the response").click()
    assert_error_page(page)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Choose whether the recommendation was accepted" in summary and "Enter the date of the response" in summary
    checked(page, "response-error")
    page.get_by_label("Accepted", exact=True).check()
    page.get_by_label("Date of the response").fill(today.strftime("%d/%m/%Y"))
    page.get_by_label("The response as given").fill("The cabinet accepts it and will report every quarter.")
    page.get_by_label("Lead").select_option(label=str(world.clara_person))
    page.get_by_label("Monitoring updates due, in months after the response").fill("6, 12")
    page.get_by_role("button", name="Save the response").click()
    assert "Saved the executive's response" in page.locator(".govuk-notification-banner").inner_text()

    # Linked to an existing action of the plan: its progress shows on the monitoring page.
    page.get_by_role("link", name="Link to actions").click()
    checked(page, "link-actions")
    page.get_by_label(re.compile(r"Action 1\.1 \(area 1, WCC\)")).check()
    page.get_by_role("button", name="Save the linked actions").click()
    table = page.get_by_role("table", name="Linked actions and their progress").inner_text()
    assert "Action 1.1" in table and world.wcc_action.get_status_display() in table
    assert f"{world.wcc_action.target_date:%-d %b %Y}" in table
    main = page.locator("main").inner_text()
    assert "Green" in main and "How the RAG rating is worked out" in main
    checked(page, "monitoring-after")
    page.get_by_role("link", name="Add a monitoring update").click()
    checked(page, "update-form")
    page.goto(reverse("recommendation_sign_off", args=[world.review.pk, accepted.pk]))
    checked(page, "sign-off-form")

    # The second is not accepted: the reasons are asked for, next to the field.
    page.goto(reverse("recommendation_response", args=[world.review.pk, refused.pk]))
    page.get_by_label("Not accepted").check()
    page.get_by_label("Date of the response").fill(today.strftime("%d/%m/%Y"))
    page.get_by_label("The response as given").fill("Not this year.")
    page.get_by_role("button", name="Save the response").click()
    field = page.locator(".govuk-form-group--error").filter(has=page.get_by_label("Reasons"))
    assert "Give the reasons for not accepting it in full" in field.locator(".govuk-error-message").inner_text()
    page.get_by_label("Reasons").fill("There is no budget for a second post this year.")
    page.get_by_role("button", name="Save the response").click()
    assert "Saved the executive's response" in page.locator(".govuk-notification-banner").inner_text()
    assert Recommendation.objects.get(pk=refused.pk).response == "not_accepted"

    # A member: the register across both her reviews, filtered, exported.
    page.context.clear_cookies()
    sign_in(page, world.maya)
    page.goto(reverse("recommendation_register"))
    main = page.locator("main").inner_text()
    assert "Publish caseloads" in main and "Audit every child in need plan." in main
    assert "Action 1.1" in main
    checked(page, "register")
    page.get_by_label("Review", exact=True).select_option(label=second.review.title)
    page.get_by_role("button", name="Apply filters").click()
    main = page.locator("main").inner_text()
    assert "Audit every child in need plan." in main and "Publish caseloads" not in main
    page.get_by_label("Review", exact=True).select_option(label=world.review.title)
    page.get_by_label("RAG rating").select_option(label="Green")
    page.get_by_role("button", name="Apply filters").click()
    main = page.locator("main").inner_text()
    assert "Publish caseloads" in main and "Audit every child in need plan." not in main
    checked(page, "register-filtered")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        rows = list(csv.reader(io.StringIO(exported.read())))
    assert rows[0][0] == "Reference"
    texts = [row[3] for row in rows[1:]]
    assert any("Publish caseloads" in text for text in texts)
    assert not any("Audit every child" in text for text in texts)
