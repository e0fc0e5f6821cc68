"""`<time datetime="...">` without a second date formatter: a page's lists show hundreds of moments, and
`date:'c'` builds a whole formatter for what `isoformat()` already gives."""

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def iso(value) -> str:
    """The moment in ISO 8601, in the page's time zone: what `value|date:'c'` gives."""
    if value in (None, ""):
        return ""
    try:
        return value.isoformat()
    except AttributeError:
        return ""
