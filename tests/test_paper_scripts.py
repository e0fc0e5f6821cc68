"""What people type, in any script, reads right in the papers: right-to-left text is isolated so the
date beside it stays in place, and the PDF has fonts for other scripts and emoji."""

import io
import os
import shutil
import subprocess

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from scrutiny.core.documents.builder import isolate
from scrutiny.review.models import NoteItem

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "مراجعة الصحة"  # "Health review"
FSI, PDI = "\u2068", "\u2069"


def test_right_to_left_text_is_isolated_and_left_to_right_text_left_as_typed():
    assert isolate(ARABIC_TITLE) == f"{FSI}{ARABIC_TITLE}{PDI}"
    assert isolate("שלום") == f"{FSI}שלום{PDI}"
    assert isolate("Safeguarding 王芳 👍") == "Safeguarding 王芳 👍"


def test_a_right_to_left_meeting_title_keeps_the_date_beside_it_in_every_format(client, world):
    world.last_meeting.title = ARABIC_TITLE
    world.last_meeting.save()
    client.force_login(world.clara)
    date = f"{world.last_meeting.date:%-d %B %Y}"
    expected = f"2.1 {FSI}{ARABIC_TITLE}{PDI} (meeting 1), {date}"
    word = WordDocument(
        io.BytesIO(client.get(reverse("review_report", args=[world.review.pk, "final", "docx"])).content)
    )
    assert expected in [p.text for p in word.paragraphs]
    page = client.get(reverse("review_report", args=[world.review.pk, "final", "html"])).content.decode()
    assert expected in page


def _fonts_installed() -> bool:
    if not shutil.which("fc-list"):
        return False
    families = subprocess.run(["fc-list", ":", "family"], check=False, capture_output=True, text=True).stdout
    return all(name in families for name in ("Noto Sans Arabic", "Noto Sans CJK", "Noto Color Emoji"))


def test_the_pdf_embeds_fonts_for_other_scripts_and_emoji(client, world):
    if not _fonts_installed():
        message = "The papers' fonts are missing: apt-get install fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    world.carer.name = "王芳"
    world.carer.save()
    world.maya_person.name = "Cllr محمد علي"
    world.maya_person.save()
    NoteItem.objects.create(meeting=world.last_meeting, heading="Thanks 👍", body="The carers said شكرا 😀")
    client.force_login(world.clara)
    reader = PdfReader(io.BytesIO(client.get(reverse("review_report", args=[world.review.pk, "final", "pdf"])).content))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"Noto-Sans-Arabic", "Noto-Sans-CJK-SC", "Noto-Color-Emoji"} <= fonts, fonts
    text = "".join(page.extract_text() for page in reader.pages)
    assert "王芳" in text and "👍" in text
