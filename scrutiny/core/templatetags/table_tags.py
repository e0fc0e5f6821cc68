"""The head of a GOV.UK table: one column header a label, so that a table's template lists its columns and
does not repeat the header markup for each."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def column_headers(*labels):
    """`<th scope="col">` cells, one a label, for a header row that also holds other cells."""
    return format_html_join("", '<th scope="col" class="govuk-table__header">{}</th>', ((label,) for label in labels))


@register.simple_tag
def table_head(*labels):
    """A table's whole `<thead>`: one row of column headers, one a label."""
    return format_html(
        '<thead class="govuk-table__head"><tr class="govuk-table__row">{}</tr></thead>', column_headers(*labels)
    )
