"""The review page: remit, people, dates and stage, areas pursued or not, meetings; the clerk changes them."""

import pytest
from django.urls import reverse

from actionplan.models import Area
from scrutiny.review.models import Meeting, Review, ReviewArea

from .factories import conclude, recommend

pytestmark = pytest.mark.django_db


def test_the_review_page_shows_the_review(client, world):
    ReviewArea.objects.create(review=world.review, area=world.area3, pursued=False, reason="Covered by the WSCB.")
    client.force_login(world.olivia)
    html = client.get(reverse("review_detail", args=[world.review.pk])).content.decode()
    for text in (
        "Safeguarding Improvement Task &amp; Finish Group",
        "Help the service to complete the Action Plan.",
        "Cllr Maya Patel, Councillor",
        "Clara Jones, Democratic Services Officer",
        "Kim Brandrick, Carer",
        "Children and Young People Overview &amp; Scrutiny Committee",
        "Gathering evidence",
        "Not pursued",
        "Covered by the WSCB.",
        f"{world.last_meeting.date:%-d %B %Y}",
        f"{world.next_meeting.date:%-d %B %Y}",
        "History of changes",
    ):
        assert text in html, text
    assert 'Change<span class="govuk-visually-hidden"> the stage' not in html  # officers cannot


def test_the_old_review_address_leads_to_the_review_she_sits_on(client, world):
    client.force_login(world.maya)
    response = client.get("/review/")
    assert response["Location"] == reverse("review_detail", args=[world.review.pk])


def post_stage(client, world, **data):
    return client.post(reverse("review_stage_update", args=[world.review.pk]), data)


def test_the_clerk_changes_the_stage(client, world):
    client.force_login(world.clara)
    response = post_stage(client, world, state=Review.State.INTERIM_REPORT, interim_report_on="2012-06-20")
    assert response.status_code == 302
    world.review.refresh_from_db()
    assert world.review.state == Review.State.INTERIM_REPORT
    assert world.review.history.first().history_user == world.clara
    assert "now at the stage: Interim report" in client.get(response["Location"]).content.decode()


def test_the_final_report_cannot_come_before_the_interim(client, world):
    client.force_login(world.clara)
    response = post_stage(
        client, world, state=Review.State.FINAL_REPORT, interim_report_on="2012-06-20", final_report_on="2012-01-01"
    )
    assert "cannot come before the interim" in response.context["form"].errors["final_report_on"][0]
    world.review.refresh_from_db()
    assert world.review.state == Review.State.GATHERING_EVIDENCE


def test_not_pursuing_an_area_needs_a_reason(client, world):
    client.force_login(world.clara)
    url = reverse("review_area_update", args=[world.review.pk, world.area3.pk])
    response = client.post(url, {"pursued": "no", "reason": " "})
    assert "Give the reason" in response.context["form"].errors["reason"][0]
    assert not ReviewArea.objects.exists()
    client.post(url, {"pursued": "no", "reason": "Less important, officers said."})
    decision = ReviewArea.objects.get()
    assert not decision.pursued and decision.history.get().history_user == world.clara
    client.post(url, {"pursued": "yes", "reason": ""})
    decision.refresh_from_db()
    assert decision.pursued and decision.history.count() == 2


def test_a_member_cannot_change_the_stage(client, world):
    client.force_login(world.maya)
    assert client.post(reverse("review_stage_update", args=[world.review.pk]), {"state": "closed"}).status_code == 403


def test_meetings_link_to_their_page(client, world):
    client.force_login(world.maya)
    html = client.get(reverse("review_detail", args=[world.review.pk])).content.decode()
    for meeting in (world.last_meeting, world.next_meeting):
        url = reverse("meeting_detail", args=[meeting.review_id, meeting.pk])
        assert f'<a class="govuk-link" href="{url}">{meeting.title}</a>' in html


@pytest.mark.parametrize("size", [3, 30])
def test_queries_stay_the_same_whatever_the_size(client, world, django_assert_num_queries, size):
    for n in range(size):
        area = Area.objects.create(inspection=world.inspection, number=10 + n, text="More", theme=world.lac)
        ReviewArea.objects.create(review=world.review, area=area, pursued=bool(n % 2), reason="Why not.")
        Meeting.objects.create(
            review=world.review, title=f"Meeting {n}", date=world.last_meeting.date, purpose="x", theme=world.lac
        )
    client.force_login(world.maya)
    url = reverse("review_detail", args=[world.review.pk])
    client.get(url)
    with django_assert_num_queries(QUERIES):
        client.get(url)


QUERIES = 12  # 11 for the page, 1 for the review bar's list of the person's other reviews


def test_each_record_page_leads_back_to_its_list(client, world):
    from scrutiny.review.services.requests import raise_request

    request = raise_request(actor=world.maya, review=world.review, asked_of_agency=world.wcc, question="Figures?")
    conclusion = conclude(world, "satisfied", area=world.area1, reasoning="Fine.")
    recommendation = recommend(world, "Link with the board.", kind="observation", addressed_to="The committee")
    client.force_login(world.maya)
    for page, pk, back, label in [
        ("request_detail", request.pk, "request_list", "Information requests"),
        ("conclusion_detail", conclusion.pk, "conclusions_table", "Conclusions"),
        ("recommendation_detail", recommendation.pk, "recommendation_list", "Recommendations and observations"),
    ]:
        html = client.get(reverse(page, args=[world.review.pk, pk])).content.decode()
        assert (
            f'<a class="govuk-breadcrumbs__link" href="{reverse(back, args=[world.review.pk])}">{label}</a>' in html
        ), page
