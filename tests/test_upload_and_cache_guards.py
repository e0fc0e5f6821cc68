"""Signed-in pages and papers are never stored by the browser; macro-enabled Office files and zip
bombs are refused as evidence; an upload over the limit is refused before it is read."""

import io
import zipfile

import docx
import pytest
from django.urls import reverse

from actionplan.models import Evidence

from .upload_helpers import post_evidence

pytestmark = pytest.mark.django_db

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def word_document(extra_members: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Caseloads fell to 18 per social worker in March.")
    document.save(buffer)
    if not extra_members:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for name, data in extra_members.items():
            target.writestr(name, data)
    return out.getvalue()


def refused_with(response, message) -> bool:
    page = response.content.decode()
    return (
        response.status_code == 200
        and message in page
        and "govuk-error-message" in page
        and not Evidence.objects.filter(title="Caseload report").exists()
    )


# --- Cache-Control -------------------------------------------------------------------------------


def test_signed_in_pages_are_not_stored(client, olivia):
    client.force_login(olivia)
    assert client.get("/")["Cache-Control"] == "private, no-store"
    assert client.get(reverse("my_actions"))["Cache-Control"] == "private, no-store"


def test_papers_are_not_stored(client, world):
    client.force_login(world.clara)
    response = client.get(reverse("conclusions_export", args=[world.review.pk, "docx"]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


# --- Macros and zip bombs ------------------------------------------------------------------------


def test_a_real_word_document_is_accepted(client, world):
    client.force_login(world.olivia)
    assert post_evidence(client, world.wcc_action, "caseloads.docx", word_document()).status_code == 302


@pytest.mark.parametrize("name", ["caseloads.docm", "figures.xlsm", "template.dotm", "slides.pptm"])
def test_a_macro_enabled_office_file_is_refused_by_its_name(client, world, name):
    client.force_login(world.olivia)
    assert refused_with(
        post_evidence(client, world.wcc_action, name, word_document()), "The selected file contains macros"
    )


def test_a_word_document_with_macros_inside_is_refused_whatever_its_name(client, world):
    client.force_login(world.olivia)
    data = word_document({"word/vbaProject.bin": OLE2 + b"\x00" * 512})
    assert refused_with(
        post_evidence(client, world.wcc_action, "caseloads.docx", data), "The selected file contains macros"
    )


def test_an_old_word_file_with_macros_is_refused(client, world):
    client.force_login(world.olivia)
    data = OLE2 + b"\x00" * 512 + "_VBA_PROJECT".encode("utf-16-le") + b"\x00" * 512
    assert refused_with(
        post_evidence(client, world.wcc_action, "caseloads.doc", data), "The selected file contains macros"
    )


def test_a_zip_bomb_named_docx_is_refused(client, world):
    client.force_login(world.olivia)
    data = word_document({"word/media/padding.xml": b"\x00" * (20 * 1024 * 1024)})
    assert len(data) < 200 * 1024  # 20 MB squeezed a thousand times
    assert refused_with(
        post_evidence(client, world.wcc_action, "caseloads.docx", data), "would expand to far more than its size"
    )


# --- The size limit ------------------------------------------------------------------------------


def test_the_form_states_the_limit(client, world):
    client.force_login(world.olivia)
    page = client.get(reverse("evidence_add", args=[world.wcc_action.pk])).content.decode()
    assert "The file must be smaller than 20.0 MB" in page


@pytest.fixture
def small_limits(settings):
    """A file may be up to 10,000 bytes, a whole request 20,000."""
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 10_000
    settings.UPLOAD_REQUEST_MAX_BYTES = 20_000


def test_an_upload_over_the_limit_is_refused_from_its_length_before_it_is_read(client, world, small_limits):
    client.force_login(world.olivia)
    response = post_evidence(client, world.wcc_action, "report.txt", b"figures\n" * 5_000)
    assert response.status_code == 413
    assert "The file is too big" in response.content.decode()
    assert "Files must be smaller than 9.8 KB. Nothing has been saved." in response.content.decode()
    assert not Evidence.objects.filter(title="Caseload report").exists()


def test_the_refusal_is_a_response_every_wsgi_server_can_send(client, world, small_limits):
    """PEP 3333 forbids hop-by-hop headers; the development server answered a 500 to one."""
    from wsgiref.util import is_hop_by_hop

    client.force_login(world.olivia)
    response = post_evidence(client, world.wcc_action, "report.txt", b"figures\n" * 5_000)
    assert response.status_code == 413
    assert not [name for name in response.headers if is_hop_by_hop(name)]


def test_the_length_is_judged_before_the_body_is_read(rf, settings):
    from scrutiny.core.request_guards import UploadSizeLimitMiddleware

    def view_that_reads(request):
        raise AssertionError("the body was handed on to be read")

    request = rf.post(
        "/actions/1/evidence/add/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.UPLOAD_REQUEST_MAX_BYTES + 1),
    )
    assert UploadSizeLimitMiddleware(view_that_reads)(request).status_code == 413


def test_a_file_just_under_the_limit_still_reaches_the_form(client, world, small_limits):
    client.force_login(world.olivia)
    response = post_evidence(client, world.wcc_action, "report.txt", b"figures\n" * 1_000)
    assert response.status_code == 302
