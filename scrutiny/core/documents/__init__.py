"""One document builder for every paper: a paper is a list of headings, paragraphs, lists and
tables; renderers turn that one description into Word, PDF or a printable page."""

from .builder import BulletList, Document, Heading, PageBreak, Paragraph, Table
from .render import FORMATS, document_response, render_docx, render_pdf

__all__ = [
    "FORMATS",
    "BulletList",
    "Document",
    "Heading",
    "PageBreak",
    "Paragraph",
    "Table",
    "document_response",
    "render_docx",
    "render_pdf",
]
