from django import template

from ..record_urls import record_url as _record_url

register = template.Library()


@register.simple_tag
def record_url(name, *ids):
    """{% record_url 'area_detail' action.area_id %}: what {% url %} gives, for a link repeated on every
    row of a list or on every page, without matching the URL patterns each time."""
    return _record_url(name, *ids)
