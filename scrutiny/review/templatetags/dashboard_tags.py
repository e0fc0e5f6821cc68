from django import template

from ..reporting.links import url_or_blank

register = template.Library()


@register.simple_tag
def url_if_built(name, *args):
    """The URL of a page another journey builds, or "" while it does not exist, so links degrade to text."""
    return url_or_blank(name, *args)


@register.inclusion_tag("scrutiny/dashboard/includes/count_link.html")
def count_link(cell, describe=""):
    return {"cell": cell, "describe": describe}


@register.inclusion_tag("scrutiny/dashboard/includes/chart.html")
def chart_with_table(chart, heading_level=3):
    return {"chart": chart, "heading_level": heading_level}
