from django import template

from ..history import history_entries

register = template.Library()


@register.inclusion_tag("includes/history_panel.html")
def history_panel(obj, limit=None, heading="History of changes"):
    """{% history_panel action %}: the one history panel every audited page shows."""
    return {"entries": history_entries(obj, limit=limit), "heading": heading, "object": obj}
