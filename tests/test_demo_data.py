"""The demo built from the Warwickshire report: what a user of the demo would notice."""

import datetime
import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Area, Evidence
from scrutiny.people.models import User
from scrutiny.review.demo import LONDON, load_demo
from scrutiny.review.models import Conclusion, InformationRequest, Meeting, Recommendation, Review, ReviewArea

from .demo_helpers import PASSWORD, load_demo_twice, row_counts, tracked_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo()


def test_twenty_areas_grouped_by_theme(demo):
    areas = Area.objects.filter(inspection=demo.inspection)
    assert sorted(areas.values_list("number", flat=True)) == list(range(1, 21))
    by_theme = {}
    for area in areas.select_related("theme"):
        by_theme.setdefault(area.theme.name if area.theme else None, []).append(area.number)
    assert by_theme == {
        "Safeguarding": [3, 4, 6, 8],
        "Health": [2, 7, 9, 18],
        "Looked after children": [11, 12, 13, 14, 16, 17, 19, 20],
        None: [1, 5, 10, 15],
    }


def test_areas_5_and_10_are_not_pursued_and_say_why(demo):
    decisions = ReviewArea.objects.filter(review__inspection=demo.inspection)
    assert decisions.count() == 20
    not_pursued = decisions.filter(pursued=False)
    assert sorted(not_pursued.values_list("area__number", flat=True)) == [5, 10]
    assert all("agreed not to pursue" in decision.reason for decision in not_pursued)
    conclusions = Conclusion.objects.filter(judgement=Conclusion.Judgement.NOT_PURSUED)
    assert sorted(conclusions.values_list("area__number", flat=True)) == [5, 10]
    assert {c.reached_on for c in conclusions} == {datetime.date(2012, 4, 5)}


def test_six_meetings_on_the_report_dates_with_their_areas(demo):
    meetings = [
        (m.number, m.date, sorted(m.areas.values_list("number", flat=True)))
        for m in Meeting.objects.filter(review__inspection=demo.inspection).order_by("date")
    ]
    assert meetings == [
        (1, datetime.date(2012, 4, 5), []),
        (2, datetime.date(2012, 5, 8), [3, 4, 6, 8]),
        (3, datetime.date(2012, 5, 14), [2, 7, 9, 18]),
        (4, datetime.date(2012, 5, 21), [11, 12, 13, 14, 16, 17, 19, 20]),
        (None, datetime.date(2012, 5, 30), []),
        (5, datetime.date(2012, 12, 6), [2, 18]),
    ]
    safeguarding = Meeting.objects.get(number=2)
    assert safeguarding.notes_reference == "Appendix B"
    assert {a.person.name for a in safeguarding.attendance.all()} == {"Jenny Butlin-Moran", "Billy Webster"}
    assert safeguarding.evidence_considered.count() == 4


def test_three_recommendations_and_two_observations(demo):
    review = Review.objects.get(inspection=demo.inspection)
    rows = review.recommendations.order_by("kind", "number")
    assert [(r.kind, r.number) for r in rows] == [
        ("observation", 1),
        ("observation", 2),
        ("recommendation", 1),
        ("recommendation", 2),
        ("recommendation", 3),
    ]
    first = rows.get(kind=Recommendation.Kind.RECOMMENDATION, number=1)
    assert first.text.startswith("To endorse the overall conclusion of the Task & Finish Group")
    assert {r.committee_decision for r in rows} == {Recommendation.Decision.PENDING}


def test_the_uhcw_request_is_answered_by_the_email(demo):
    request = InformationRequest.objects.get()
    assert request.meeting.number == 5
    assert request.raised_on == datetime.date(2012, 12, 6)
    assert request.asked_of_agency.short_name == "UHCW"
    assert request.status == InformationRequest.Status.ANSWERED
    assert request.answered_on is None  # the report does not date the email
    (email,) = request.evidence.all()
    assert email.kind == Evidence.Kind.EMAIL
    assert email.provided_by_agency.short_name == "UHCW"


def test_area_9_has_no_conclusion_and_areas_2_and_18_were_settled_in_december(demo):
    assert not Conclusion.objects.filter(area__number=9).exists()
    for number in (2, 18):
        judgements = list(
            Conclusion.objects.filter(area__number=number).order_by("reached_on").values_list("judgement", "reached_on")
        )
        assert judgements == [
            ("more_information_needed", datetime.date(2012, 5, 14)),
            ("satisfied", datetime.date(2012, 12, 6)),
        ]


def test_every_loaded_record_has_a_created_row_dated_from_the_report(demo):
    for model in tracked_models():
        history = model.history.all()
        created = set(history.filter(history_type="+").values_list(model._meta.pk.attname, flat=True))
        assert created == set(model._default_manager.values_list("pk", flat=True)), model._meta.label
        # Dated when the report says, never on the day the demo was loaded.
        assert not history.filter(history_date__gte=datetime.datetime(2013, 1, 1, tzinfo=LONDON)).exists()
    assert Action.objects.exists() and User.objects.exists()


def test_the_inspection_is_a_childrens_services_one_whose_report_date_the_report_does_not_give(demo, client):
    inspection = demo.inspection
    assert inspection.inspection_type.code == "ILACS"
    assert inspection.inspection_type.plan_due_after == 70
    assert inspection.published_on is None and inspection.plan_published_on is None
    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("review_detail", args=[Review.objects.get(inspection=inspection).pk]))
    assert "Action plan due 70 working days after the report is published: no report date recorded." in (
        response.content.decode()
    )


def test_council_actions_completed_on_6_december_2012_in_history(demo):
    wcc_actions = Action.objects.filter(lead_agency__short_name="WCC")
    assert wcc_actions.count() == 12
    for action in wcc_actions:
        assert action.status == Action.Status.COMPLETED_MONITORING
        assert action.completed_on == datetime.date(2012, 12, 6)
        first, *_, last = action.history.order_by("history_date", "history_id")
        assert first.status == Action.Status.IN_PROGRESS and first.history_date.year == 2012
        assert last.status == Action.Status.COMPLETED_MONITORING
        assert timezone.localtime(last.history_date).date() == datetime.date(2012, 12, 6)
        update = action.progress_updates.get()
        assert update.author_name == "Jenny Butlin-Moran"
        assert timezone.localtime(update.created_at).date() == datetime.date(2012, 12, 6)


def test_the_area_2_arden_audit_is_overdue_today(demo):
    audit = Action.objects.get(area__number=2)
    assert audit.lead_agency.short_name == "Arden Cluster"
    assert audit.target_date == datetime.date(2012, 10, 31)
    assert audit.overdue
    assert list(Action.objects.overdue()) == [audit]


def test_demo_logins_authenticate_with_their_roles(demo):
    expected = {
        "wcc.officer": ("officer", "WCC", "Jenny Butlin-Moran"),
        "arden.officer": ("officer", "Arden Cluster", "Jackie Channell"),
        "member": ("member", None, "Bob Hicks"),
        "clerk": ("clerk", None, "Richard Maybey"),
        "admin": ("admin", None, None),
    }
    for username, (role, agency, person) in expected.items():
        user = authenticate(username=username, password=PASSWORD)
        assert user is not None, username
        assert user.role == role
        assert (user.agency.short_name if user.agency else None) == agency
        assert (user.person.name if user.person else None) == person
        assert user.is_superuser == user.is_staff == (role == "admin")
    assert [login.username for login in demo.logins] == list(expected)


def test_loading_twice_changes_nothing_and_prints_the_logins():
    first, second = load_demo_twice()
    counts = row_counts()
    assert "already loaded" in second
    for output in (first, second):
        assert "wcc.officer" in output and PASSWORD in output and "Jenny Butlin-Moran" in output
    quiet = io.StringIO()
    call_command("load_demo", "--quiet", stdout=quiet)
    assert quiet.getvalue() == ""
    assert row_counts() == counts


def test_history_names_the_user_who_loaded_the_demo():
    loader = User.objects.create_user("loader", password=PASSWORD, role="admin")
    load_demo(actor=loader)
    for model in tracked_models():
        history = model.history.exclude(**{model._meta.pk.attname: loader.pk}) if model is User else model.history
        assert not history.exclude(history_user_id=loader.pk).exists(), model._meta.label
