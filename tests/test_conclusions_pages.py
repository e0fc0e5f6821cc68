"""The table of conclusions is paged in the database: a page reads only its own rows, yet shows the same
rows, counts and disagreements as the whole table the papers print."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action
from scrutiny.review.conclusions_table import build_conclusions_table, current_judgement, disagreeing
from scrutiny.review.models import Conclusion
from tests.factories import conclude, make_action

pytestmark = pytest.mark.django_db
J = Conclusion.Judgement
PAST = timezone.localdate() - datetime.timedelta(days=1)


def references(rows) -> list:
    return [f"Area {r.area.number}" if r.is_area else r.action.reference for r in rows]


def fill_area_2(world, n):
    """n more actions in area 2, every third overdue, every fifth completed, every seventh rated red."""
    actions = []
    for i in range(n):
        completed = i % 5 == 0
        actions.append(
            make_action(
                world.wcc_plan,
                world.area2,
                reference=f"2.{i + 2:03d}",
                target_date=PAST if i % 3 == 0 else timezone.localdate() + datetime.timedelta(days=30),
                status=Action.Status.COMPLETED if completed else Action.Status.IN_PROGRESS,
                completed_on=PAST if completed else None,
                rag=Action.Rag.RED if i % 7 == 0 else Action.Rag.AMBER,
            )
        )
    return actions


def test_page_two_shows_the_rows_after_the_first_hundred_headed_by_their_area(client, world):
    actions = fill_area_2(world, 120)
    conclude(world, J.SATISFIED, area=world.area2)  # every action of area 2 inherits it
    for action in actions[60::9]:
        conclude(world, J.NOT_SATISFIED, action=action)
    whole = build_conclusions_table(world.review)  # the table the papers print
    disagreements = sum(1 for row in whole if row.disagreement)
    assert len(whole) == 125 and disagreements > 10

    client.force_login(world.maya)
    response = client.get(reverse("conclusions_table", args=[world.review.pk]), {"page": 2})
    assert references(response.context["rows"]) == references(whole[100:])
    html = response.content.decode()
    assert "Area 2 (continued)" in html
    assert "125 rows" in html and f"{disagreements} where officers and the group disagree" in html
    assert "Rows 101 to 125 are shown, page 2 of 2" in html
    assert html.count("Disagreement:") == sum(1 for row in whole[100:] if row.disagreement)

    first = client.get(reverse("conclusions_table", args=[world.review.pk]))
    assert references(first.context["rows"]) == references(whole[:100])
    assert "(continued)" not in first.content.decode()


def test_the_judgement_and_disagreements_worked_out_in_sql_agree_with_the_rule(world):
    actions = fill_area_2(world, 30)
    conclude(world, J.NOT_SATISFIED, area=world.area2)
    for judgement, chosen in zip(list(J) * 6, actions[::2], strict=False):
        conclude(world, judgement, action=chosen)  # on the same day as the area's: the action's own counts
    conclude(world, J.SATISFIED, action=world.arden_action)
    rows = [row for row in build_conclusions_table(world.review) if not row.is_area]
    judgements = dict(Action.objects.annotate(judgement=current_judgement(world.review)).values_list("pk", "judgement"))
    assert {row.action.pk: row.current.judgement if row.current else None for row in rows} == judgements
    in_sql = set(disagreeing(Action.objects.all(), world.review).values_list("pk", flat=True))
    assert in_sql == {row.action.pk for row in rows if row.disagreement}
    assert len(in_sql) > 3


@pytest.mark.parametrize("size", [3, 150])
def test_a_page_takes_as_many_queries_however_many_actions_the_plan_has(
    client, world, django_assert_max_num_queries, size
):
    fill_area_2(world, size)
    conclude(world, J.SATISFIED, area=world.area2)
    client.force_login(world.maya)
    url = reverse("conclusions_table", args=[world.review.pk])
    client.get(url)  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get(url, {"page": 2 if size > 100 else 1})
    assert response.status_code == 200 and response.context["row_count"] == size + 5
