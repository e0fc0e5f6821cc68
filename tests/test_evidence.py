"""Evidence: files checked by extension and content, evidence without a file, statuses, and
downloads that only go through a permission-checked view."""

import datetime
import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Evidence
from actionplan.services.evidence import add_evidence
from actionplan.uploads import PDF, validate_evidence_file

from .factories import add_second_inspection
from .form_helpers import date_parts

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
EML_BYTES = (
    b"From: Jacqueline Barnes <jb@example.nhs.uk>\r\nTo: clerk@example.gov.uk\r\n"
    b"Subject: Information protocols at UHCW\r\nDate: Mon, 10 Dec 2012 09:00:00 +0000\r\n\r\n"
    b"The protocols are attached.\r\n"
)


def docx_bytes():
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Caseload report")
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes():
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Caseloads"
    workbook.save(buffer)
    return buffer.getvalue()


def plain_zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    "name, content, expected_type",
    [
        ("report.pdf", PDF_BYTES, "application/pdf"),
        ("report.docx", None, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("caseloads.xlsx", None, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("caseloads.csv", b"team,caseload\nNorth,17\n", "text/csv"),
        ("notes.txt", "Notes from the audit – caseloads\n".encode(), "text/plain"),
        ("chart.png", PNG_BYTES, "image/png"),
        ("photo.JPG", JPEG_BYTES, "image/jpeg"),
        ("answer.eml", EML_BYTES, "message/rfc822"),
    ],
)
def test_accepted_files_are_recognised_by_their_content(name, content, expected_type):
    if content is None:
        content = docx_bytes() if name.endswith("docx") else xlsx_bytes()
    assert validate_evidence_file(upload(name, content)).content_type == expected_type


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("tool.exe", b"MZ\x90\x00", "must be a PDF, Word"),
        ("page.html", b"<html></html>", "must be a PDF, Word"),
        ("no-extension", PDF_BYTES, "must be a PDF, Word"),
        ("fake.pdf", b"MZ\x90\x00 this is a program", "is not a real PDF"),
        ("fake.png", b"just some text", "is not a real PNG image"),
        ("fake.docx", plain_zip_bytes(), "is not a real Word document"),
        ("fake.xlsx", b"team,caseload\n", "is not a real Excel workbook"),
        ("photo.csv", PNG_BYTES, "is not a real CSV file"),
        ("notes.eml", b"hello, this is not an email\nat all\n", "is not a real email"),
        ("empty.txt", b"", "The selected file is empty"),
    ],
)
def test_wrong_files_are_refused_with_a_clear_reason(name, content, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_evidence_file(upload(name, content))
    assert message in error.value.messages[0]


def form_data(*, requested_on=None, received_on=None, **overrides):
    data = {
        "title": "Caseload report",
        "kind": "document",
        "description": "",
        "status": "received",
        "provided_by": "",
        "provided_by_agency": "",
        **date_parts("requested_on", requested_on),
        **date_parts("received_on", received_on),
    }
    data.update(overrides)
    return data


def add_url(world):
    return reverse("evidence_add", args=[world.wcc_action.pk])


def olivia_adds(client, world, **fields):
    """The WCC officer sends the form adding evidence to her agency's action."""
    client.force_login(world.olivia)
    return client.post(add_url(world), form_data(**fields))


def olivia_asks_her_agency(client, world, requested_on, **fields):
    """The officer records evidence her own agency was asked for on `requested_on`."""
    return olivia_adds(client, world, provided_by_agency=world.wcc.pk, requested_on=requested_on, **fields)


def test_the_form_states_the_size_limit_and_the_types(client, world):
    client.force_login(world.olivia)
    page = client.get(add_url(world)).content.decode()
    assert "smaller than 20.0 MB" in page and "PDF, Word (.docx, .doc)" in page
    assert 'enctype="multipart/form-data"' in page


def test_an_officer_attaches_a_pdf_stored_under_a_name_of_ours(client, world, settings):
    response = olivia_adds(client, world, file=upload("../../etc/Caseloads June.pdf", PDF_BYTES))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.action, evidence.added_by, evidence.status) == (world.wcc_action, world.olivia, "received")
    assert evidence.original_filename == "Caseloads June.pdf"
    assert evidence.content_type == "application/pdf" and evidence.file_size == len(PDF_BYTES)
    assert "Caseloads" not in evidence.file.name and evidence.file.name.startswith("evidence/")
    assert evidence.file.path.startswith(str(settings.MEDIA_ROOT))
    assert "static" not in evidence.file.path.split(str(settings.MEDIA_ROOT))[1]
    assert evidence.history.get().history_user == world.olivia
    page = client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()
    assert "Caseload report" in page and reverse("evidence_download", args=[evidence.pk]) in page
    assert settings.MEDIA_URL not in page


def test_a_wrong_type_is_refused_next_to_the_field_and_nothing_is_saved(client, world, settings):
    response = olivia_adds(client, world, file=upload("report.pdf", b"GIF89a not a pdf"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a real PDF" in page and "govuk-error-summary" in page and "<title>Error:" in page
    assert not Evidence.objects.exists()
    assert not (settings.MEDIA_ROOT / "evidence").exists()


def test_a_file_over_20_mb_is_refused(client, world):
    too_big = PDF_BYTES + b"0" * (20 * 1024 * 1024)
    response = olivia_adds(client, world, file=upload("big.pdf", too_big))
    assert "The selected file must be smaller than 20.0 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_limit_follows_the_setting(client, world, settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
    response = olivia_adds(client, world, file=upload("big.pdf", PDF_BYTES + b"0" * 2000))
    assert "smaller than 1.0 KB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_without_a_file_needs_what_and_who(client, world):
    response = olivia_adds(client, world, kind="demonstration", title="Demonstration of CareFirst")
    page = response.content.decode()
    assert "describe what was demonstrated or said" in page and "say who gave the evidence" in page
    assert not Evidence.objects.exists()
    response = olivia_adds(
        client,
        world,
        kind="demonstration",
        title="Demonstration of CareFirst",
        description="Case-file audit shown on screen.",
        provided_by=world.olivia_person.pk,
        received_on=datetime.date(2012, 5, 8),
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.provided_by, evidence.received_on.isoformat(), evidence.has_file) == (
        world.olivia_person,
        "2012-05-08",
        False,
    )


def test_awaited_evidence_is_recorded_then_marked_received_with_its_file(client, world):
    olivia_asks_her_agency(client, world, datetime.date(2012, 5, 1), title="Audit of notifications", status="awaited")
    evidence = Evidence.objects.get()
    assert (evidence.status, evidence.received_on) == ("awaited", None)
    response = client.post(
        reverse("evidence_edit", args=[evidence.pk]),
        {
            "status": "awaited",
            "description": "Arrived by post.",
            **date_parts("requested_on", datetime.date(2012, 5, 1)),
            **date_parts("received_on", None),
            "file": upload("audit.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert (evidence.status, evidence.received_on, evidence.has_file) == ("received", timezone.localdate(), True)
    assert evidence.history.count() == 2


def test_received_before_requested_is_refused(client, world):
    response = olivia_asks_her_agency(
        client, world, datetime.date(2012, 5, 10), title="Audit", received_on=datetime.date(2012, 5, 1)
    )
    assert "cannot be before the date requested" in response.content.decode()
    assert not Evidence.objects.exists()


def attach_pdf(world, title="Caseload report"):
    """A PDF attached to the WCC action by its officer, through the service."""
    return add_evidence(
        actor=world.olivia,
        action=world.wcc_action,
        title=title,
        kind=Evidence.Kind.DOCUMENT,
        upload=upload("June.pdf", PDF_BYTES),
        upload_kind=PDF,
    )


def saved_evidence(name, content, **fields):
    """Evidence saved as it stands (through save(), not the service), with its file stored under `name`."""
    evidence = Evidence(**fields)
    evidence.file.save(name, content, save=False)
    evidence.save()
    return evidence


def test_a_download_is_an_attachment_with_our_name_type_and_nosniff(client, world):
    evidence = attach_pdf(world)
    client.force_login(world.maya)
    response = client.get(reverse("evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="evidence-{evidence.pk}-caseload-report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_officers_may_read_any_actions_evidence_but_add_only_to_their_own(client, world):
    evidence = attach_pdf(world)
    client.force_login(world.arjun)
    assert client.get(reverse("evidence_download", args=[evidence.pk])).status_code == 200
    assert client.get(reverse("evidence_add", args=[world.wcc_action.pk])).status_code == 404
    response = client.post(
        reverse("evidence_add", args=[world.wcc_action.pk]), form_data(file=upload("r.pdf", PDF_BYTES))
    )
    assert response.status_code == 404
    assert Evidence.objects.count() == 1


def test_evidence_given_to_the_group_by_another_agency_is_hidden_from_officers(client, world):
    evidence = saved_evidence(
        "x",
        upload("plan.pdf", PDF_BYTES),
        inspection=world.inspection,
        area=world.area2,
        title="Arden training plan",
        provided_by_agency=world.arden,
        status="received",
        content_type=PDF.content_type,
    )
    url = reverse("evidence_download", args=[evidence.pk])
    client.force_login(world.olivia)
    assert client.get(url).status_code == 404
    client.force_login(world.arjun)
    assert client.get(url).status_code == 200


def test_evidence_without_a_file_has_no_download(client, world):
    evidence = add_evidence(
        actor=world.olivia,
        action=world.wcc_action,
        title="Verbal update",
        kind="verbal",
        description="Given at the meeting.",
        provided_by=world.olivia_person,
    )
    client.force_login(world.maya)
    assert client.get(reverse("evidence_download", args=[evidence.pk])).status_code == 404
    assert "No file" in client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()


def test_a_file_missing_from_storage_is_not_found_not_a_server_error(client, world):
    from django.core.files.base import ContentFile

    evidence = saved_evidence(
        "audit",
        ContentFile(b"hello"),
        inspection=world.inspection,
        action=world.wcc_action,
        title="Audit",
        original_filename="a.txt",
        content_type="text/plain",
    )
    evidence.file.storage.delete(evidence.file.name)
    client.force_login(world.olivia)
    response = client.get(reverse("evidence_download", args=[evidence.pk]))
    assert response.status_code == 404


def test_an_officer_removes_a_wrong_upload_and_its_file_goes(client, world, django_capture_on_commit_callbacks):
    evidence = attach_pdf(world, title="Wrong team's caseloads")
    path = evidence.file.path
    client.force_login(world.olivia)
    change_page = client.get(reverse("evidence_edit", args=[evidence.pk])).content.decode()
    remove_url = reverse("evidence_remove", args=[evidence.pk])
    assert remove_url in change_page
    confirm = client.get(remove_url).content.decode()
    assert "The file June.pdf will be deleted." in confirm and Evidence.objects.filter(pk=evidence.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove_url)
    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not os.path.exists(path)
    removal = Evidence.history.filter(id=evidence.pk).order_by("-history_id").first()
    assert removal.history_type == "-" and removal.history_user == world.olivia
    page = client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()
    assert "has been removed from" in page and "Wrong team&#x27;s caseloads" in page  # the message names it


def test_evidence_considered_at_a_meeting_stays(client, world, django_capture_on_commit_callbacks):
    evidence = attach_pdf(world)
    world.last_meeting.evidence_considered.add(evidence)
    client.force_login(world.olivia)
    url = reverse("evidence_remove", args=[evidence.pk])
    page = client.get(url).content.decode()
    assert "considered at a meeting of the group, so it stays on the record" in page
    assert "Remove this evidence" not in page
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True).content.decode()
    assert "considered at a meeting of the group" in page
    evidence.refresh_from_db()
    assert os.path.exists(evidence.file.path)


def test_only_the_lead_agency_removes_evidence(client, world):
    evidence = attach_pdf(world)
    url = reverse("evidence_remove", args=[evidence.pk])
    client.force_login(world.arjun)
    assert client.post(url).status_code == 404
    client.force_login(world.maya)
    assert client.post(url).status_code == 403
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_an_evidence_file_is_a_404_to_whoever_cannot_see_its_inspection(client, world):
    """The action page 404s an officer whose agency has no part in the inspection, and a member who sits
    on none of its reviews: its evidence files do the same."""
    elsewhere = add_second_inspection(world, review_title="Herefordshire T&F Group")
    evidence = add_evidence(
        actor=world.olivia,
        action=elsewhere.action,
        title="Plan audit",
        kind=Evidence.Kind.DOCUMENT,
        upload=upload("audit.pdf", PDF_BYTES),
        upload_kind=PDF,
    )
    url = reverse("evidence_download", args=[evidence.pk])
    for outsider, status in [(world.arjun, 404), (world.mark, 404), (world.olivia, 200), (world.maya, 200)]:
        client.force_login(outsider)
        assert client.get(reverse("action_detail", args=[elsewhere.action.pk])).status_code == status
        assert client.get(url).status_code == status, outsider
