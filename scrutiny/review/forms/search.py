"""The search box: what was typed, checked before anything is looked up."""

import re

from django import forms

MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        max_length=MAX_LENGTH,
        help_text="Words from an action, area, update, piece of evidence, meeting note, conclusion, request or "
        "recommendation, or an agency’s name.",
        error_messages={
            "required": "Enter a word or words to search for",
            "max_length": f"Search for {MAX_LENGTH} characters or fewer",
        },
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false", "autocomplete": "off"}),
    )

    def clean_q(self):
        text = " ".join(self.cleaned_data["q"].split())
        if not re.search(r"\w", text):
            raise forms.ValidationError("Enter a word or number to search for, not only punctuation")
        return text
