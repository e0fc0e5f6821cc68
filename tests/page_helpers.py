"""Addresses of pages and what certain pages must say, shared by the page tests."""

from django.urls import reverse


def meeting_url(name: str, meeting) -> str:
    """The address of one of a meeting's pages, under its review (/reviews/<id>/meetings/<id>/...)."""
    return reverse(name, args=[meeting.review_id, meeting.pk])


def assert_try_again_page(response, address: str) -> str:
    """The page for a moment's unavailability: 503, when to retry, and a link to try the same address again."""
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable for a moment" in page
    assert f'href="{address}">Try again</a>' in page
    return page


def post_conclusion(client, review_pk, *, subject: str, meeting_pk, reasoning: str, judgement="satisfied"):
    """The add-a-conclusion form of a review as sent; `subject` as the form names it ("action-<pk>", "area-<pk>")."""
    data = {"subject": subject, "meeting": meeting_pk, "judgement": judgement, "reasoning": reasoning}
    return client.post(reverse("conclusion_add", args=[review_pk]), data)


def assert_refused_next_to_field(response, field: str) -> str:
    """The form comes back (200) with an error on `field`, an error summary and "Error:" in the title."""
    page = response.content.decode()
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "govuk-error-summary" in page and "<title>Error:" in page
    return page
