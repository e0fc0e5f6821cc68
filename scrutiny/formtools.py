"""Shared form plumbing: every form renders through crispy-forms' GOV.UK pack the same way."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size


def gds_helper(*layout, label_size=Size.SMALL, legend_size=Size.SMALL) -> FormHelper:
    """A helper for a form whose <form> tag, CSRF token and error summary the template writes."""
    helper = FormHelper()
    helper.form_tag = False
    helper.label_size = label_size
    helper.legend_size = legend_size
    if layout:
        helper.layout = Layout(*layout)
    return helper
