"""Who may open and who may write each of the review's pages: every URL, every role, GET and POST.

Outsiders to an agency's request get a 404; a role that may not write gets a 403 and nothing changes."""

import pytest
from django.urls import reverse

from scrutiny.review.models import Conclusion, InformationRequest, Recommendation, Review, ReviewArea
from scrutiny.review.services.requests import raise_request

from .factories import conclude, recommend

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "olivia", "arjun", "maya", "mark", "clara", "ada"]
WRITERS = {"maya", "clara", "ada"}  # members and clerk of this review, and the administrator
RUNNERS = {"clara", "ada"}  # the clerk changes the stage and area decisions


@pytest.fixture
def records(world):
    w = world
    w.arden_request = raise_request(
        actor=w.maya,
        review=w.review,
        question="Confirm the information protocols.",
        meeting=w.last_meeting,
        asked_of_agency=w.arden,
        action=w.arden_action,
    )
    w.conclusion = conclude(
        w, Conclusion.Judgement.MORE_INFORMATION_NEEDED, action=w.arden_action, reasoning="Evidence unavailable."
    )
    w.recommendation = recommend(
        w, "Endorse the conclusion.", addressed_to="Children and Young People Overview & Scrutiny Committee"
    )
    return w


# mark sits on another review of the same inspection: this review does not exist for him.
OUTSIDERS = {"mark"}


def everyone_reads(who):
    return 404 if who in OUTSIDERS else 200


def writers_only(who):
    return 404 if who in OUTSIDERS else 200 if who in WRITERS else 403


def runners_only(who):
    return 404 if who in OUTSIDERS else 200 if who in RUNNERS else 403


def arden_request_readers(who):
    return 404 if who in OUTSIDERS | {"olivia"} else 200


def arden_request_answerers(who):
    if who in OUTSIDERS | {"olivia"}:
        return 404
    return 200 if who in WRITERS | {"arjun"} else 403


def arden_request_closers(who):
    if who in OUTSIDERS | {"olivia"}:
        return 404
    return 200 if who in WRITERS else 403


# name, args from the world, expected GET status for each person, POST data (None: GET only)
PAGES = [
    ("review_detail", lambda w: [w.review.pk], everyone_reads, None),
    ("review_stage_update", lambda w: [w.review.pk], runners_only, lambda w: {"state": "interim_report"}),
    (
        "review_area_update",
        lambda w: [w.review.pk, w.area3.pk],
        runners_only,
        lambda w: {"pursued": "no", "reason": "Covered by the safeguarding board."},
    ),
    ("conclusions_table", lambda w: [w.review.pk], everyone_reads, None),
    (
        "conclusion_add",
        lambda w: [w.review.pk],
        writers_only,
        lambda w: {
            "subject": f"action-{w.wcc_action.pk}",
            "meeting": w.last_meeting.pk,
            "judgement": "satisfied",
            "reasoning": "Caseload reports seen.",
        },
    ),
    ("conclusion_detail", lambda w: [w.review.pk, w.conclusion.pk], everyone_reads, None),
    ("request_list", lambda w: [w.review.pk], everyone_reads, None),
    (
        "request_add",
        lambda w: [w.review.pk],
        writers_only,
        lambda w: {"meeting": w.last_meeting.pk, "asked_of_agency": w.wcc.pk, "question": "Send the caseload report."},
    ),
    ("request_detail", lambda w: [w.review.pk, w.arden_request.pk], arden_request_readers, None),
    (
        "request_answer",
        lambda w: [w.review.pk, w.arden_request.pk],
        arden_request_answerers,
        lambda w: {"answer": "The protocol is attached.", "evidence_kind": "email"},
    ),
    (
        "request_close",
        lambda w: [w.review.pk, w.arden_request.pk],
        arden_request_closers,
        lambda w: {"note": "No longer needed."},
    ),
    ("recommendation_list", lambda w: [w.review.pk], everyone_reads, None),
    ("recommendation_detail", lambda w: [w.review.pk, w.recommendation.pk], everyone_reads, None),
    (
        "recommendation_update",
        lambda w: [w.review.pk, w.recommendation.pk],
        writers_only,
        lambda w: {
            "committee_decision": "agreed",
            "committee_decision_on": "2012-06-20",
            "implementation": "in_progress",
        },
    ),
    (
        "recommendation_add",
        lambda w: [w.review.pk],
        writers_only,
        lambda w: {"kind": "observation", "text": "Link with the board.", "addressed_to": "The committee"},
    ),
]
POSTABLE = [p for p in PAGES if p[3] is not None]


def client_for(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    return client


AUDITED = (Conclusion, InformationRequest, Recommendation, Review, ReviewArea)


def history_count():
    return sum(model.history.count() for model in AUDITED)


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("name,args,expected,_data", PAGES, ids=[p[0] for p in PAGES])
def test_get(client, records, who, name, args, expected, _data):
    url = reverse(name, args=args(records))
    response = client_for(client, records, who).get(url)
    if who == "anonymous":
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
    else:
        assert response.status_code == expected(who)


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("name,args,expected,data", POSTABLE, ids=[p[0] for p in POSTABLE])
def test_post(client, records, who, name, args, expected, data):
    url = reverse(name, args=args(records))
    before = history_count()
    response = client_for(client, records, who).post(url, data(records))
    if who == "anonymous":
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
        assert history_count() == before
    elif expected(who) == 200:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert history_count() > before, "an allowed write leaves a history row"
    else:
        assert response.status_code == expected(who)
        assert history_count() == before, "a refused write changes nothing"


def test_a_member_of_another_review_finds_nothing_here_and_cannot_write(client, records):
    client.force_login(records.mark)
    assert client.get(reverse("conclusions_table", args=[records.review.pk])).status_code == 404
    response = client.post(
        reverse("conclusion_add", args=[records.review.pk]),
        {
            "subject": f"area-{records.area1.pk}",
            "meeting": records.last_meeting.pk,
            "judgement": "satisfied",
            "reasoning": "Not my review.",
        },
    )
    assert response.status_code == 404
    assert Conclusion.objects.count() == 1
    assert client.get(reverse("conclusions_table", args=[records.other_review.pk])).status_code == 200
