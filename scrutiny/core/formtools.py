"""Shared form plumbing: every form renders through crispy-forms' GOV.UK pack the same way."""

import copy

from crispy_forms.layout import BaseInput
from crispy_forms.layout import Field as CrispyField
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.html import conditional_escape, format_html

from .submissions import SUBMISSION_FIELD

# Inputs the GOV.UK pack does not style itself (it knows text, e-mail and password inputs only).
TEXT_LIKE_WIDGETS = (forms.NumberInput, forms.DateInput, forms.TimeInput, forms.DateTimeInput, forms.URLInput)


class EscapingFormHelper(FormHelper):
    """Renders every form the GOV.UK way, safely.

    The GOV.UK pack prints labels, legends and hints with `|safe`. Labels built from stored or
    uploaded text (a person's name, a spreadsheet's column header) must not become markup, so
    they are escaped here; text deliberately marked safe is left as it is. Number, date and time
    inputs get GOV.UK's input style (and its error style), and numbers are typed as text with a
    numeric keyboard, as the Design System advises."""

    def render_layout(self, form, context, template_pack=TEMPLATE_PACK):
        for name, field in form.fields.items():
            if field.label:
                field.label = conditional_escape(field.label)
            if field.help_text:
                field.help_text = conditional_escape(field.help_text)
            widget = field.widget
            if isinstance(widget, TEXT_LIKE_WIDGETS):
                classes = widget.attrs.get("class", "").split()
                wanted = ["govuk-input"] + (["govuk-input--error"] if form.is_bound and name in form.errors else [])
                widget.attrs["class"] = " ".join(wanted + [c for c in classes if c not in wanted])
            if isinstance(widget, forms.NumberInput):
                widget.input_type = "text"
                widget.attrs.setdefault("inputmode", "numeric")
        self._keep_input_style(self.layout, form)
        html = super().render_layout(form, context, template_pack)
        token = getattr(form, "submission_token", None)  # set by submit_form: the same form is saved once
        if token:
            html += format_html('<input type="hidden" name="{}" value="{}">', SUBMISSION_FIELD, token)
        return html

    def _keep_input_style(self, layout, form):
        """A layout field with its own class (Field.text(name, field_width=10)) replaces the widget's class
        when rendered: carry the GOV.UK input style into that class, or a date input is drawn unstyled."""
        for item in getattr(layout, "fields", []):
            if not isinstance(item, (Field, CrispyField)):
                self._keep_input_style(item, form)
                continue
            classes = item.attrs.get("class", "").split()
            for name in item.fields:
                field = form.fields.get(name) if isinstance(name, str) else None
                if classes and field is not None and isinstance(field.widget, TEXT_LIKE_WIDGETS):
                    wanted = field.widget.attrs["class"].split()
                    rest = [c for c in classes if c not in ("govuk-input", "govuk-input--error")]
                    item.attrs["class"] = " ".join(wanted + [c for c in rest if c not in wanted])


def gds_helper(*layout, label_size=Size.SMALL, legend_size=Size.SMALL) -> FormHelper:
    """A helper for a form whose <form> tag, CSRF token and error summary the template writes.

    The layout is required: crispy-forms renders through `render_layout` (where labels are
    escaped) only when the helper has one."""
    if not layout:
        raise TypeError("gds_helper() needs the form's layout: its fields, in order.")
    helper = EscapingFormHelper()
    helper.form_tag = False
    # The template writes the token for a POST; crispy's own would also land in a GET form's address.
    helper.disable_csrf = True
    helper.label_size = label_size
    helper.legend_size = legend_size
    helper.layout = Layout(*layout)
    for button in _buttons(helper.layout):
        # GOV.UK Frontend's Button ignores a second press within a second; submit-once.js then disables it.
        for name, value in (("data-module", "govuk-button"), ("data-prevent-double-click", "true")):
            if name not in button.flat_attrs:
                button.flat_attrs += f' {name}="{value}"'
    return helper


def _buttons(layout_object):
    for item in getattr(layout_object, "fields", []):
        if isinstance(item, BaseInput):
            yield item
        else:
            yield from _buttons(item)


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def check_plausible_year(value) -> None:
    """A date far outside the work's span is a typing slip (31/12/9999), and breaks date arithmetic."""
    if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise forms.ValidationError(f"Enter a date between {EARLIEST_YEAR} and {LATEST_YEAR}")


class PlausibleDateField(forms.DateField):
    default_validators = [check_plausible_year]


def long_text(label, *, rows: int, missing: str = "", **options) -> forms.CharField:
    """Text typed over several lines. `missing` says in plain words what to enter when it is left empty;
    a field without it may be left empty."""
    widget = forms.Textarea(attrs={"rows": rows})
    messages = {"required": missing} if missing else {}
    return forms.CharField(label=label, widget=widget, required=bool(missing), error_messages=messages, **options)


def short_text(label, *, max_length: int, missing: str = "", **options) -> forms.CharField:
    """Text on one line, at most `max_length` characters; like `long_text`, required when it says what is missing."""
    messages = {"required": missing} if missing else {}
    return forms.CharField(
        label=label, max_length=max_length, required=bool(missing), error_messages=messages, **options
    )


def optional_choice(label, queryset, empty_label: str, **options) -> forms.ModelChoiceField:
    """One record from `queryset`, or none: `empty_label` is how the list says none."""
    return forms.ModelChoiceField(label=label, queryset=queryset, required=False, empty_label=empty_label, **options)


def date_input(name: str) -> Field:
    """A date typed as 14/05/2012: ten characters wide."""
    return Field.text(name, field_width=10)


class LaidOutForm(forms.Form):
    """A form laid out the same way for everyone: `layout`, its fields and its button in order."""

    layout: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A copy for each form: rendering writes the input style into the layout's fields.
        self.helper = gds_helper(*copy.deepcopy(self.layout))


# Typed as the hint shows it (14/05/2012): a browser's own date picker would show another format.
DATE_WIDGET = forms.DateInput(attrs={"autocomplete": "off", "spellcheck": "false"}, format="%d/%m/%Y")


def named_in_message(label) -> str:
    """How an error message names a field after its label, without what the label adds for the reader:
    "Answer needed by (optional)" -> "answer needed by", "Date of the committee's notice, if later" -> "date of
    the committee's notice"."""
    return str(label).split(", ")[0].split(" (")[0].strip().lower()


def date_field(label, *, required=False, help_text="For example, 14/05/2012") -> forms.DateField:
    # "Date of the committee's notice, if later" -> "Enter the date of the committee's notice as a real date".
    what = named_in_message(label)
    if "date" in what and not what.startswith("the "):
        what = f"the {what}"
    return PlausibleDateField(
        label=label,
        required=required,
        widget=DATE_WIDGET,
        help_text=help_text,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"],
        error_messages={
            "invalid": f"Enter {what} as a real date, for example 14/05/2012",
            "required": f"Enter {what}",
        },
    )


class ConfirmForm(forms.Form):
    """Nothing to fill in: the (warning) button is the confirmation."""

    def __init__(self, *args, button: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Submit("submit", button, css_class="govuk-button--warning"))


def is_usable_key(model, value) -> bool:
    """Whether a posted value could be the model's primary key at all: a 30-digit number or 'abc'
    cannot, and looking it up would crash the database driver rather than find nothing."""
    key_field = model._meta.pk
    try:
        key_field.run_validators(key_field.to_python(value))  # the database's integer range included
    except (forms.ValidationError, TypeError, ValueError, OverflowError):
        return False
    return True


class KeyedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ticked boxes whose posted values are refused as an invalid choice, not a 500, when they cannot be keys."""

    def _check_values(self, value):
        for pk in value:
            if self.to_field_name is None and not is_usable_key(self.queryset.model, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": str(pk)[:50]}
                )
        return super()._check_values(value)
