"""The portfolio: every live inspection and review a person works on, and nothing else."""

from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutiny.review.models import Review

from .factories import add_second_inspection
from .security_urls import REVIEW_PAGES


@pytest.fixture
def second(world):
    return add_second_inspection(world)


def test_a_member_on_two_reviews_sees_both_reviews_and_both_inspections(client, world, maya, second):
    client.force_login(maya)
    page = client.get(reverse("home")).content.decode()
    assert "Safeguarding Improvement Task &amp; Finish Group" in page
    assert "Children&#x27;s Improvement T&amp;F Group" in page
    assert escape(world.inspection.title) in page
    assert escape(second.inspection.title) in page
    # The review she does not sit on is not listed.
    assert "Another review" not in page


def test_each_review_shows_its_next_meeting_with_the_preparation_pack(client, world, maya, second):
    client.force_login(maya)
    page = client.get(reverse("home")).content.decode()
    assert reverse("prep_pack", args=[second.review.pk, second.meeting.pk]) in page
    assert reverse("prep_pack", args=[world.review.pk, world.next_meeting.pk]) in page


def test_each_inspection_counts_its_overdue_actions_and_links_to_them(client, world, maya, second):
    client.force_login(maya)
    page = client.get(reverse("home")).content.decode()
    assert f"{reverse('my_actions')}?inspection={second.inspection.pk}&amp;overdue=yes" in page
    response = client.get(reverse("my_actions"), {"inspection": second.inspection.pk, "overdue": "yes"})
    listed = response.content.decode()
    assert "Audit every child in need plan" in listed
    assert world.wcc_action.description not in listed


def test_a_member_of_one_review_gets_a_404_on_the_others_pages(client, world, mark):
    client.force_login(mark)
    for name in ("review_detail", *REVIEW_PAGES):
        assert client.get(reverse(name, args=[world.review.pk])).status_code == 404, name
    assert client.get(reverse("prep_pack", args=[world.review.pk, world.next_meeting.pk])).status_code == 404
    assert client.get(reverse("review_detail", args=[world.other_review.pk])).status_code == 200


def test_a_meeting_is_not_found_under_another_reviews_address(client, world, maya, second):
    client.force_login(maya)
    assert client.get(reverse("meeting_detail", args=[second.review.pk, world.next_meeting.pk])).status_code == 404
    assert client.get(reverse("meeting_detail", args=[world.review.pk, world.next_meeting.pk])).status_code == 200


def test_a_member_does_not_see_an_inspection_none_of_her_reviews_scrutinises(client, world, mark, second):
    client.force_login(mark)
    assert client.get(reverse("inspection_detail", args=[second.inspection.pk])).status_code == 404
    assert client.get(reverse("action_detail", args=[second.action.pk])).status_code == 404
    assert client.get(reverse("inspection_detail", args=[world.inspection.pk])).status_code == 200


def test_an_officers_my_actions_lists_their_agencys_actions_from_both_inspections(client, world, olivia, second):
    client.force_login(olivia)
    assert client.get(reverse("home")).url == reverse("my_actions")
    page = client.get(reverse("my_actions")).content.decode()
    assert world.wcc_action.description in page
    assert "Audit every child in need plan" in page
    assert world.arden_action.description not in page
    only_second = client.get(reverse("my_actions"), {"inspection": second.inspection.pk}).content.decode()
    assert "Audit every child in need plan" in only_second
    assert world.wcc_action.description not in only_second


def test_every_review_page_says_which_review_it_belongs_to_and_offers_the_others(client, world, maya, second):
    client.force_login(maya)
    page = client.get(reverse("dashboard", args=[second.review.pk])).content.decode()
    assert 'aria-label="This review"' in page
    assert "Children&#x27;s Improvement T&amp;F Group" in page
    assert reverse("review_detail", args=[world.review.pk]) in page  # one click to the other review
    assert escape(second.inspection.title) in page
    assert escape(world.inspection.title) not in page


def test_the_dashboard_shows_only_its_reviews_inspection(client, world, maya, second):
    client.force_login(maya)
    page = client.get(reverse("dashboard_actions", args=[second.review.pk])).content.decode()
    assert "Audit every child in need plan" in page
    assert world.wcc_action.description not in page


def test_administrators_see_every_review(client, world, ada, second):
    client.force_login(ada)
    page = client.get(reverse("home")).content.decode()
    for review in Review.objects.all():
        assert reverse("review_detail", args=[review.pk]) in page


def test_a_closed_review_is_listed_under_past(client, world, maya, second):
    second.review.state = Review.State.CLOSED
    second.review.save()
    client.force_login(maya)
    page = client.get(reverse("home")).content.decode()
    past = page.split('<h2 class="govuk-heading-m">Past</h2>')[1]
    assert "Children&#x27;s Improvement T&amp;F Group" in past


def test_the_portfolio_makes_as_many_queries_for_20_inspections_and_reviews_as_for_2(client, world, ada):
    client.force_login(ada)
    add_second_inspection(world, title="Inspection 0", review_title="Review 0")
    client.get(reverse("home"))  # the session's first request reads more than the page does
    with CaptureQueriesContext(connection) as two:
        assert client.get(reverse("home")).status_code == 200
    for n in range(1, 19):
        add_second_inspection(world, title=f"Inspection {n}", review_title=f"Review {n}")
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(reverse("home")).content.decode()
    assert "Review 18" in page and "Inspection 18" in page
    assert len(twenty) == len(two)


def test_each_inspection_shows_its_action_plan_deadline(client, world, ada, second):
    import datetime

    from actionplan.models import InspectionType

    kind = InspectionType.objects.create(
        code="ilacs-test", name="Children's services", plan_due_after=70, plan_due_unit=InspectionType.Unit.WORKING_DAYS
    )
    second.inspection.inspection_type = kind
    second.inspection.published_on = datetime.date(2014, 12, 1)
    second.inspection.save()
    client.force_login(ada)
    page = client.get(reverse("home")).content.decode()
    assert "70 working days" in page
    detail = client.get(reverse("inspection_detail", args=[second.inspection.pk])).content.decode()
    assert "70 working days" in detail


def test_each_review_says_what_changed_what_is_overdue_and_what_is_awaited_with_the_lists_it_counts(
    client, world, maya, second
):
    from actionplan.models import Action, Evidence

    client.force_login(maya)
    page = " ".join(client.get(reverse("home")).content.decode().split())
    for review, inspection in ((world.review, world.inspection), (second.review, second.inspection)):
        overdue = Action.objects.filter(area__inspection=inspection).overdue().count()
        awaited = Evidence.objects.filter(inspection=inspection).awaited().count()
        actions_url = f"{reverse('dashboard_actions', args=[review.pk])}?progress=overdue"
        assert f'href="{actions_url}">{overdue} overdue action' in page
        listed = client.get(actions_url)
        assert listed.status_code == 200 and listed.context["page"].paginator.count == overdue
        assert f'href="{reverse("dashboard_evidence", args=[review.pk])}">{awaited} item' in page
    assert f'href="{reverse("changes_since", args=[world.review.pk])}">What changed since ' in page
    assert client.get(reverse("changes_since", args=[world.review.pk])).status_code == 200
