"""Appendix F: the officers' status beside the group's judgement, and where they disagree."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Area
from scrutiny.review.conclusions_table import build_conclusions_table
from scrutiny.review.models import Conclusion, ReviewArea
from tests.factories import conclude, make_action

pytestmark = pytest.mark.django_db
J = Conclusion.Judgement


def held_later(world):
    """The review's second meeting, moved to a week ago: conclusions are only reached at meetings held."""
    later = timezone.localdate() - datetime.timedelta(days=7)
    if world.next_meeting.date != later:
        world.next_meeting.date = later
        world.next_meeting.save()
    return world.next_meeting


def row_for(rows, action):
    return next(r for r in rows if r.action == action)


def test_an_area_conclusion_applies_to_its_actions(world):
    conclude(world, J.MORE_INFORMATION_NEEDED, area=world.area2)
    row = row_for(build_conclusions_table(world.review), world.arden_action)
    assert row.current.judgement == J.MORE_INFORMATION_NEEDED and row.inherited


def test_an_actions_own_later_conclusion_overrides_the_area(world):
    conclude(world, J.MORE_INFORMATION_NEEDED, area=world.area2, meeting=world.last_meeting)
    conclude(world, J.SATISFIED, action=world.arden_action, meeting=held_later(world))
    row = row_for(build_conclusions_table(world.review), world.arden_action)
    assert row.current.judgement == J.SATISFIED and not row.inherited
    assert [c.judgement for c in row.trail] == [J.MORE_INFORMATION_NEEDED, J.SATISFIED]


def test_a_later_area_conclusion_overrides_an_actions_earlier_one(world):
    conclude(world, J.NOT_SATISFIED, action=world.arden_action, meeting=world.last_meeting)
    conclude(world, J.SATISFIED, area=world.area2, meeting=held_later(world))
    row = row_for(build_conclusions_table(world.review), world.arden_action)
    assert row.current.judgement == J.SATISFIED and row.inherited
    assert [c.judgement for c in row.earlier] == [J.NOT_SATISFIED]


def test_on_the_same_day_the_actions_own_conclusion_counts(world):
    conclude(world, J.NOT_SATISFIED, action=world.arden_action)
    conclude(world, J.SATISFIED, area=world.area2)  # recorded later, same meeting
    row = row_for(build_conclusions_table(world.review), world.arden_action)
    assert row.current.judgement == J.NOT_SATISFIED


def test_completed_but_not_satisfied_is_shown_as_a_disagreement(world):
    action = world.wcc_action
    action.status, action.completed_on = Action.Status.COMPLETED, timezone.localdate()
    action.save()
    conclude(world, J.NOT_SATISFIED, action=action)
    row = row_for(build_conclusions_table(world.review), action)
    assert row.disagreement == "Officers report it completed, but the group is not satisfied."


def test_satisfied_but_overdue_is_shown_as_a_disagreement(world):
    conclude(world, J.SATISFIED, action=world.arden_action)  # target date was ten days ago, still in progress
    row = row_for(build_conclusions_table(world.review), world.arden_action)
    assert row.disagreement.startswith("The group is satisfied, but the action is overdue")


def test_agreement_is_not_flagged(world):
    conclude(world, J.SATISFIED, action=world.wcc_action)  # in progress, not yet due
    assert row_for(build_conclusions_table(world.review), world.wcc_action).disagreement == ""


def test_every_area_shows_including_those_not_pursued_with_the_reason(client, world):
    ReviewArea.objects.create(review=world.review, area=world.area3, pursued=False, reason="Covered by the WSCB audit.")
    client.force_login(world.olivia)
    html = client.get(reverse("conclusions_table", args=[world.review.pk])).content.decode()
    for number in (1, 2, 3):
        assert f'id="area-{number}"' in html
    assert "Not pursued" in html and "Covered by the WSCB audit." in html
    assert "unless the group later reached a conclusion on the action itself" in html  # the rule, stated


def test_the_page_says_where_officers_and_the_group_disagree(client, world):
    conclude(world, J.SATISFIED, action=world.arden_action, reasoning="The audit was convincing.")
    client.force_login(world.maya)
    html = client.get(reverse("conclusions_table", args=[world.review.pk])).content.decode()
    assert "Disagreement:" in html and "but the action is overdue" in html
    assert "The audit was convincing." in html
    assert "1 where officers and the group disagree" in html


def table(client, world, **params):
    client.force_login(world.maya)
    return client.get(reverse("conclusions_table", args=[world.review.pk]), params)


def shown(response) -> list:
    """What the table lists, in order: "Area n" and action references."""
    return [f"Area {r.area.number}" if r.is_area else r.action.reference for r in response.context["rows"]]


def test_the_theme_filter_keeps_that_themes_areas_and_their_actions(client, world):
    response = table(client, world, theme=world.safeguarding.pk)
    assert shown(response) == ["Area 1", "1.1"]
    assert f'<option value="{world.safeguarding.pk}" selected>Safeguarding</option>' in response.content.decode()
    assert shown(table(client, world, theme=world.lac.pk)) == ["Area 3"]  # an area with no actions yet still shows


def test_the_agency_filter_keeps_its_actions_and_only_the_areas_where_it_leads(client, world):
    response = table(client, world, agency=world.arden.pk)
    assert shown(response) == ["Area 2", "2.1"]
    assert f'<option value="{world.arden.pk}" selected>Arden Cluster</option>' in response.content.decode()
    html = table(client, world).content.decode()  # only agencies leading actions in this plan are offered
    assert ">Arden Cluster</option>" in html and ">UHCW</option>" not in html


def test_theme_and_agency_filters_combine(client, world):
    make_action(world.arden_plan, world.area1, reference="1.2")
    assert shown(table(client, world, theme=world.safeguarding.pk, agency=world.arden.pk)) == ["Area 1", "1.2"]
    assert shown(table(client, world, theme=world.lac.pk, agency=world.arden.pk)) == []


def test_the_judgement_filter_keeps_rows_whose_current_judgement_it_is(client, world):
    conclude(world, J.SATISFIED, action=world.arden_action)
    conclude(world, J.NOT_SATISFIED, area=world.area1)
    assert shown(table(client, world, judgement=J.SATISFIED)) == ["2.1"]
    assert shown(table(client, world, judgement=J.NOT_SATISFIED)) == ["Area 1", "1.1"]  # 1.1 by its area's
    response = table(client, world, judgement=J.SATISFIED)
    assert f'<option value="{J.SATISFIED}" selected>' in response.content.decode()


def test_the_judgement_filter_finds_rows_with_no_conclusion_yet(client, world):
    conclude(world, J.SATISFIED, action=world.arden_action)
    response = table(client, world, judgement="none")
    assert shown(response) == ["Area 1", "1.1", "Area 2", "Area 3"]
    assert '<option value="none" selected>No conclusion yet</option>' in response.content.decode()


def test_the_disagreement_filter_keeps_only_rows_where_officers_and_the_group_disagree(client, world):
    conclude(world, J.SATISFIED, action=world.arden_action)  # satisfied, but the action is overdue
    conclude(world, J.SATISFIED, action=world.wcc_action)  # satisfied, not yet due: agreement
    response = table(client, world, disagreement="yes")
    assert shown(response) == ["2.1"]
    html = response.content.decode()
    assert 'name="disagreement" type="checkbox" value="yes" checked' in html
    assert "Clear filters" in html and "Clear filters" not in table(client, world).content.decode()


@pytest.mark.parametrize("param", ["judgement", "disagreement"])
def test_a_value_no_list_offers_is_ignored(client, world, param):
    conclude(world, J.SATISFIED, action=world.arden_action)
    response = table(client, world, **{param: "maybe"})
    assert response.status_code == 200
    assert shown(response) == shown(table(client, world))
    assert "govuk-error-summary" not in response.content.decode()


def grow(world, n):
    """n more areas, each with an action and conclusions on both."""
    start = Area.objects.count() + 1
    for number in range(start, start + n):
        area = Area.objects.create(inspection=world.inspection, number=number, text=f"Area {number}", theme=world.lac)
        action = make_action(
            world.wcc_plan, area, reference=f"{number}.1", target_date=timezone.localdate() - datetime.timedelta(days=1)
        )
        conclude(world, J.MORE_INFORMATION_NEEDED, area=area)
        conclude(world, J.SATISFIED, action=action, meeting=held_later(world))


@pytest.mark.parametrize("size", [5, 40])
def test_queries_stay_the_same_whatever_the_size(client, world, django_assert_num_queries, size):
    grow(world, size)
    client.force_login(world.maya)
    url = reverse("conclusions_table", args=[world.review.pk])
    client.get(url)  # warm the session
    with django_assert_num_queries(QUERIES) as captured:
        response = client.get(url, {"theme": "", "agency": ""})
    assert len(response.context["rows"]) == 2 * (size + 3) - 1  # areas 1-3 and their two actions, plus the new ones
    assert len(captured) == QUERIES


QUERIES = 12  # 11 to build the table, 1 for the review bar
