"""Disguised files are refused by the evidence upload, through the real upload page.

Each is a file whose name claims one kind and whose content is another (a program named .pdf,
a web page named .png...). The page must say what is wrong next to the field and keep nothing:
no evidence record, no stored file. A genuine file of each kind is accepted, so the refusals are
about content, not a blanket no.
"""

import base64
import io
import zipfile

import pytest

from actionplan.models import Evidence

from .upload_helpers import post_evidence, stored_files

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def zip_bytes(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DISGUISED = {
    "a Windows program named .pdf": ("report.pdf", EXE),
    "a Windows program named .docx": ("minutes.docx", EXE),
    "a Linux program named .txt": ("notes.txt", ELF),
    "a web page named .png": ("photo.png", HTML),
    "a web page named .pdf": ("report.pdf", HTML),
    "an SVG with a script named .png": ("chart.png", SVG),
    "a PNG named .pdf": ("report.pdf", PNG),
    "a PDF named .jpg": ("scan.jpg", PDF),
    "a plain zip named .docx": ("minutes.docx", zip_bytes({"payload.exe": EXE})),
    "a program with its own name": ("setup.exe", EXE),
    "a web page with its own name": ("page.html", HTML),
    "an empty file named .pdf": ("empty.pdf", b""),
}


@pytest.mark.parametrize("disguise", sorted(DISGUISED))
def test_a_disguised_file_is_refused_and_nothing_is_kept(client, settings, world, disguise):
    name, data = DISGUISED[disguise]
    client.force_login(world.olivia)
    before = stored_files(settings)
    response = post_evidence(client, world.wcc_action, name, data)
    page = response.content.decode()
    assert response.status_code == 200, f"{disguise} was accepted"
    assert "<title>Error: " in page and "file" in response.context["form"].errors  # next to the file field
    assert not Evidence.objects.filter(title="Caseload report").exists()
    assert stored_files(settings) == before


@pytest.mark.parametrize("name, data", [("report.pdf", PDF), ("photo.png", PNG)])
def test_a_genuine_file_is_accepted(client, world, name, data):
    client.force_login(world.olivia)
    response = post_evidence(client, world.wcc_action, name, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    evidence = Evidence.objects.get(title="Caseload report")
    assert evidence.original_filename == name
    assert evidence.file.read() == data
