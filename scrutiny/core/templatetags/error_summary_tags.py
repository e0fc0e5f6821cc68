"""Where the error summary's links lead (templates/gds/layout/error_summary.html)."""

from django import forms, template

register = template.Library()


@register.filter
def summary_target(bound_field, field_id: str) -> str:
    """Radios and checkboxes have no element with the field's own id: the link leads to the first option,
    which GOV.UK Frontend focuses, with its question in view."""
    if field_id == bound_field.auto_id and isinstance(
        bound_field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)
    ):
        return f"id_{bound_field.html_name}_1"
    return field_id
