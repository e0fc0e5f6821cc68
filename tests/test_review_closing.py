"""A closed review is read-only through every door; an administrator reopens it with a reason."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from scrutiny.review.errors import ReviewClosed
from scrutiny.review.models import Conclusion, Review
from scrutiny.review.services.conclusions import record_conclusion
from scrutiny.review.services.review import reopen_review

from .page_helpers import post_conclusion


@pytest.fixture
def closed(world):
    world.review.state = Review.State.CLOSED
    world.review.save()
    return world.review


def write_urls(world):
    r, m = world.review.pk, world.next_meeting.pk
    return [
        reverse("review_stage_update", args=[r]),
        reverse("review_area_update", args=[r, world.area1.pk]),
        reverse("conclusion_add", args=[r]),
        reverse("request_add", args=[r]),
        reverse("recommendation_add", args=[r]),
        reverse("meeting_add", args=[r]),
        reverse("meeting_edit", args=[r, m]),
        reverse("meeting_attendance", args=[r, m]),
        reverse("meeting_note_add", args=[r, m]),
        reverse("meeting_conclusion_add", args=[r, m]),
        reverse("meeting_request_add", args=[r, m]),
        reverse("meeting_agree_notes", args=[r, m]),
    ]


def test_every_form_of_a_closed_review_refuses_with_a_clear_message(client, world, clara, closed):
    client.force_login(clara)
    for url in write_urls(world):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response.url == closed.get_absolute_url(), url
            said = [str(m) for m in get_messages(response.wsgi_request)]
            assert any("is closed" in text for text in said), url


def test_nothing_is_saved_when_a_closed_review_is_posted_to(client, world, maya, closed):
    client.force_login(maya)
    post_conclusion(
        client,
        closed.pk,
        subject=f"action-{world.wcc_action.pk}",
        meeting_pk=world.last_meeting.pk,
        reasoning="Seen the audit.",
    )
    assert not Conclusion.objects.exists()


def test_the_service_refuses_too_so_the_admin_and_the_shell_cannot_write(world, maya, closed):
    with pytest.raises(ReviewClosed):
        record_conclusion(
            actor=maya,
            review=closed,
            judgement=Conclusion.Judgement.SATISFIED,
            reasoning="Seen.",
            action=world.wcc_action,
            meeting=world.last_meeting,
        )


def test_a_closed_reviews_pages_and_papers_stay_readable(client, world, maya, closed):
    client.force_login(maya)
    page = client.get(reverse("review_detail", args=[closed.pk]))
    assert page.status_code == 200
    assert "Closed" in page.content.decode()
    assert client.get(reverse("conclusions_table", args=[closed.pk])).status_code == 200
    assert client.get(reverse("meeting_detail", args=[closed.pk, world.last_meeting.pk])).status_code == 200
    report = client.get(reverse("review_report", args=[closed.pk, "final", "docx"]))
    assert report.status_code == 200
    assert report["Content-Type"].startswith("application/vnd.openxmlformats")


def test_only_an_administrator_reopens_it_and_the_reason_is_kept(client, world, ada, clara, closed):
    client.force_login(clara)
    assert (
        client.post(reverse("review_reopen", args=[closed.pk]), {"state": "final_report", "reason": "x"}).status_code
        == 403
    )
    client.force_login(ada)
    response = client.post(reverse("review_reopen", args=[closed.pk]), {"state": "final_report", "reason": ""})
    assert "Say why the review is being reopened" in response.content.decode()
    response = client.post(
        reverse("review_reopen", args=[closed.pk]),
        {
            "state": "final_report",
            "reason": "The committee asked for one more session on health.",
        },
    )
    assert response.status_code == 302
    closed.refresh_from_db()
    assert closed.state == Review.State.FINAL_REPORT
    latest = closed.history.first()
    assert latest.history_user == ada
    assert latest.history_change_reason.startswith("Reopened: The committee asked for one more session")


def test_reopening_needs_a_reason_through_the_service(world, ada, closed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        reopen_review(actor=ada, review=closed, reason="  ")


def test_the_url_walk_finds_no_write_a_closed_review_lets_through(client, world):
    """Every page of the review that offers a form while it is open refuses it once it is closed,
    and a POST to any page of the review writes nothing (checked for the clerk and the administrator)."""
    from .security_urls import add_records, post_forms, reachable
    from .test_review_permissions import history_count

    records = add_records(world)
    review_pages = [(route, url) for route, url in reachable(records) if "review_pk" in route.params]
    client.force_login(world.ada)

    def offers_a_form(url) -> bool:
        response = client.get(url)
        html = response.get("Content-Type", "").startswith("text/html") and response.content.decode()
        return bool(html) and bool(post_forms(html, url))

    with_forms = [url for route, url in review_pages if route.name != "review_reopen" and offers_a_form(url)]
    assert len(with_forms) >= 10, with_forms
    world.review.state = Review.State.CLOSED
    world.review.save()
    before = history_count()
    for who in (world.clara, world.ada):
        client.force_login(who)
        for url in with_forms:
            response = client.get(url)
            assert response.status_code == 302 and response.url == world.review.get_absolute_url(), url
        for _route, url in review_pages:
            client.post(url, {})
    assert history_count() == before
