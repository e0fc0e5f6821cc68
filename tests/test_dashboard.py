"""The members' dashboard: figures, charts with their tables, and the lists behind the numbers."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Evidence, ProgressUpdate

from .bulkdata import completed_now, save_at
from .factories import ask, first_review

pytestmark = pytest.mark.django_db


def dashboard(client, user, **params):
    client.force_login(user)
    return client.get(reverse("dashboard", args=[first_review().pk]), params)


def glance(text, words):
    """The number shown at a glance before `words`, and the list it links to."""
    # The whole figure is the link, so it says what it counts ("3 overdue actions"), not only "3".
    match = re.search(
        r'<a class="govuk-link" href="([^"]+)"><span class="count">(\d+)</span> ' + re.escape(words), text
    )
    assert match, words
    return int(match.group(2)), match.group(1).replace("&amp;", "&")


def references(client, url):
    return [a.reference for a in client.get(url).context["page"].object_list]


def test_the_numbers_at_a_glance_link_to_their_lists(client, world, maya):
    Evidence(inspection=world.inspection, area=world.area1, title="Audit", status=Evidence.Status.AWAITED).save()
    asked = ask(world.review, world.wcc, "Why?")
    text = dashboard(client, maya).content.decode()

    assert glance(text, "actions in all")[0] == 2
    overdue, url = glance(text, "overdue action</a>")
    assert overdue == 1 and references(client, url) == ["2.1"]
    assert glance(text, "evidence still awaited")[0] == 1
    assert "Audit" in client.get(glance(text, "evidence still awaited")[1]).content.decode()
    assert glance(text, "open information request</a>")[0] == 1
    requests = client.get(glance(text, "open information request</a>")[1]).content.decode()
    assert (
        f'<a class="govuk-link" href="{reverse("request_detail", args=[asked.review_id, asked.pk])}">Why?</a>'
        in requests
    )
    actions = client.get(glance(text, "actions in all")[1]).content.decode()
    assert f'<a class="govuk-link" href="{reverse("action_detail", args=[world.arden_action.pk])}">2.1: ' in actions


def test_actions_with_no_recent_update_use_an_adjustable_number_of_weeks(client, world, maya):
    update = ProgressUpdate(
        action=world.wcc_action,
        author=world.olivia,
        status="in_progress",
        note="Done some",
        created_at=timezone.now() - datetime.timedelta(weeks=4),
    )
    update.save()
    stale, url = glance(dashboard(client, maya).content.decode(), "open with no update for 8 weeks or more")
    assert stale == 1 and references(client, url) == ["2.1"]  # 2.1 has never had an update
    stale, url = glance(dashboard(client, maya, weeks=3).content.decode(), "open with no update for 3 weeks or more")
    assert stale == 2 and sorted(references(client, url)) == ["1.1", "2.1"]
    stale, url = glance(dashboard(client, maya, weeks=5).content.decode(), "open with no update for 5 weeks or more")
    assert stale == 1 and references(client, url) == ["2.1"]


def test_a_bad_number_of_weeks_is_explained_next_to_the_field(client, world, maya):
    response = dashboard(client, maya, weeks="lots")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Enter a whole number of weeks, like 8" in text and "govuk-error-summary" in text
    assert text.count("Enter a whole number of weeks") == 2  # summary and field
    assert "<title>Error: Dashboard" in text


def test_status_and_rag_counts_link_to_exactly_those_actions(client, world, maya):
    save_at(world.wcc_action, timezone.now(), world.olivia, rag=Action.Rag.AMBER)
    response = dashboard(client, maya)
    row = next(r for r in response.context["figures"].status_by_rag if r["label"] == "In progress")
    amber = row["cells"][[rag.value for rag in Action.Rag].index("amber")]
    assert amber.count == 1 and references(client, amber.url) == ["1.1"]
    assert row["total"].count == 2


def test_by_agency_theme_and_area(client, world, maya):
    figures = dashboard(client, maya).context["figures"]
    agencies = {row.label: row.total.count for row in figures.by_agency.rows}
    assert agencies == {"Arden Cluster": 1, "WCC": 1}
    arden = next(row for row in figures.by_agency.rows if row.label == "Arden Cluster")
    assert arden.overdue.count == 1 and references(client, arden.overdue.url) == ["2.1"]
    assert {row.label for row in figures.by_theme.rows} == {"Safeguarding", "Health"}
    assert {row.label for row in figures.by_area.rows} == {"Area 1", "Area 2"}


def test_each_chart_is_an_accessible_svg_with_a_table_of_the_same_figures(client, world, maya):
    completed_now(world.wcc_action, world.olivia)
    response = dashboard(client, maya)
    text = response.content.decode()
    for slug in ("status-over-time", "completions"):
        svg = re.search(rf'<svg [^>]*aria-labelledby="{slug}-title {slug}-desc"[^>]*>(.*?)</svg>', text, re.S)
        assert svg and 'role="img"' in svg.group(0).split(">", 1)[0], slug
        assert re.search(
            rf'^<title id="{slug}-title">[^<]+</title><desc id="{slug}-desc">[^<]+</desc>', svg.group(1)
        ), slug
    chart = response.context["figures"].status_chart
    this_month = chart.table["rows"][-1]
    completed = chart.table["headings"].index("Completed")
    assert this_month["cells"][completed]["count"] == 1 and this_month["total"] == 2
    assert f"{this_month['total']}</text>" in text  # the total is written on the bar as well
    completions = response.context["figures"].completions_chart
    on_time = [row["cells"][0]["count"] for row in completions.table["rows"]]
    assert sum(on_time) == 1
    link = completions.table["rows"][[r["cells"][0]["count"] for r in completions.table["rows"]].index(1)]["cells"][0][
        "url"
    ]
    assert references(client, link) == ["1.1"]


def test_the_action_list_filters_paginates_and_explains_bad_filters(client, world, maya):
    for n in range(30):
        Action(
            plan=world.wcc_plan,
            area=world.area3,
            lead_agency=world.wcc,
            reference=f"3.{n:02}",
            description="More",
            status=Action.Status.NOT_STARTED,
        ).save()
    client.force_login(maya)
    url = reverse("dashboard_actions", args=[first_review().pk])
    first = client.get(url, {"area": world.area3.pk})
    assert first.context["page"].paginator.count == 30 and len(first.context["page"].object_list) == 25
    second = client.get(url, {"area": world.area3.pk, "page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "area=" in second.content.decode()  # the page links keep the filter
    bad = client.get(url, {"due_month": "October", "agency": world.wcc.pk})
    text = bad.content.decode()
    assert "Enter a month as year and month, like 2012-10" in text
    assert bad.context["page"].paginator.count == 31  # the agency filter still applies


def test_overdue_information_requests_stand_out(client, world, maya):
    today = timezone.localdate()
    ask(
        world.review,
        world.arden,
        "Audit results?",
        raised_on=today - datetime.timedelta(days=30),
        due_by=today - datetime.timedelta(days=2),
    )
    ask(world.review, world.wcc, "Caseloads?", due_by=today + datetime.timedelta(days=10))
    text = dashboard(client, maya).content.decode()
    count, url = glance(text, "information request overdue</a>")
    assert count == 1
    assert '<strong class="govuk-tag overdue-tag">Overdue</strong>' in text
    listing = client.get(url).content.decode()
    assert "Audit results?" in listing and "Caseloads?" not in listing  # exactly the list it counts
