"""The structure of a paper, independent of the format it is rendered to."""

import datetime
import unicodedata
from dataclasses import dataclass, field

from .columns import column_percentages


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 is a section; the document's title sits above level 1
    kind: str = "heading"


@dataclass
class Paragraph:
    text: str
    kind: str = "paragraph"


@dataclass
class BulletList:
    items: list[str]
    kind: str = "bullets"


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""
    kind: str = "table"


@dataclass
class PageBreak:
    kind: str = "page_break"


@dataclass
class Section:
    """A new page in the given orientation: wide tables (the conclusions) sit on landscape pages."""

    orientation: str = "portrait"
    kind: str = "section"


@dataclass
class PaperSection:
    """The blocks between two section breaks, for renderers that group pages (the PDF)."""

    orientation: str
    blocks: list

    @property
    def laid_out(self):
        """Each block with its tables' column widths (percentages) fitted to this orientation."""
        for block in self.blocks:
            widths = column_percentages(block.headers, block.rows, self.orientation) if block.kind == "table" else []
            yield block, widths


FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate(text) -> str:
    """People's own text, isolated when it holds right-to-left letters, so that a title in Arabic or Hebrew
    does not pull the date or number beside it into its own direction. Unicode isolates work the same in
    Word, the PDF and the browser (as <bdi> would), and plain left-to-right text is left exactly as typed."""
    text = "" if text is None else str(text)
    if any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
    return text


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if hasattr(value, "strftime"):
        return f"{value:%-d %B %Y}"
    return str(value)


@dataclass
class Document:
    """A paper: title, optional subtitle, and blocks in reading order.

    Text is stored as plain text; each renderer escapes it for its own format."""

    title: str
    filename_stem: str
    subtitle: str = ""
    draft: bool = False
    orientation: str = "portrait"  # of the first pages; later ones follow each Section block
    blocks: list = field(default_factory=list)

    def heading(self, text, level: int = 1) -> "Document":
        self.blocks.append(Heading(_text(text), max(1, min(level, 3))))
        return self

    def paragraph(self, text) -> "Document":
        """Blank lines in the text start new paragraphs, as the writer meant them."""
        for part in _text(text).replace("\r\n", "\n").split("\n\n"):
            if part.strip():
                self.blocks.append(Paragraph(part.strip()))
        return self

    def bullets(self, items) -> "Document":
        items = [_text(item) for item in items if _text(item)]
        if items:
            self.blocks.append(BulletList(items))
        return self

    def table(self, headers, rows, caption: str = "") -> "Document":
        self.blocks.append(Table([_text(h) for h in headers], [[_text(c) for c in row] for row in rows], caption))
        return self

    def table_from_export(self, export, caption: str = "") -> "Document":
        """The same columns and rows as the spreadsheet export, so the two never disagree."""
        rows = [[_text(column.value(row)) for column in export.columns] for row in export.rows()]
        return self.table(export.headers(), rows, caption)

    def page_break(self) -> "Document":
        self.blocks.append(PageBreak())
        return self

    def section(self, orientation: str = "portrait") -> "Document":
        self.blocks.append(Section(orientation))
        return self

    @property
    def sections(self) -> list[PaperSection]:
        sections = [PaperSection(self.orientation, [])]
        for block in self.blocks:
            if block.kind == "section":
                sections.append(PaperSection(block.orientation, []))
            else:
                sections[-1].blocks.append(block)
        return sections

    @property
    def full_title(self) -> str:
        return f"DRAFT: {self.title}" if self.draft else self.title
