"""Filters for the papers' HTML (the printable page and the PDF)."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

LONG_TOKEN = re.compile(r"(\S{30,})")
CHUNK = 20


@register.filter
def breakable(text) -> str:
    """Escaped text with line breaks kept, and a <wbr> every 20 characters inside any run of 30 or more
    without a space (a document reference, an address), so that run wraps inside its table cell while
    ordinary words never break; copied text is unchanged, as <wbr> adds no character."""
    parts = []
    for index, piece in enumerate(LONG_TOKEN.split(str(text))):
        if index % 2:
            parts.append("<wbr>".join(escape(piece[start : start + CHUNK]) for start in range(0, len(piece), CHUNK)))
        else:
            parts.append(escape(piece))
    return mark_safe("".join(parts).replace("\r\n", "\n").replace("\n", "<br>"))
