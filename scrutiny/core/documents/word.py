"""The Word renderer: a paper as a council publishes it.

A4, the council's font (PAPER_FONT), real heading styles (Word's navigation pane lists them), the
council's name and the paper's title in the header, "Page X of Y" in the footer, British English,
tables with columns fitted to their content and header rows repeated, wide tables on landscape pages.
PAPER_REFERENCE_DOCX may name the council's own .docx: its styles are used instead of ours."""

import io
import re

from django.conf import settings
from django.utils import timezone

from .builder import Document
from .columns import TABLE_POINTS, column_widths

# XML 1.0 forbids most control characters; a pasted one would otherwise break the Word file.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LANGUAGE = "en-GB"
INK = "0B0C0C"  # GOV.UK text colour: near-black headings instead of the template's blue
QUIET = "505A5F"


def clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def render_docx(document: Document) -> bytes:
    import docx

    reference = getattr(settings, "PAPER_REFERENCE_DOCX", "")
    word = docx.Document(reference or None)
    if reference:
        _clear_body(word)
    else:
        _council_styles(word, settings.PAPER_FONT)
    _set_language(word)
    _set_properties(word, document)
    first = word.sections[0]
    _a4(first, document.orientation)
    _header_and_footer(first, document)

    _paragraph(word, document.full_title, "Title")
    if document.subtitle:
        _paragraph(word, document.subtitle, "Subtitle")
    for block in document.blocks:
        if block.kind == "heading":
            _paragraph(word, block.text, f"Heading {block.level}")
        elif block.kind == "paragraph":
            _lines(_paragraph(word, "", None), block.text)
        elif block.kind == "bullets":
            for item in block.items:
                _paragraph(word, item, "List Bullet")
        elif block.kind == "table":
            _table(word, block)
        elif block.kind == "page_break":
            word.add_page_break()
        elif block.kind == "section":
            # A new section starts on a new page; its own header and footer put the title and the page
            # number at the right edge of this orientation's page.
            section = word.add_section()
            _a4(section, block.orientation)
            section.header.is_linked_to_previous = section.footer.is_linked_to_previous = False
            _header_and_footer(section, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _has_style(word, name) -> bool:
    try:
        word.styles[name]
    except KeyError:
        return False
    return True


def _paragraph(word, text, style):
    """A paragraph in `style`, or in Normal when a council's reference document lacks that style."""
    style = style if style and _has_style(word, style) else None
    return word.add_paragraph(clean(text), style=style)


def _lines(paragraph, text):
    lines = clean(text).split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _clear_body(word):
    """A reference document gives its styles, page set-up and numbering, never its text."""
    body = word.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)


def _qn(tag):
    from docx.oxml.ns import qn

    return qn(tag)


def _element(tag, **attributes):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), value)
    return element


def _set_fonts(rpr, font):
    """Name the font for every script, and drop the theme fonts that would otherwise win in Word."""
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_qn(f"w:{script}"), font)


def _council_styles(word, font):
    from docx.shared import Pt, RGBColor

    styles = word.styles
    defaults = styles.element.find(_qn("w:docDefaults"))
    _set_fonts(defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr")), font)
    sizes = {
        "Normal": 11,
        "Title": 20,
        "Subtitle": 12,
        "Heading 1": 16,
        "Heading 2": 13,
        "Heading 3": 11.5,
        "Caption": 9,
        "Header": 8.5,
        "Footer": 8.5,
    }
    for name, size in sizes.items():
        if not _has_style(word, name):
            continue
        style = styles[name]
        _set_fonts(style.element.get_or_add_rPr(), font)
        style.font.size = Pt(size)
        if name.startswith(("Title", "Heading")):
            style.font.bold, style.font.italic = True, False
            style.font.color.rgb = RGBColor.from_string(INK)
        elif name in ("Subtitle", "Caption", "Header", "Footer"):
            style.font.italic = False
            style.font.color.rgb = RGBColor.from_string(QUIET)
    title = styles["Title"].element.get_or_add_pPr()
    for border in title.findall(_qn("w:pBdr")):
        title.remove(border)
    subtitle = styles["Subtitle"].element.get_or_add_pPr()
    for numbering in subtitle.findall(_qn("w:numPr")):
        subtitle.remove(numbering)
    for name, before in (("Heading 1", 18), ("Heading 2", 12), ("Heading 3", 10)):
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(4)


def _set_language(word):
    defaults = word.styles.element.find(_qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("w:docDefaults")
        word.styles.element.insert(0, defaults)
    rpr_default = defaults.find(_qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_qn("w:rPr"))
    if rpr is None:
        rpr = _element("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(_qn("w:lang")):
        rpr.remove(old)
    rpr.append(_element("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))


def _set_properties(word, document):
    properties = word.core_properties
    now = timezone.now()
    properties.title = clean(document.full_title)
    properties.subject = clean(document.subtitle)
    properties.author = properties.last_modified_by = settings.COUNCIL_NAME
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = LANGUAGE
    properties.comments = ""
    properties.keywords = ""


def _a4(section, orientation):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm

    landscape = orientation == "landscape"
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Mm(210), Mm(297)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin = section.right_margin = Cm(2)
    section.header_distance = section.footer_distance = Cm(1)


def _text_width(section):
    return section.page_width - section.left_margin - section.right_margin


def _header_and_footer(section, document):
    from docx.enum.text import WD_TAB_ALIGNMENT

    right = _text_width(section)
    header, footer = section.header.paragraphs[0], section.footer.paragraphs[0]
    for paragraph in (header, footer):
        paragraph.text = ""
        # The style's own centre tab would pull a long title back over the council's name.
        for stop in paragraph.style.paragraph_format.tab_stops:
            paragraph.paragraph_format.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        paragraph.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(settings.COUNCIL_NAME).bold = True
    header.add_run("\t" + clean(document.full_title))
    footer.add_run(clean(document.subtitle) if len(document.subtitle) < 70 else "")
    footer.add_run("\tPage ")
    footer._p.append(_field("PAGE"))
    footer.add_run(" of ")
    footer._p.append(_field("NUMPAGES"))


def _field(instruction):
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill in the number when they lay out the page."""
    field = _element("w:fldSimple", instr=f" {instruction} \\* MERGEFORMAT ")
    run = _element("w:r")
    text = _element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field


def _table(word, block):
    from docx.shared import Pt

    if block.caption:
        _paragraph(word, block.caption, "Caption")
    table = word.add_table(rows=1, cols=len(block.headers))
    if _has_style(word, "Table Grid"):
        table.style = "Table Grid"
    else:
        _borders(table)
    table.autofit = False
    points = column_widths(block.headers, block.rows, _text_width(word.sections[-1]) / 12700)  # EMU per point
    widths = [Pt(width) for width in points]
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    header = table.rows[0]
    # Repeat the header row on every page, as a long conclusions table needs.
    header._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    for cell, text, width in zip(header.cells, block.headers, widths, strict=False):
        cell.width = width
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill="F3F2F1"))
        run = cell.paragraphs[0].add_run(clean(text))
        run.bold, run.font.size = True, Pt(TABLE_POINTS)
    for values in block.rows:
        for cell, text, width in zip(table.add_row().cells, values, widths, strict=False):
            cell.width = width
            _lines(cell.paragraphs[0], text)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(TABLE_POINTS)
    word.add_paragraph()


def _borders(table):
    properties = table._tbl.tblPr
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="single", sz="4", space="0", color=QUIET))
    properties.append(borders)
