"""Renderers: one Document in, a Word file, a PDF or a printable page out."""

import io
import re

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from .builder import Document

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
FORMATS = ("docx", "pdf", "html")
# XML 1.0 forbids most control characters; a pasted one would otherwise break the Word file.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def render_docx(document: Document) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = docx.Document()
    word.core_properties.title = _clean(document.full_title)
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    word.add_heading(_clean(document.full_title), level=0)
    if document.subtitle:
        word.add_paragraph(_clean(document.subtitle), style="Subtitle")
    for block in document.blocks:
        if block.kind == "heading":
            word.add_heading(_clean(block.text), level=block.level)
        elif block.kind == "paragraph":
            paragraph = word.add_paragraph()
            lines = _clean(block.text).split("\n")
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break()
        elif block.kind == "bullets":
            for item in block.items:
                word.add_paragraph(_clean(item), style="List Bullet")
        elif block.kind == "table":
            if block.caption:
                word.add_paragraph(_clean(block.caption), style="Caption")
            table = word.add_table(rows=1, cols=len(block.headers), style="Table Grid")
            header = table.rows[0]
            # Repeat the header row on every page, as a long conclusions table needs.
            row_properties = header._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            row_properties.append(repeat)
            for cell, text in zip(header.cells, block.headers):
                cell.text = ""
                cell.paragraphs[0].add_run(_clean(text)).bold = True
            for values in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, values):
                    cell.text = _clean(text)
            word.add_paragraph()
        elif block.kind == "page_break":
            word.add_page_break()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def render_pdf(document: Document) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which pages that never print need not pay for.
    from weasyprint import HTML

    html = render_to_string("scrutiny/papers/document_pdf.html", {"document": document})
    # Tagged (PDF/UA-1), so that screen readers can read published papers, with the document language set.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


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
