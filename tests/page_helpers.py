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
