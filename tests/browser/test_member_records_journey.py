"""The demo member records the group's judgement, asks the Arden Cluster for more, the Arden Cluster
answers with an email, and the member is then satisfied: all of it on the record."""

import datetime

import pytest

from actionplan.models import Action, Evidence
from scrutiny.people.models import User
from scrutiny.review.models import Conclusion, InformationRequest, Recommendation

from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "scrutiny-demo-2012"
EMAIL = (
    b"From: Jackie Channell <jackie.channell@arden.nhs.uk>\r\nTo: democratic.services@warwickshire.gov.uk\r\n"
    b"Subject: Health assessments for looked after children\r\nDate: Mon, 21 May 2012 09:30:00 +0100\r\n\r\n"
    b"The audit of health assessment timeliness is now complete; the figures are below.\r\n"
)


@pytest.fixture
def demo(db):
    from scrutiny.review.demo import load_demo
    from scrutiny.review.models import Meeting
    from scrutiny.review.services.meetings import reopen_notes

    load_demo()
    users = {u.username: u for u in User.objects.filter(username__in=["member", "arden.officer", "clerk"])}
    # The demo's notes are agreed, which locks their meetings: the clerk reopens the two this journey adds to.
    for date in (datetime.date(2012, 5, 14), datetime.date(2012, 12, 6)):
        reopen_notes(
            actor=users["clerk"], meeting=Meeting.objects.get(date=date), reason="The chair asked for a late addition"
        )
    return users


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")


def record_conclusion(page, action, judgement, reasoning, meeting_label=None):
    page.goto("/conclusions/")
    page.get_by_role("link", name=f"Record a conclusion on action {action.reference}").click()
    assert page.get_by_label("What the conclusion is about").input_value() == f"action-{action.pk}"
    if meeting_label:
        page.get_by_label("Meeting where the group reached it").select_option(label=meeting_label)
    page.get_by_label(judgement, exact=True).check()
    page.get_by_label("The group's reasoning").fill(reasoning)
    assert_accessible(page)
    page.get_by_role("button", name="Record the conclusion").click()
    page.wait_for_load_state()
    assert f"Recorded: {judgement.lower()}" in page.locator(".govuk-notification-banner").inner_text()


def test_member_concludes_asks_arden_and_is_then_satisfied(page, demo):
    member, arden_officer = demo["member"], demo["arden.officer"]
    action = Action.objects.get(reference="2.1", area__number=2)
    sign_in(page, member, DEMO_PASSWORD)

    # The form refuses a conclusion without reasoning, with the error beside the field.
    page.goto(f"/conclusions/add/?action={action.pk}")
    page.get_by_label("More information needed", exact=True).check()
    page.get_by_role("button", name="Record the conclusion").click()
    assert_error_page(page)
    assert "Enter the group's reasoning" in page.locator(".govuk-error-summary").inner_text()
    assert "Enter the group's reasoning" in page.locator(".govuk-error-message").inner_text()
    assert_accessible(page)

    record_conclusion(
        page,
        action,
        "More information needed",
        "The Arden Cluster works to longer timescales; the audit is not yet available.",
        meeting_label="Health (14 May 2012)",
    )
    screenshot(page, "conclusions-table-after-first")

    # Raise a request to the Arden Cluster at the same meeting.
    page.goto(f"/requests/add/?action={action.pk}")
    page.get_by_label("Raised at").select_option(label="Health (14 May 2012)")
    page.get_by_label("Agency asked").select_option(label="NHS Arden Cluster")
    page.get_by_label("What is asked").fill("Send the audit of health assessment timeliness for looked after children.")
    page.get_by_label("Answer needed by").fill("2012-05-28")
    assert_accessible(page)
    page.get_by_role("button", name="Raise the request").click()
    page.wait_for_load_state()
    assert "Request raised with NHS Arden Cluster" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)
    info_request = InformationRequest.objects.get(action=action)
    sign_out(page)

    # The Arden Cluster's officer finds it on My actions, where they land (overdue: it was due in 2012),
    # and answers it.
    sign_in(page, arden_officer, DEMO_PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "My actions"
    asked = page.locator(".information-requests li", has_text="Send the audit of health assessment timeliness")
    assert "Overdue" in asked.inner_text()
    assert_accessible(page)
    screenshot(page, "requests-arden-officer")
    page.get_by_role("link", name="Send the audit of health assessment timeliness").click()
    page.get_by_role("link", name="Answer this request").click()
    page.get_by_label("Answer", exact=True).fill("The audit is complete: see the email attached.")
    page.get_by_label("Upload evidence (optional)").set_input_files(
        files=[{"name": "health-assessments-audit.eml", "mimeType": "message/rfc822", "buffer": EMAIL}]
    )
    page.get_by_label("Title of the uploaded evidence").fill(
        "Email from the Arden Cluster on the health assessment audit"
    )
    page.get_by_label("Kind of evidence uploaded").select_option(label="Email")
    assert_accessible(page)
    page.get_by_role("button", name="Send the answer").click()
    page.wait_for_load_state()
    assert "Your answer has been sent" in page.locator(".govuk-notification-banner").inner_text()
    assert "Email from the Arden Cluster on the health assessment audit" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "request-answered")
    # Officers read the conclusions but are offered no way to record one.
    page.goto("/conclusions/")
    assert page.get_by_role("link", name="Record a conclusion").count() == 0
    sign_out(page)

    # The member reads the answer and is satisfied, at the latest meeting (the default).
    sign_in(page, member, DEMO_PASSWORD)
    page.goto(f"/requests/{info_request.pk}/")
    assert "Answered" in page.locator("main").inner_text()
    record_conclusion(page, action, "Satisfied", "The audit shows health assessments are now timely.")

    row = page.locator(f"#action-{action.pk}")
    text = row.inner_text()
    assert "Satisfied" in text and "on this action" in text
    earlier = row.locator(".earlier-conclusions").inner_text()
    assert "More information needed, 14 May 2012" in earlier
    assert_accessible(page)
    screenshot(page, "conclusions-table-after-second")

    # Both conclusions, in order, and every step in the history with its author.
    own = list(Conclusion.objects.filter(action=action).order_by("reached_on", "id"))
    assert [c.judgement for c in own] == ["more_information_needed", "satisfied"]
    assert own[0].reached_on == datetime.date(2012, 5, 14) and own[0].reached_on < own[1].reached_on
    assert all(c.history.get().history_user == member for c in own)
    request_history = list(info_request.history.order_by("history_date", "history_id"))
    assert request_history[0].history_user == member and request_history[0].history_type == "+"
    assert {h.history_user for h in request_history[1:]} == {arden_officer}
    evidence = info_request.evidence.get()
    assert evidence.kind == Evidence.Kind.EMAIL and evidence.history.get().history_user == arden_officer

    page.goto(f"/conclusions/{own[1].pk}/")
    assert "History of changes" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_demo_recommendations_show_and_the_committees_response_is_recorded(page, demo):
    sign_in(page, demo["clerk"], DEMO_PASSWORD)
    page.goto("/recommendations/")
    main = page.locator("main").inner_text()
    for label in ("Recommendation 1", "Recommendation 2", "Recommendation 3", "Observation 1", "Observation 2"):
        assert label in main
    assert main.count("Awaiting the committee") == 5
    assert_accessible(page)
    screenshot(page, "recommendations")

    page.get_by_role("link", name="Recommendation 2").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record the committee's decision and implementation").click()
    page.get_by_label("Agreed", exact=True).check()
    page.get_by_role("button", name="Save the decision").click()
    assert_error_page(page)
    assert "Give the date of the committee's decision." in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    screenshot(page, "recommendation-error")
    page.get_by_label("Date of the committee's decision").fill("2012-12-12")
    page.get_by_label("Committee's comments").fill("Agreed; the Chair will write to Coventry.")
    page.get_by_role("button", name="Save the decision").click()
    page.wait_for_load_state()
    assert (
        "Saved the committee's decision on Recommendation 2" in page.locator(".govuk-notification-banner").inner_text()
    )
    assert "12 December 2012" in page.locator("main").inner_text()
    assert_accessible(page)
    recommendation = Recommendation.objects.get(kind="recommendation", number=2)
    assert recommendation.committee_decision == "agreed"
    assert recommendation.history.first().history_user == demo["clerk"]

    page.goto("/review/")
    assert "Not pursued" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "review")
