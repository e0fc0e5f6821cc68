from django import template

register = template.Library()


@register.inclusion_tag("scrutiny/dashboard/includes/count_link.html")
def count_link(cell, describe=""):
    return {"cell": cell, "describe": describe}


@register.inclusion_tag("scrutiny/dashboard/includes/chart.html")
def chart_with_table(chart, heading_level=3):
    return {"chart": chart, "heading_level": heading_level}
