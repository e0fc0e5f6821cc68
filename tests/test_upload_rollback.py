"""A save that fails after its file was stored leaves neither the record nor the file behind."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from actionplan.models import Evidence
from actionplan.services.evidence import add_evidence, change_evidence
from actionplan.uploads import PDF
from scrutiny.review.models import InformationRequest
from scrutiny.review.services.requests import answer_request, raise_request

from .test_evidence import PDF_BYTES
from .upload_helpers import stored_files

pytestmark = pytest.mark.django_db


def pdf():
    return SimpleUploadedFile("Caseloads June.pdf", PDF_BYTES, content_type="application/pdf")


def add_caseload_report(world):
    """An officer adds a document with its PDF, through the service."""
    return add_evidence(
        actor=world.olivia,
        action=world.wcc_action,
        title="Caseload report",
        kind=Evidence.Kind.DOCUMENT,
        upload=pdf(),
        upload_kind=PDF,
    )


def test_evidence_whose_save_fails_leaves_no_file(world, settings):
    with mock.patch.object(Evidence, "save", side_effect=DatabaseError("disk full")), pytest.raises(DatabaseError):
        add_caseload_report(world)
    assert not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_a_file_that_arrives_for_awaited_evidence_is_removed_if_the_save_fails(world, settings):
    awaited = add_evidence(
        actor=world.olivia,
        action=world.wcc_action,
        title="Audit",
        kind=Evidence.Kind.DOCUMENT,
        status=Evidence.Status.AWAITED,
    )
    with mock.patch.object(Evidence, "save", side_effect=DatabaseError("disk full")), pytest.raises(DatabaseError):
        change_evidence(
            actor=world.olivia,
            evidence=awaited,
            status=Evidence.Status.RECEIVED,
            description="",
            requested_on=None,
            received_on=None,
            upload=pdf(),
            upload_kind=PDF,
        )
    awaited.refresh_from_db()
    assert awaited.status == Evidence.Status.AWAITED and not awaited.file
    assert stored_files(settings) == []


def test_an_answer_refused_after_its_file_was_stored_leaves_no_file(world, settings):
    info_request = raise_request(
        actor=world.maya,
        review=world.review,
        asked_of_agency=world.arden,
        question="Send the caseload reports for June.",
        action=world.arden_action,
    )
    with (
        mock.patch.object(InformationRequest, "full_clean", side_effect=ValidationError("Refused")),
        pytest.raises(ValidationError),
    ):
        answer_request(actor=world.arjun, info_request=info_request, answer="Attached.", upload=pdf(), upload_kind=PDF)
    assert not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_a_successful_save_keeps_its_file(world, settings):
    evidence = add_caseload_report(world)
    assert [path.name for path in stored_files(settings)] == [evidence.file.name.rsplit("/", 1)[1]]
