"""Renderers: one Document in, a Word file, a PDF or a printable page out."""

import re

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from .builder import Document
from .word import render_docx

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
FORMATS = ("docx", "pdf", "html")


# After the council's font: fonts installed with the project (.ci/run, README) cover what people type in
# other scripts. Emoji are left to the system's fallback (Noto Color Emoji): named here, that font would
# also draw every digit, since 0-9 and # have emoji forms.
FALLBACK_FONTS = (
    "Arial",
    "Liberation Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans CJK SC",
    "DejaVu Sans",
)


def font_stack() -> str:
    """A CSS font-family list; names are quoted and stripped of quotes, so a setting cannot break the style sheet."""
    names = [settings.PAPER_FONT, *FALLBACK_FONTS]
    quoted = [f'"{re.sub(r"[^A-Za-z0-9 _-]", "", name)}"' for name in dict.fromkeys(names) if name]
    return ", ".join(quoted + ["sans-serif"])


def render_pdf(document: Document) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which pages that never print need not pay for.
    from weasyprint import HTML

    html = render_to_string(
        "scrutiny/papers/document_pdf.html",
        {
            "document": document,
            "council_name": settings.COUNCIL_NAME,
            "font_stack": font_stack(),
        },
    )
    # Tagged (PDF/UA-1), so that screen readers can read published papers, with the document language set.
    # Presentational hints: the tables' <col width>, which the printable page also uses (its CSP forbids style attributes).
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", presentational_hints=True)


def document_response(request, document: Document, fmt: str, *, back_url: str = "") -> HttpResponse:
    if fmt == "html":
        return render(request, "scrutiny/papers/printable.html", {"document": document, "back_url": back_url})
    if fmt == "docx":
        content = render_docx(document)
    elif fmt == "pdf":
        content = render_pdf(document)
    else:
        raise Http404("Unknown format")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
