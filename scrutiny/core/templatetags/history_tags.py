from django import template
from django.utils.safestring import mark_safe

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
def history_panel(context, obj, heading="History of changes", beside_a_form=False):
    """{% history_panel action %}: the one history panel every audited page shows, the latest
    entries first, with a link to the whole history on the same page (?history=all). Beside a form
    the link opens a new tab, so that what is typed and not yet saved is not lost."""
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
        "new_tab": mark_safe(' target="_blank" rel="noopener"') if beside_a_form else "",
        "new_tab_note": " (opens in new tab)" if beside_a_form else "",
    }
