"""Shared form plumbing: every form renders through crispy-forms' GOV.UK pack the same way."""

from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size
from django import forms
from django.utils.html import conditional_escape


class EscapingFormHelper(FormHelper):
    """The GOV.UK pack prints labels, legends and hints with `|safe`. Labels built from stored or
    uploaded text (a person's name, a spreadsheet's column header) must not become markup, so
    they are escaped here; text deliberately marked safe is left as it is."""

    def render_layout(self, form, context, template_pack=TEMPLATE_PACK):
        for field in form.fields.values():
            if field.label:
                field.label = conditional_escape(field.label)
            if field.help_text:
                field.help_text = conditional_escape(field.help_text)
        return super().render_layout(form, context, template_pack)


def gds_helper(*layout, label_size=Size.SMALL, legend_size=Size.SMALL) -> FormHelper:
    """A helper for a form whose <form> tag, CSRF token and error summary the template writes.

    The layout is required: crispy-forms renders through `render_layout` (where labels are
    escaped) only when the helper has one."""
    if not layout:
        raise TypeError("gds_helper() needs the form's layout: its fields, in order.")
    helper = EscapingFormHelper()
    helper.form_tag = False
    helper.label_size = label_size
    helper.legend_size = legend_size
    helper.layout = Layout(*layout)
    return helper


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def check_plausible_year(value) -> None:
    """A date far outside the work's span is a typing slip (31/12/9999), and breaks date arithmetic."""
    if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise forms.ValidationError(f"Enter a date between {EARLIEST_YEAR} and {LATEST_YEAR}")


class PlausibleDateField(forms.DateField):
    default_validators = [check_plausible_year]
