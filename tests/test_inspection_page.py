"""One inspection's page, and the home page's first answers (sign-in, an empty system)."""

import datetime

import pytest
from django.urls import reverse

from actionplan.models import Action, Area

from .factories import make_action
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db


def test_it_sends_strangers_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_inspection_page_shows_its_plans_reviews_and_areas(client, world, maya):
    client.force_login(maya)
    page = client.get(reverse("inspection_detail", args=[world.inspection.pk])).content.decode()
    assert "WCC action plan" in page and "Arden Cluster action plan" in page
    assert "Safeguarding Improvement Task &amp; Finish Group" in page
    assert "Area 3" in page
    # The numbers at a glance, each a link to the list behind it.
    actions = reverse("my_actions")
    assert (
        f'<a class="govuk-link" href="{actions}?inspection={world.inspection.pk}"><span class="count">2</span> actions in all</a>'
        in page
    )
    assert (
        f'<a class="govuk-link" href="{actions}?inspection={world.inspection.pk}&amp;overdue=yes"><span class="count">1</span> overdue</a>'
        in page
    )
    assert f'<a class="govuk-link" href="{reverse("area_detail", args=[world.area1.pk])}">Area 1</a>' in page


def test_an_officer_sees_the_counts_of_their_own_agency(client, world):
    client.force_login(world.arjun)
    response = client.get(reverse("inspection_detail", args=[world.inspection.pk]))
    assert "Actions Arden Cluster leads" in response.content.decode()
    assert response.context["total_actions"] == 1
    assert response.context["overdue_count"] == 1


def test_areas_not_pursued_show_the_reason(client, world):
    world.review.area_decisions.create(area=world.area3, pursued=False, reason="Officers said it was a low priority.")
    client.force_login(world.maya)
    page = client.get(reverse("inspection_detail", args=[world.inspection.pk])).content.decode()
    assert "Not pursued" in page
    assert "Officers said it was a low priority." in page


def test_an_empty_system_says_what_to_do(client, django_user_model, db):
    admin = django_user_model.objects.create_user("boss", password="x" * 12, role="admin", is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("home")).content.decode()
    assert "There is nothing for you here yet" in page
    assert reverse("plan_import") in page


def grow(world, n):
    start = Area.objects.count() + 1
    for i in range(start, start + n):
        area = Area.objects.create(inspection=world.inspection, number=100 + i, text=f"Area {i}", theme=world.health)
        make_action(world.wcc_plan, area, target_date=datetime.date.today() - datetime.timedelta(days=i))


@pytest.mark.parametrize("name", ["home", "inspection_detail"])
def test_the_page_makes_the_same_number_of_queries_whatever_the_size(client, world, name):
    client.force_login(world.maya)
    url = reverse(name, args=[world.inspection.pk] if name == "inspection_detail" else [])
    assert_queries_flat(client, url, lambda count: grow(world, count), first=5, then=50)
    assert Action.objects.count() > 50


def test_members_are_offered_the_preparation_pack_for_the_next_meeting(client, world):
    client.force_login(world.maya)
    page = client.get(reverse("home")).content.decode()
    assert reverse("prep_pack", args=[world.review.pk, world.next_meeting.pk]) in page
    client.force_login(world.olivia)
    assert "Prepare for this meeting" not in client.get(reverse("home"), follow=True).content.decode()
