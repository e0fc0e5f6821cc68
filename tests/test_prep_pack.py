"""The preparation pack for a meeting: its areas in reading order, changes, evidence, requests."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Evidence
from scrutiny.review.models import InformationRequest

from .bulkdata import save_at
from .factories import make_action, received_evidence

pytestmark = pytest.mark.django_db


def pack(client, user, meeting):
    client.force_login(user)
    return client.get(reverse("prep_pack", args=[meeting.review_id, meeting.pk]))


def test_the_pack_for_the_coming_meeting_covers_its_themes_areas_in_reading_order(client, world, maya):
    # The health meeting has no areas chosen: its theme's areas are used.
    save_at(world.arden_action, timezone.now(), world.arjun, rag=Action.Rag.RED)
    received_evidence(world, world.arden_action, "Notification audit")
    InformationRequest(
        review=world.review,
        action=world.arden_action,
        asked_of_agency=world.arden,
        question="When will the audit finish?",
    ).save()
    text = pack(client, maya, world.next_meeting).content.decode()

    assert "Preparation pack: Health" in text
    assert "Area 2: Health" in text and "Area 1:" not in text
    assert text.index("In summary") < text.index("Area 2: Health")
    area2 = text[text.index("Area 2: Health") :]
    order = [
        area2.index(h)
        for h in (
            "Actions",
            "What changed since the previous meeting",
            "New evidence",
            "Outstanding information requests",
        )
    ]
    assert order == sorted(order)
    assert "Not rated" in area2 and "Red" in area2
    assert "Notification audit" in area2
    assert "When will the audit finish?" in area2
    assert "Overdue" in area2  # 2.1 was due ten days ago
    assert 'class="pack-area page-break-before"' in text


def test_a_meetings_own_areas_win_over_its_theme(client, world, maya):
    world.next_meeting.areas.add(world.area1, world.area3)
    text = pack(client, maya, world.next_meeting).content.decode()
    assert "Area 1: Safeguarding" in text and "Area 3: Looked after children" in text and "Area 2:" not in text
    assert text.count('class="pack-area page-break-before"') == 2


def test_the_first_meeting_has_no_changes_section_to_compare_with(client, world, maya):
    first = world.review.meetings.create(
        number=0, title="Scoping", date=timezone.localdate() - datetime.timedelta(days=90), purpose="Scope"
    )
    text = pack(client, maya, first).content.decode()
    assert "This is the review&#x27;s first meeting" in text or "This is the review's first meeting" in text
    assert text.count('class="pack-area page-break-before"') == 3  # no theme, no areas: every area


def test_the_pack_prints_without_navigation(client, world, maya):
    from django.contrib.staticfiles import finders

    text = pack(client, maya, world.next_meeting).content.decode()
    assert 'href="/static/css/print.css" media="print"' in text
    # The link back to the meeting sits in the part that is not printed...
    note = text[text.index('<p class="govuk-body no-print">') :]
    note = note[: note.index("</p>")]
    assert (
        f'href="{reverse("meeting_detail", args=[world.next_meeting.review_id, world.next_meeting.pk])}">Back to the meeting</a>'
        in note
    )
    # ...and the print stylesheet hides it with the site's header, menu and footer, and breaks pages per area.
    with open(finders.find("css/print.css")) as stylesheet:
        hidden, _rule, rest = stylesheet.read().partition("{ display: none !important; }")
    for selector in (".govuk-header", ".govuk-service-navigation", ".govuk-footer", ".no-print"):
        assert selector in hidden, selector
    assert ".page-break-before { break-before: page; }" in rest


def test_an_unknown_meeting_is_not_found(client, world, maya):
    client.force_login(maya)
    assert client.get(reverse("prep_pack", args=[world.review.pk, 99999])).status_code == 404


def test_a_pack_for_a_past_meeting_shows_only_what_came_before_it(client, world):
    import datetime

    from django.utils import timezone

    from scrutiny.review.models import Meeting

    earlier = Meeting.objects.create(
        review=world.review,
        title="Scoping",
        date=world.last_meeting.date - datetime.timedelta(days=20),
        purpose="Scope",
    )
    assert earlier.date < world.last_meeting.date
    before = Evidence(
        inspection=world.inspection,
        area=world.area1,
        title="Caseload audit before the meeting",
        added_at=timezone.make_aware(
            datetime.datetime.combine(world.last_meeting.date - datetime.timedelta(days=3), datetime.time(12))
        ),
    )
    before.save()
    after = Evidence(
        inspection=world.inspection, area=world.area1, title="Caseload audit after the meeting", added_at=timezone.now()
    )
    after.save()
    client.force_login(world.maya)
    page = client.get(reverse("prep_pack", args=[world.last_meeting.review_id, world.last_meeting.pk])).content.decode()
    assert "Caseload audit before the meeting" in page
    assert "Caseload audit after the meeting" not in page
    assert "this meeting has taken place" in page


def test_an_area_with_more_actions_than_the_pack_prints_says_how_many_and_links_to_them_all(
    client, world, maya, monkeypatch
):
    monkeypatch.setattr("scrutiny.review.reporting.prep.LINES_PER_AREA", 2)
    long_ago = timezone.localdate() - datetime.timedelta(days=40)
    for n in range(3):  # with 2.1, four overdue actions in area 2 (the health meeting's)
        action = make_action(world.arden_plan, world.area2, reference=f"2.{n + 5}", target_date=long_ago)
        Evidence(inspection=world.inspection, action=action, title=f"Audit {n}", status=Evidence.Status.RECEIVED).save()
    response = pack(client, maya, world.next_meeting)
    text = response.content.decode()

    assert "4 overdue actions" in text  # the summary counts them all
    area2 = response.context["pack"].areas[0]
    assert [a.reference for a in area2.actions] == ["2.1", "2.5"]  # the first two by reference
    assert "the first 2 of the area&#x27;s 4 actions" in text or "the first 2 of the area's 4 actions" in text
    actions_link = reverse("dashboard_actions", args=[world.review.pk]) + f"?area={world.area2.pk}"
    assert f'href="{actions_link}"' in text
    assert "2 more overdue actions in area 2" in text
    assert f'href="{actions_link}&amp;progress=overdue"' in text
    assert "3 new items of evidence" in text and "1 more item received" in text
    listed = client.get(actions_link).context["page"].paginator.count
    assert listed == 4
