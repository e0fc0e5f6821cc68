"""The clerk's text for one part of the report."""

from crispy_forms_gds.layout import Field, Submit
from django import forms

from scrutiny.core.formtools import gds_helper


class ReportTextForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        strip=True,
        error_messages={"required": "Write the text for this part of the report."},
        help_text="A blank line starts a new paragraph.",
    )

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.helper = gds_helper(Field.textarea("text"), Submit("submit", "Save the text"))
