"""The same form sent twice (a double press, the back button and send again) saves one record; the
second sending is told so and led where the first went, never an error or a conflict."""

import re

import pytest
from django.urls import reverse

from actionplan.models import ProgressUpdate
from scrutiny.review.models import Conclusion, InformationRequest

from .form_helpers import action_update_form

pytestmark = pytest.mark.django_db


def token_of(response) -> str:
    found = re.search(r'name="_submission" value="([^"]+)"', response.content.decode())
    assert found, "every form a page shows carries its one-time submission token"
    return found.group(1)


def banner(client, response) -> str:
    return client.get(response["Location"]).content.decode()


def test_a_conclusion_sent_twice_is_recorded_once(client, world):
    client.force_login(world.maya)
    url = reverse("conclusion_add", args=[world.review.pk])
    data = {
        "_submission": token_of(client.get(url)),
        "subject": f"action-{world.arden_action.pk}",
        "meeting": world.last_meeting.pk,
        "judgement": Conclusion.Judgement.SATISFIED,
        "reasoning": "Audit seen.",
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert Conclusion.objects.count() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert "This form had already been sent, so it was saved once" in banner(client, second)


def test_two_forms_shown_are_two_records(client, world):
    client.force_login(world.maya)
    url = reverse("request_add", args=[world.review.pk])
    for question in ("Send the audit.", "Send the audit."):  # the same words, asked twice on purpose
        data = {
            "_submission": token_of(client.get(url)),
            "meeting": world.next_meeting.pk,
            "asked_of_agency": world.arden.pk,
            "question": question,
        }
        assert client.post(url, data).status_code == 302
    assert InformationRequest.objects.count() == 2


def test_a_form_refused_and_corrected_is_saved_with_the_same_token(client, world):
    client.force_login(world.maya)
    url = reverse("request_add", args=[world.review.pk])
    data = {"_submission": token_of(client.get(url)), "meeting": world.next_meeting.pk, "asked_of_agency": ""}
    refused = client.post(url, {**data, "question": "Send the audit."})
    assert refused.status_code == 200 and token_of(refused) == data["_submission"]
    corrected = client.post(url, {**data, "asked_of_agency": world.arden.pk, "question": "Send the audit."})
    assert corrected.status_code == 302 and InformationRequest.objects.count() == 1


def test_an_action_update_sent_twice_saves_one_update_and_no_conflict(client, world):
    action = world.wcc_action
    client.force_login(world.olivia)
    url = reverse("action_update", args=[action.pk])
    page = client.get(url)
    data = {"_submission": token_of(page), **action_update_form(action, note="Caseloads are down to 18.")}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    assert ProgressUpdate.objects.filter(action=action).count() == 1
    assert second.status_code == 302
    page = banner(client, second)
    assert "saved once" in page and "changed this action" not in page


def test_the_button_is_pressed_once_in_the_browser_too(client, world):
    client.force_login(world.maya)
    page = client.get(reverse("conclusion_add", args=[world.review.pk])).content.decode()
    button = re.search(r'<input type="submit"[^>]*value="Record the conclusion"[^>]*>', page, re.S).group(0)
    assert 'data-module="govuk-button"' in button and 'data-prevent-double-click="true"' in button
    assert "js/submit-once.js" in page


def test_a_second_sending_while_the_first_is_still_saving_waits_then_says_so(client, world, monkeypatch):
    from scrutiny.core import submissions

    monkeypatch.setattr(submissions, "WAIT_SECONDS", 0.3)
    client.force_login(world.maya)
    url = reverse("request_add", args=[world.review.pk])
    token = token_of(client.get(url))
    assert submissions.claim(token)  # the first sending, still saving
    data = {"_submission": token, "meeting": world.next_meeting.pk, "asked_of_agency": world.arden.pk, "question": "Q"}
    response = client.post(url, data)
    assert response.status_code == 200 and "is still being saved" in response.content.decode()
    assert not InformationRequest.objects.exists()
