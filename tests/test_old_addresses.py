"""Addresses from before each review's pages said which review still lead to the right page."""

from django.urls import reverse

from .factories import add_second_inspection


def test_an_old_review_page_goes_to_the_only_live_review_a_member_sits_on(client, world, maya):
    client.force_login(maya)
    response = client.get("/dashboard/?weeks=8")
    assert response.status_code == 302
    assert response.url == reverse("dashboard", args=[world.review.pk]) + "?weeks=8"


def test_with_two_reviews_the_old_address_asks_which_on_the_portfolio(client, world, maya):
    add_second_inspection(world)
    client.force_login(maya)
    response = client.get("/conclusions/")
    assert response.url == reverse("home")
    assert client.get(f"/conclusions/?review={world.review.pk}").url == reverse(
        "conclusions_table", args=[world.review.pk]
    )


def test_an_old_meeting_address_goes_to_the_meeting_under_its_review(client, world, clara):
    client.force_login(clara)
    old = f"/meetings/{world.next_meeting.pk}/notes/"
    assert client.get(old).url == reverse("meeting_notes", args=[world.review.pk, world.next_meeting.pk])
    assert client.get(f"/meetings/{world.next_meeting.pk}/agenda.pdf").url == reverse(
        "meeting_agenda", args=[world.review.pk, world.next_meeting.pk, "pdf"]
    )


def test_an_old_address_of_a_review_the_person_cannot_see_is_not_found(client, world, mark):
    client.force_login(mark)
    assert client.get(f"/meetings/{world.next_meeting.pk}/").status_code == 404
    assert client.get(f"/conclusions/?review={world.review.pk}").status_code == 404
