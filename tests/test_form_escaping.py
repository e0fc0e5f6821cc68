"""Labels and hints built from stored or uploaded text never become markup."""


def test_form_labels_built_from_stored_text_are_escaped():
    from django import forms
    from django.template import Context, Template

    from scrutiny.core.formtools import gds_helper

    class PersonForm(forms.Form):
        attended = forms.ChoiceField(choices=[("yes", "Yes")], widget=forms.RadioSelect)
        name = forms.CharField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["attended"].label = "<script>alert('x')</script> Kim Brandrick"
            self.fields["name"].help_text = "<img src=x onerror=alert(1)>"
            self.helper = gds_helper("attended", "name")

    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": PersonForm()}))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Kim Brandrick" in html


def test_number_and_date_inputs_look_like_every_other_input():
    from django import forms
    from django.template import Context, Template

    from scrutiny.core.formtools import gds_helper

    class MeetingLikeForm(forms.Form):
        number = forms.IntegerField()
        date = forms.DateField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.helper = gds_helper("number", "date")

    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
        Context({"form": MeetingLikeForm({"number": "x", "date": "y"})})
    )
    assert html.count("govuk-input govuk-input--error") == 2
    assert 'type="text"' in html and 'inputmode="numeric"' in html


def test_a_date_input_given_a_width_keeps_the_input_style():
    # Field.text(name, field_width=10) sets the widget's class when rendered; the date box must still be drawn
    # as a GOV.UK input (border, height), and red when it is wrong.
    import re

    from crispy_forms.utils import render_crispy_form

    from scrutiny.review.forms.response_clock import ReportDatesForm

    def input_class(form, name):
        return re.search(rf'<input[^>]*name="{name}"[^>]*class="([^"]*)"', render_crispy_form(form)).group(1).split()

    assert {"govuk-input", "govuk-input--width-10"} <= set(input_class(ReportDatesForm(), "report_received_on"))
    wrong = ReportDatesForm({"report_received_on": "31/02/2026"})
    assert {"govuk-input", "govuk-input--error"} <= set(input_class(wrong, "report_received_on"))
    assert "govuk-input--error" not in input_class(wrong, "report_to_committee_on")
