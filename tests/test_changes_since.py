"""What changed since the last meeting: read from the history, grouped by area."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from actionplan.models import Action, Evidence, ProgressUpdate, TargetDateChange
from scrutiny.review.models import InformationRequest

from .bulkdata import completed_now, save_at
from .factories import conclude, first_review, received_evidence

pytestmark = pytest.mark.django_db


def get(client, user, **params):
    client.force_login(user)
    return client.get(reverse("changes_since", args=[first_review().pk]), params)


def section(text, heading):
    """The part of the page from one area's heading to the next."""
    start = text.index(heading)
    end = text.find('<section class="area-changes"', start)
    return text[start : end if end != -1 else None]


def change_rows(part):
    """Each line of the tables of changes as a reader sees it: (subject, what, before, after, when and who).

    The table's captions and column headings are left out, so a word found here is a change."""
    rows = []
    for row in re.findall(r'<tr class="govuk-table__row">\s*<th scope="row"(.*?)</tr>', part, re.S):
        cells = [
            " ".join(html.unescape(strip_tags(cell.replace("<br>", " "))).split())
            for cell in re.findall(r">(.*?)</t[hd]>", row, re.S)
        ]
        rows.append(tuple(cells))
    return rows


def test_it_defaults_to_the_previous_meeting_and_shows_a_change_nobody_wrote_an_update_for(client, world, maya):
    completed_now(world.wcc_action, world.olivia, rag=Action.Rag.BLUE)
    response = get(client, maya)
    assert response.context["meeting"] == world.last_meeting
    text = response.content.decode()
    assert f"since the end of the meeting on {world.last_meeting.date:%-d %B %Y}" in text
    area1 = section(text, "Area 1 (Safeguarding)")
    assert (
        f'<a class="govuk-link" href="{reverse("action_detail", args=[world.wcc_action.pk])}">Action 1.1</a>' in area1
    )
    rows = change_rows(area1)
    by_what = {what: (before, after, who) for _subject, what, before, after, who in rows}
    assert by_what["Status"][:2] == ("In progress", "Completed")
    assert by_what["RAG rating"][:2] == ("Not rated", "Blue (complete)")
    assert by_what["Status"][2].endswith(", Olivia Okafor")
    assert {subject for subject, *_rest in rows} == {"Action 1.1"}  # nothing of area 2's action 2.1


def test_target_date_moves_show_how_far_and_why(client, world, maya):
    action = world.arden_action
    old = action.target_date
    save_at(action, timezone.now(), world.arjun, target_date=old + datetime.timedelta(days=45))
    TargetDateChange(
        action=action,
        old_date=old,
        new_date=action.target_date,
        reason="Waiting for the new nurse",
        changed_by=world.arjun,
    ).save()
    rows = change_rows(section(get(client, maya).content.decode(), "Area 2 (Health)"))
    [(_subject, what, before, after, _who)] = [row for row in rows if row[1].startswith("Target date")]
    assert what.startswith("Target date") and "Moved 45 days later." in what
    assert "Reason given: Waiting for the new nurse" in what
    assert (before, after) == (f"{old:%-d %B %Y}", f"{action.target_date:%-d %B %Y}")


def test_updates_evidence_conclusions_and_answers_are_listed(client, world, maya, clara):
    ProgressUpdate(action=world.wcc_action, author=world.olivia, status="in_progress", note="Caseloads audited").save()
    received_evidence(world, world.wcc_action, "Caseload report")
    Evidence(
        inspection=world.inspection, area=world.area1, title="Supervision audit", status=Evidence.Status.AWAITED
    ).save()
    conclude(world, "satisfied", action=world.wcc_action, reasoning="Caseloads are manageable")
    request = InformationRequest(
        review=world.review,
        area=world.area1,
        asked_of_agency=world.wcc,
        question="How many social workers are agency staff?",
    )
    request.save()
    save_at(request, timezone.now(), clara, status="answered", answer="Twelve", answered_on=timezone.localdate())

    area1 = section(get(client, maya).content.decode(), "Area 1 (Safeguarding)")
    assert "Caseloads audited" in area1
    assert "Evidence received" in area1 and "Caseload report" in area1
    assert "Evidence still awaited" in area1 and "Supervision audit" in area1
    assert "Conclusion recorded" in area1 and "Caseloads are manageable" in area1
    assert "Request answered" in area1 and "Twelve" in area1
    assert f'href="{reverse("request_detail", args=[request.review_id, request.pk])}"' in area1


def test_changes_before_the_chosen_date_are_left_out(client, world, maya):
    now = timezone.now()
    action = save_at(
        Action(
            plan=world.wcc_plan,
            area=world.area1,
            lead_agency=world.wcc,
            reference="1.9",
            description="Recruit",
            status=Action.Status.IN_PROGRESS,
        ),
        now - datetime.timedelta(days=9),
    )
    save_at(action, now - datetime.timedelta(days=5), world.olivia, rag=Action.Rag.AMBER)
    save_at(action, now, world.olivia, rag=Action.Rag.RED)
    since = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    rows = change_rows(section(get(client, maya, since=since).content.decode(), "Area 1 (Safeguarding)"))
    # Amber is the value before the period; the change from not rated to amber came before it.
    assert [row[1:4] for row in rows if row[0] == "Action 1.9"] == [("RAG rating", "Amber", "Red")]


def test_an_earlier_meeting_can_be_chosen(client, world, maya):
    earlier = world.review.meetings.create(
        number=9, title="Scoping", date=timezone.localdate() - datetime.timedelta(days=60), purpose="Scope"
    )
    response = get(client, maya, meeting=earlier.pk)
    assert response.context["meeting"] == earlier
    # The meeting's title is in the list to choose from anyway: the heading must name it.
    assert (
        f"Changes since the end of the meeting on {earlier.date:%-d %B %Y} (Scoping)</h1>" in response.content.decode()
    )


def test_a_bad_date_gets_an_error_next_to_the_field_and_the_default_is_kept(client, world, maya):
    response = get(client, maya, since="31/02/2012")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Enter a real date, like 2012-05-30" in text and "govuk-error-summary" in text
    assert response.context["meeting"] == world.last_meeting


def test_a_meeting_of_another_review_is_refused(client, world, maya):
    other = world.other_review.meetings.create(title="Elsewhere", date=timezone.localdate(), purpose="Other")
    response = get(client, maya, meeting=other.pk)
    assert "Choose a meeting from the list" in response.content.decode()


def test_the_theme_filter_keeps_only_its_areas(client, world, maya):
    save_at(world.wcc_action, timezone.now(), world.olivia, rag=Action.Rag.GREEN)
    save_at(world.arden_action, timezone.now(), world.arjun, rag=Action.Rag.RED)
    text = get(client, maya, theme=world.health.pk).content.decode()
    assert "Area 2 (Health)" in text and "Area 1 (Safeguarding)" not in text


def test_a_busy_area_lists_its_newest_changes_and_counts_the_earlier_ones(client, world, maya):
    for n in range(30):  # after the action was added to the plan: 31 lines in all
        save_at(world.wcc_action, timezone.now(), world.olivia, rag=Action.Rag.RED if n % 2 else Action.Rag.GREEN)
    text = section(get(client, maya).content.decode(), "Area 1 (Safeguarding)")
    assert text.count("RAG rating") == 25
    assert "Added to the plan" not in text  # the oldest line
    assert "6 earlier changes of this kind are counted but not listed here" in text
