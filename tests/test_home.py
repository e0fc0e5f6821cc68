import datetime

import pytest
from django.urls import reverse

from actionplan.models import Action, Area

from .factories import make_action

pytestmark = pytest.mark.django_db


def test_it_sends_strangers_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_the_review_and_the_plan_at_a_glance(client, world, maya):
    client.force_login(maya)
    page = client.get(reverse("home")).content.decode()
    assert "Safeguarding Improvement Task &amp; Finish Group" in page
    assert "Children and Young People Overview &amp; Scrutiny Committee" in page
    assert "The inspection identified 3 areas for improvement." in page
    # The numbers at a glance, each a link to the list behind it.
    actions = reverse("my_actions")
    assert f'<a class="govuk-link" href="{actions}"><span class="count">2</span> actions in all</a>' in page
    assert f'<a class="govuk-link" href="{actions}?overdue=yes"><span class="count">1</span> overdue</a>' in page
    assert f'<a class="govuk-link" href="{reverse("area_detail", args=[world.area1.pk])}">Area 1</a>' in page


def test_an_officer_sees_the_counts_of_their_own_agency(client, world):
    client.force_login(world.arjun)
    response = client.get(reverse("home"))
    assert "Actions Arden Cluster leads" in response.content.decode()
    assert response.context["total_actions"] == 1
    assert response.context["overdue_count"] == 1


def test_areas_not_pursued_show_the_reason(client, world):
    world.review.area_decisions.create(area=world.area3, pursued=False, reason="Officers said it was a low priority.")
    client.force_login(world.maya)
    page = client.get(reverse("home")).content.decode()
    assert "Not pursued" in page
    assert "Officers said it was a low priority." in page


def test_an_empty_system_says_what_to_do(client, django_user_model, db):
    admin = django_user_model.objects.create_user("boss", password="x" * 12, role="admin", is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("home")).content.decode()
    assert "No inspection has been set up yet." in page


def grow(world, n):
    start = Area.objects.count() + 1
    for i in range(start, start + n):
        area = Area.objects.create(inspection=world.inspection, number=100 + i, text=f"Area {i}", theme=world.health)
        make_action(world.wcc_plan, area, target_date=datetime.date.today() - datetime.timedelta(days=i))


def test_the_home_page_makes_the_same_number_of_queries_whatever_the_size(client, world, django_assert_num_queries):
    client.force_login(world.maya)
    grow(world, 5)
    client.get(reverse("home"))  # warm up the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("home"))
    grow(world, 50)
    assert Action.objects.count() > 50
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("home"))


def test_members_are_offered_the_preparation_pack_for_the_next_meeting(client, world):
    client.force_login(world.maya)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("prep_pack", args=[world.next_meeting.pk])}">Prepare for this meeting' in page
    client.force_login(world.olivia)
    assert "Prepare for this meeting" not in client.get(reverse("home")).content.decode()
