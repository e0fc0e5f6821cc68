"""The error summary's links, each to the box that takes the focus, in the order the page shows the fields.

GOV.UK: a date's link goes to its day box (or to the box that is wrong), a radio group's or a group of
checkboxes' link to its first input. The GOV.UK pack links every error to the field's id, which a date
input gives to the <div> around its boxes and radios to nothing at all."""

from django import forms, template

register = template.Library()


def focus_id(bound_field, box: int = 0) -> str:
    """The id of the input a link about `bound_field` moves the focus to: `box` of a date's day, month, year."""
    widget = bound_field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        # As the pack's radios.html and checkboxes.html number the inputs: from 1, after the field's name.
        return f"id_{bound_field.html_name}_1"
    if isinstance(widget, forms.MultiWidget):
        return f"{bound_field.auto_id}_{box}"
    return bound_field.id_for_label or bound_field.auto_id


def _errors_of(bound_field):
    """(box id, message) for each of a field's errors: a date's errors about one box go to that box."""
    seen = []
    for box, subfield in enumerate(getattr(bound_field.field, "fields", ())):
        for message in getattr(subfield.widget, "errors", []):
            seen.append(message)
            yield focus_id(bound_field, box), message
    for message in bound_field.errors:
        if message not in seen:
            yield focus_id(bound_field), message


def _in_page_order(form):
    fields = form.visible_fields()
    layout = getattr(getattr(form, "helper", None), "layout", None)
    if layout is None:
        return fields
    laid_out = [pointer.name for pointer in layout.get_field_names()]
    place = {name: index for index, name in enumerate(laid_out)}
    return sorted(fields, key=lambda field: place.get(field.name, len(laid_out)))


@register.filter
def error_summary_links(form) -> list[tuple[str, str]]:
    """(href, message) for each of the form's errors. Errors about the whole form, or about a hidden field
    (a tampered version number), link where the view says they are put right (`form.non_field_errors_href`,
    another page), or else to the first field's input: the summary needs somewhere to send the focus, and the
    form starts there."""
    fields = _in_page_order(form)
    first = f"#{focus_id(fields[0])}" if fields else ""  # a form of a button alone: the message, without a link
    general = list(form.non_field_errors()) + [message for field in form.hidden_fields() for message in field.errors]
    links = [(getattr(form, "non_field_errors_href", "") or first, message) for message in general]
    for field in fields:
        links.extend((f"#{box}", message) for box, message in _errors_of(field))
    return links
