from django import template

from ..history import history_page

register = template.Library()

# How many entries the panel shows until the reader asks for the whole history.
LATEST = 10
# ?history=all on the page itself shows every entry: the page's own permission checks cover it.
PARAM = "history"
ANCHOR = "#history-heading"


def _link(request, *, show_all: bool) -> str:
    query = request.GET.copy()
    query.pop(PARAM, None)
    if show_all:
        query[PARAM] = "all"
    encoded = query.urlencode()
    return f"{request.path}{'?' + encoded if encoded else ''}{ANCHOR}"


@register.inclusion_tag("includes/history_panel.html", takes_context=True)
def history_panel(context, obj, heading="History of changes"):
    """{% history_panel action %}: the one history panel every audited page shows, the latest
    entries first, with a link to the whole history on the same page (?history=all)."""
    request = context.get("request")
    show_all = request is not None and request.GET.get(PARAM) == "all"
    page = history_page(obj, limit=None if show_all else LATEST)
    return {
        "entries": page.entries,
        "total": page.total,
        "latest": LATEST,
        "partial": page.is_partial,
        "show_all": show_all and page.total > LATEST,
        "all_url": _link(request, show_all=True) if request is not None else "",
        "latest_url": _link(request, show_all=False) if request is not None else "",
        "heading": heading,
        "object": obj,
    }
