"""Column headers that sort their list (server-side, through the list's FilterSet): a link in the header
that sorts by the column, or reverses it when it is already sorted so, and aria-sort saying which way."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context, label, column, default="", numeric=False):
    """`default`: how the list is sorted when no sort is chosen ("target", "-area"...)."""
    request = context["request"]
    current = request.GET.get("sort") or default
    if current == column:
        state, following, hint = "ascending", f"-{column}", "sorted ascending; sort descending"
    elif current == f"-{column}":
        state, following, hint = "descending", column, "sorted descending; sort ascending"
    else:
        state, following, hint = "none", column, "sort ascending"
    query = request.GET.copy()
    query["sort"] = following
    query.pop("page", None)
    classes = "govuk-table__header sortable-header" + (" govuk-table__header--numeric" if numeric else "")
    arrow = {"ascending": "▲", "descending": "▼"}.get(state, "")
    return format_html(
        '<th scope="col" class="{}" aria-sort="{}"><a class="govuk-link sortable-header__link" href="?{}">{}'
        '<span class="govuk-visually-hidden"> ({})</span></a>{}</th>',
        classes,
        state,
        query.urlencode(),
        label,
        hint,
        format_html(' <span aria-hidden="true">{}</span>', arrow) if arrow else "",
    )
