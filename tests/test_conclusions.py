"""Recording the group's conclusions: who, where, what stays on the record."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from scrutiny.review.conclusions_table import conclusions_for_action
from scrutiny.review.models import Conclusion, Meeting

from .factories import conclude
from .page_helpers import assert_refused_next_to_field

pytestmark = pytest.mark.django_db
J = Conclusion.Judgement


def post_conclusion(client, world, **overrides):
    data = {
        "subject": f"action-{world.arden_action.pk}",
        "meeting": world.last_meeting.pk,
        "judgement": J.MORE_INFORMATION_NEEDED,
        "reasoning": "Certain evidence was unavailable to us.",
    }
    data.update(overrides)
    return client.post(reverse("conclusion_add", args=[world.review.pk]), data)


def test_a_member_records_a_conclusion_reached_at_a_meeting(client, world):
    client.force_login(world.maya)
    response = post_conclusion(client, world)
    assert response.status_code == 302
    conclusion = Conclusion.objects.get()
    assert conclusion.action == world.arden_action and conclusion.meeting == world.last_meeting
    assert conclusion.reached_on == world.last_meeting.date, "dated when the group met, not when typed"
    assert conclusion.recorded_by == world.maya
    record = conclusion.history.get()
    assert record.history_type == "+" and record.history_user == world.maya
    page = client.get(response["Location"])
    assert "Recorded: more information needed" in page.content.decode()


def test_the_form_offers_the_most_recent_meeting_on_or_before_today(client, world):
    client.force_login(world.clara)
    response = client.get(reverse("conclusion_add", args=[world.review.pk]) + f"?action={world.arden_action.pk}")
    form = response.context["form"]
    assert form.initial["meeting"] == world.last_meeting  # not the meeting in two weeks' time
    assert form.initial["subject"] == f"action-{world.arden_action.pk}"
    html = response.content.decode()
    assert f'value="action-{world.arden_action.pk}" selected' in html


def test_a_conclusion_can_be_on_a_whole_area(client, world):
    client.force_login(world.maya)
    post_conclusion(client, world, subject=f"area-{world.area2.pk}", judgement=J.SATISFIED)
    conclusion = Conclusion.objects.get()
    assert conclusion.area == world.area2 and conclusion.action is None


def test_earlier_conclusions_stay_and_the_latest_is_current(client, world):
    todays = Meeting.objects.create(review=world.review, title="Today", date=timezone.localdate(), purpose="x")
    client.force_login(world.maya)
    post_conclusion(client, world)
    post_conclusion(client, world, meeting=todays.pk, judgement=J.SATISFIED, reasoning="Audit seen.")
    trail = conclusions_for_action(world.arden_action)
    assert [c.judgement for c in trail] == [J.MORE_INFORMATION_NEEDED, J.SATISFIED]
    html = render_to_string("scrutiny/conclusions/_list.html", {"conclusions": trail})
    assert html.index("More information needed") < html.index("Satisfied") < html.index("(current judgement)")


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("reasoning", "", "Enter the group&#x27;s reasoning"),
        ("judgement", "", "Choose the group&#x27;s judgement"),
        ("judgement", "delighted", "Select a valid choice"),
        ("meeting", "999999", "Choose a meeting of this review"),
        ("subject", "action-999999", "Select a valid choice"),
    ],
)
def test_bad_input_gets_an_error_next_to_the_field_and_saves_nothing(client, world, field, value, message):
    client.force_login(world.maya)
    response = post_conclusion(client, world, **{field: value})
    assert message in assert_refused_next_to_field(response, field)
    assert not Conclusion.objects.exists()


def test_a_meeting_of_another_review_is_refused(client, world):
    other = Meeting.objects.create(review=world.other_review, title="Other", date=world.last_meeting.date, purpose="x")
    client.force_login(world.maya)
    response = post_conclusion(client, world, meeting=other.pk)
    assert "meeting" in response.context["form"].errors
    assert not Conclusion.objects.exists()


def test_officers_read_conclusions_with_their_history_but_cannot_record_one(client, world):
    conclusion = conclude(world, J.SATISFIED, area=world.area1, reasoning="Suitable progress.")
    client.force_login(world.olivia)
    page = client.get(reverse("conclusion_detail", args=[conclusion.review_id, conclusion.pk])).content.decode()
    assert "Suitable progress." in page
    assert "<strong>Created</strong> by Cllr Maya Patel" in page[page.index('class="history-panel"') :]
    assert client.get(reverse("conclusion_add", args=[world.review.pk])).status_code == 403
    assert post_conclusion(client, world).status_code == 403
    assert Conclusion.objects.count() == 1


def test_conclusions_for_action_includes_the_areas_conclusions(world):
    area_level = conclude(world, J.MORE_INFORMATION_NEEDED, area=world.area2, reasoning="Longer timescales.")
    world.next_meeting.date = timezone.localdate()  # held today
    world.next_meeting.save()
    own = conclude(world, J.SATISFIED, meeting=world.next_meeting, action=world.arden_action, reasoning="Audit seen.")
    conclude(world, J.SATISFIED, action=world.wcc_action, reasoning="Another action.")
    assert conclusions_for_action(world.arden_action) == [area_level, own]
    assert world.last_meeting.date < world.next_meeting.date
    assert own.reached_on - area_level.reached_on == datetime.timedelta(days=14)
