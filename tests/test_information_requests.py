"""Information requests: the group asks an agency or a person; the agency answers with evidence; the group closes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Evidence
from scrutiny.review.models import InformationRequest
from scrutiny.review.services.requests import raise_request

from .page_helpers import assert_refused_next_to_field

pytestmark = pytest.mark.django_db

EMAIL = (
    b"From: Jackie Channell <jackie.channell@arden.nhs.uk>\r\nTo: clerk@warwickshire.gov.uk\r\n"
    b"Subject: Information protocols at UHCW\r\nDate: Mon, 10 Dec 2012 09:30:00 +0000\r\n\r\n"
    b"The protocol for children admitted from other local authorities is attached.\r\n"
)


def ask_arden(world, **fields):
    fields.setdefault("question", "Confirm the information protocols at UHCW.")
    fields.setdefault("meeting", world.last_meeting)
    return raise_request(actor=world.maya, review=world.review, asked_of_agency=world.arden, **fields)


def test_a_member_raises_a_request_at_a_meeting(client, world):
    client.force_login(world.maya)
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client.get(reverse("request_add", args=[world.review.pk]) + f"?action={world.arden_action.pk}")
    assert response.context["form"].initial["meeting"] == world.next_meeting  # the coming meeting
    response = client.post(
        reverse("request_add", args=[world.review.pk]),
        {
            "meeting": world.last_meeting.pk,
            "asked_of_agency": world.arden.pk,
            "subject": f"action-{world.arden_action.pk}",
            "question": "Send the audit of unscheduled care notifications.",
            "due_by": due.isoformat(),
        },
    )
    info_request = InformationRequest.objects.get()
    assert response["Location"] == reverse("request_detail", args=[info_request.review_id, info_request.pk])
    assert info_request.raised_on == world.last_meeting.date and info_request.due_by == due
    assert info_request.action == world.arden_action and info_request.area == world.area2
    assert info_request.history.get().history_user == world.maya
    page = client.get(response["Location"]).content.decode()
    assert "Request raised with NHS Arden Cluster" in page and "Send the audit" in page


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"asked_of_agency": ""}, "asked_of_agency", "Choose the agency or the person the request is for"),
        ({"question": ""}, "question", "Enter what the group is asking for"),
        ({"due_by": "2000-01-01"}, "due_by", "The answer cannot be due before the request was raised"),
        ({"due_by": "31/02/2030"}, "due_by", "Enter answer needed by as a real date"),
    ],
)
def test_bad_requests_get_errors_next_to_the_field(client, world, data, field, message):
    client.force_login(world.clara)
    post = {"meeting": world.last_meeting.pk, "asked_of_agency": world.arden.pk, "question": "Send it."}
    post.update(data)
    response = client.post(reverse("request_add", args=[world.review.pk]), post)
    assert_refused_next_to_field(response, field)
    assert message in response.context["form"].errors[field][0]
    assert not InformationRequest.objects.exists()


def test_a_request_can_be_asked_of_a_person(client, world):
    client.force_login(world.clara)
    client.post(
        reverse("request_add", args=[world.review.pk]),
        {"asked_of_person": world.carer.pk, "question": "Share your experience."},
    )
    assert InformationRequest.objects.get().asked_of == "Kim Brandrick"


def test_only_the_asked_agencys_officers_see_the_request(client, world):
    info_request = ask_arden(world)
    client.force_login(world.arjun)
    assert (
        "Confirm the information protocols"
        in client.get(reverse("request_list", args=[world.review.pk])).content.decode()
    )
    assert client.get(reverse("request_detail", args=[info_request.review_id, info_request.pk])).status_code == 200
    client.force_login(world.olivia)
    assert (
        "Confirm the information protocols"
        not in client.get(reverse("request_list", args=[world.review.pk])).content.decode()
    )
    assert client.get(reverse("request_detail", args=[info_request.review_id, info_request.pk])).status_code == 404
    assert (
        client.post(
            reverse("request_answer", args=[info_request.review_id, info_request.pk]), {"answer": "x"}
        ).status_code
        == 404
    )


def test_the_officer_answers_with_an_email_as_evidence(client, world):
    info_request = ask_arden(world)
    client.force_login(world.arjun)
    response = client.post(
        reverse("request_answer", args=[info_request.review_id, info_request.pk]),
        {
            "answer": "Confirmation attached.",
            "file": SimpleUploadedFile("protocols.eml", EMAIL, "message/rfc822"),
            "evidence_title": "Email confirming the UHCW protocols",
            "evidence_kind": "email",
        },
    )
    assert response.status_code == 302
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.ANSWERED
    assert info_request.answered_by == world.arjun and info_request.answered_on == timezone.localdate()
    evidence = info_request.evidence.get()
    assert evidence.kind == Evidence.Kind.EMAIL and evidence.original_filename == "protocols.eml"
    assert evidence.content_type == "message/rfc822" and evidence.provided_by_agency == world.arden
    assert evidence.file.read() == EMAIL
    assert {h.history_user for h in info_request.history.all()[:2]} == {world.arjun}
    assert evidence.history.get().history_user == world.arjun
    page = client.get(response["Location"]).content.decode()
    assert "Email confirming the UHCW protocols" in page and "Confirmation attached." in page and "Answered" in page


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("protocols.exe", b"MZ\x90\x00", "The selected file must be a"),
        ("protocols.pdf", b"just some text", "is not a real PDF"),
        ("protocols.eml", b"", "The selected file is empty"),
    ],
)
def test_a_bad_file_is_refused_next_to_the_field_and_nothing_is_saved(client, world, name, content, message):
    info_request = ask_arden(world)
    client.force_login(world.arjun)
    response = client.post(
        reverse("request_answer", args=[info_request.review_id, info_request.pk]),
        {
            "answer": "Attached.",
            "file": SimpleUploadedFile(name, content),
            "evidence_kind": "document",
        },
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN and not Evidence.objects.exists()


def test_an_answer_can_link_evidence_already_held(client, world):
    info_request = ask_arden(world)
    held = Evidence.objects.create(
        inspection=world.inspection, action=world.arden_action, title="Audit report", provided_by_agency=world.arden
    )
    Evidence.objects.create(inspection=world.inspection, action=world.wcc_action, title="WCC caseload report")
    client.force_login(world.arjun)
    form = client.get(reverse("request_answer", args=[info_request.review_id, info_request.pk])).context["form"]
    assert list(form.fields["existing_evidence"].queryset) == [held]  # not the council's evidence
    client.post(
        reverse("request_answer", args=[info_request.review_id, info_request.pk]),
        {
            "answer": "See the audit.",
            "existing_evidence": [held.pk],
            "evidence_kind": "document",
        },
    )
    assert list(info_request.evidence.all()) == [held]


def test_an_answer_is_required(client, world):
    info_request = ask_arden(world)
    client.force_login(world.arjun)
    response = client.post(
        reverse("request_answer", args=[info_request.review_id, info_request.pk]),
        {"answer": "", "evidence_kind": "email"},
    )
    assert "Enter the answer" in response.context["form"].errors["answer"][0]


def test_overdue_requests_stand_out_and_come_first(client, world):
    ask_arden(world, question="Not yet due", due_by=timezone.localdate() + datetime.timedelta(days=5))
    ask_arden(world, question="Long overdue", due_by=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(world.arjun)
    response = client.get(reverse("request_list", args=[world.review.pk]))
    html = response.content.decode()
    assert "1 request overdue" in html
    assert [r.question for r in response.context["info_requests"]] == ["Long overdue", "Not yet due"]
    assert html.count('class="govuk-tag overdue-tag">Overdue') == 1
    overdue_only = client.get(reverse("request_list", args=[world.review.pk]), {"status": "overdue"}).context[
        "info_requests"
    ]
    assert [r.question for r in overdue_only] == ["Long overdue"]


def test_closing_an_unanswered_request_needs_a_reason(client, world):
    info_request = ask_arden(world)
    client.force_login(world.clara)
    response = client.post(reverse("request_close", args=[info_request.review_id, info_request.pk]), {"note": ""})
    assert "say why it is being closed" in response.context["form"].errors["note"][0]
    client.post(
        reverse("request_close", args=[info_request.review_id, info_request.pk]),
        {"note": "Answered at the meeting instead."},
    )
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.CLOSED and info_request.closed_on == timezone.localdate()
    assert "Answered at the meeting instead." in info_request.answer
    assert info_request.history.first().history_user == world.clara
    client.force_login(world.arjun)
    assert (
        client.get(reverse("request_answer", args=[info_request.review_id, info_request.pk])).status_code == 403
    )  # closed


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_queries_stay_the_same_whatever_the_size(client, world, django_assert_num_queries, size):
    for n in range(size):
        ask_arden(world, question=f"Question {n}", action=world.arden_action, due_by=timezone.localdate())
    client.force_login(world.maya)
    client.get(reverse("request_list", args=[world.review.pk]))
    with django_assert_num_queries(7):  # 6 for the list, 1 for the review bar
        response = client.get(reverse("request_list", args=[world.review.pk]))
    assert len(response.context["info_requests"]) == size


def test_an_answer_that_crosses_a_closing_does_not_reopen_the_request(world):
    from django.core.exceptions import ValidationError

    from scrutiny.review.models import InformationRequest
    from scrutiny.review.services.requests import answer_request, close_request

    info_request = InformationRequest(review=world.review, asked_of_agency=world.arden, question="Audit results?")
    info_request.save()
    seen_by_officer = InformationRequest.objects.get(pk=info_request.pk)  # the officer opened the form...
    close_request(actor=world.clara, info_request=info_request, note="No longer needed.")  # ...the clerk closed it
    with pytest.raises(ValidationError, match="This request is closed."):
        answer_request(actor=world.arjun, info_request=seen_by_officer, answer="Here they are.")
    info_request.refresh_from_db()
    assert info_request.status == "closed" and "Here they are." not in info_request.answer
