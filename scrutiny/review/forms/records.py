"""Forms for the group's records: conclusions, information requests, recommendations, the review."""

from pathlib import Path

from crispy_forms_gds.layout import Field, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from actionplan.models import Action, Area, Evidence
from actionplan.uploads import ACCEPT_ATTRIBUTE, ACCEPTED_TEXT, max_upload_text, validate_evidence_file
from scrutiny.core.formtools import (
    KeyedModelMultipleChoiceField,
    LaidOutForm,
    date_field,
    date_input,
    gds_helper,
    long_text,
    optional_choice,
    short_text,
)
from scrutiny.core.querystring import id_or_none, id_param
from scrutiny.people.models import Agency, Person

from ..models import Conclusion, Recommendation, Review
from ..services.recommendations import RESPONSE_FIELDS, response_errors
from .meeting_defaults import latest_held_meeting


def subject_initial(request, review, *, default_meeting=latest_held_meeting) -> dict:
    """Initial values for a record about an action (?action=) or an area (?area=), at the usual meeting."""
    initial = {"meeting": default_meeting(review)}
    for kind in ("action", "area"):
        if id_param(request, kind) is not None:
            initial["subject"] = f"{kind}-{id_param(request, kind)}"
    return initial


def meeting_field(review, *, label, none_label="", help_text="", only_held=False) -> forms.ModelChoiceField:
    """A meeting of the review, or none: `none_label` names the choice of no meeting, where there is one.
    `only_held`: the record needs a meeting that has taken place, so those to come are marked."""
    field = forms.ModelChoiceField(
        label=label,
        queryset=review.meetings.order_by("date", "id"),
        required=bool(not none_label),
        empty_label=none_label or "Choose a meeting",
        help_text=help_text,
        error_messages={"required": "Choose the meeting", "invalid_choice": "Choose a meeting of this review"},
    )
    today = timezone.localdate()

    def label_from_instance(meeting) -> str:
        # What the service would refuse, said before the member chooses.
        if meeting.notes_locked:
            return f"{meeting} (notes agreed and locked)"
        if only_held and meeting.date > today:
            return f"{meeting} (not yet held)"
        return str(meeting)

    field.label_from_instance = label_from_instance
    return field


def subject_choices(review) -> list:
    """Areas and actions of the review's inspection, grouped by area: one query for each."""
    areas = list(Area.objects.filter(inspection_id=review.inspection_id).order_by("number"))
    actions: dict = {}
    for action in Action.objects.filter(area__inspection_id=review.inspection_id).order_by(
        "area__number", "reference", "id"
    ):
        actions.setdefault(action.area_id, []).append(action)
    choices = [("", "Choose an area or action")]
    for area in areas:
        options = [(f"area-{area.pk}", f"Area {area.number} as a whole")]
        for action in actions.get(area.pk, []):
            label = f"Action {action.reference or action.pk}: {action.description}"
            options.append((f"action-{action.pk}", label if len(label) <= 90 else label[:89] + "…"))
        choices.append((f"Area {area.number}", options))
    return choices


def parse_subject(value, review):
    """'action-12' or 'area-3' -> (action, area), both fetched within the review's inspection."""
    kind, _, pk = (value or "").partition("-")
    pk = id_or_none(pk)
    if pk is None:
        return None, None
    if kind == "action":
        action = Action.objects.select_related("area").filter(area__inspection_id=review.inspection_id, pk=pk).first()
        return action, None
    if kind == "area":
        return None, Area.objects.filter(inspection_id=review.inspection_id, pk=pk).first()
    return None, None


class SubjectServiceMixin:
    """A form about one area or one action of the inspection, chosen in its `subject` field."""

    def service_arguments(self) -> dict:
        """The service's arguments: the area and the action the subject names, the other fields as they are."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "subject"}
        return {**data, "action": self.action, "area": self.area}


class ConclusionForm(SubjectServiceMixin, forms.Form):
    subject = forms.ChoiceField(
        label="What the conclusion is about",
        error_messages={"required": "Choose the area or action"},
    )
    judgement = forms.ChoiceField(
        label="The group's judgement",
        choices=Conclusion.Judgement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the group's judgement"},
    )
    reasoning = long_text(
        "The group's reasoning",
        rows=5,
        missing="Enter the group's reasoning",
        help_text="What the group heard or saw that led to this judgement, as the report will put it.",
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["subject"].choices = subject_choices(review)
        self.fields["meeting"] = meeting_field(
            review,
            label="Meeting where the group reached it",
            none_label="Not reached at a meeting",
            help_text="A conclusion not reached at a meeting is dated today. Meetings not yet held, and those "
            "whose notes are agreed and locked, take no conclusions.",
            only_held=True,
        )
        self.order_fields(["subject", "meeting", "judgement", "reasoning"])
        self.helper = gds_helper(
            Field.select("subject"),
            Field.select("meeting"),
            Field.radios("judgement"),
            Field.textarea("reasoning"),
            Submit("submit", "Record the conclusion"),
        )

    def clean_subject(self):
        action, area = parse_subject(self.cleaned_data["subject"], self.review)
        if action is None and area is None:
            raise ValidationError("Choose an area or action of this inspection")
        self.action, self.area = action, area
        return self.cleaned_data["subject"]


class InformationRequestForm(SubjectServiceMixin, forms.Form):
    question = long_text("What is asked", rows=4, missing="Enter what the group is asking for")
    asked_of_agency = optional_choice("Agency asked", Agency.objects.order_by("name"), "No agency")
    asked_of_person = optional_choice(
        "Person asked",
        Person.objects.order_by("name"),
        "No one in particular",
        help_text="Choose an agency, a person or both.",
    )
    subject = forms.ChoiceField(label="About (optional)", required=False)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["meeting"] = meeting_field(review, label="Raised at", none_label="Not raised at a meeting")
        self.fields["due_by"] = date_field("Answer needed by")
        choices = subject_choices(review)
        choices[0] = ("", "Nothing in particular")
        self.fields["subject"].choices = choices
        self.order_fields(["meeting", "asked_of_agency", "asked_of_person", "subject", "question", "due_by"])
        self.helper = gds_helper(
            Field.select("meeting"),
            Field.select("asked_of_agency"),
            Field.select("asked_of_person"),
            Field.select("subject"),
            Field.textarea("question"),
            date_input("due_by"),
            Submit("submit", "Raise the request"),
        )

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("asked_of_agency")
            and not cleaned.get("asked_of_person")
            and "asked_of_agency" not in self.errors
        ):
            self.add_error("asked_of_agency", "Choose the agency or the person the request is for")
        self.action, self.area = parse_subject(cleaned.get("subject"), self.review)
        meeting, due_by = cleaned.get("meeting"), cleaned.get("due_by")
        raised_on = meeting.date if meeting else timezone.localdate()
        if due_by and due_by < raised_on:
            self.add_error("due_by", f"The answer cannot be due before the request was raised ({raised_on:%-d %B %Y})")
        return cleaned


class AnswerForm(forms.Form):
    answer = long_text("Answer", rows=6, missing="Enter the answer")
    file = forms.FileField(
        label="Upload evidence (optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be read: choose it again",
        },
        help_text=f"For example the email that answers the request, saved as an .eml file. {ACCEPTED_TEXT}, up to {max_upload_text()}.",
    )
    evidence_title = short_text("Title of the uploaded evidence", max_length=300)
    evidence_kind = forms.ChoiceField(
        label="Kind of evidence uploaded", choices=Evidence.Kind.choices, initial=Evidence.Kind.EMAIL
    )
    existing_evidence = KeyedModelMultipleChoiceField(
        label="Or link evidence already held",
        queryset=Evidence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, evidence_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing_evidence"].queryset = evidence_queryset
        layout = [Field.textarea("answer"), Field("file"), Field.text("evidence_title"), Field.select("evidence_kind")]
        if evidence_queryset.exists():
            layout.append(Field.checkboxes("existing_evidence", small=True))
        else:
            del self.fields["existing_evidence"]
        self.helper = gds_helper(*layout, Submit("submit", "Send the answer"))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        self.upload_kind = validate_evidence_file(upload) if upload else None
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") and not (cleaned.get("evidence_title") or "").strip():
            cleaned["evidence_title"] = Path(cleaned["file"].name).stem.replace("_", " ")[:300]
        return cleaned

    def service_arguments(self) -> dict:
        """The answer, and the evidence with it: a file uploaded (of the kind it was checked to be), evidence linked."""
        data = self.cleaned_data
        return {
            "answer": data["answer"],
            "upload": data.get("file"),
            "upload_kind": self.upload_kind,
            "evidence_title": data.get("evidence_title", ""),
            "evidence_kind": data["evidence_kind"],
            "existing_evidence": data.get("existing_evidence") or (),
        }


class CloseRequestForm(LaidOutForm):
    note = long_text(
        "Note on closing (optional)",
        rows=3,
        help_text="Needed when the request was never answered: say why it is closed.",
    )
    layout = (Field.textarea("note"), Submit("submit", "Close the request"))


# The executive's response has its own page (the clerk's, with accepted / not accepted and the lead): this
# form keeps to the committee's decision and the implementation, so no two pages record the response.
DECISION_FIELDS = tuple(name for name in RESPONSE_FIELDS if not name.startswith("executive_response"))


class RecommendationDecisionForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = DECISION_FIELDS  # what the service writes, less the executive's response
        widgets = {
            "addressee_kind": forms.RadioSelect,
            "committee_decision": forms.RadioSelect,
            "implementation": forms.RadioSelect,
            "committee_notes": forms.Textarea(attrs={"rows": 3}),
            "implementation_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("committee_decision_on", "closed_on"):
            self.fields[name] = date_field(str(self.fields[name].label).capitalize())
        self.fields["closed_on"].help_text = "Leave blank until the recommendation is closed. For example, 14/05/2012"
        kind = self.fields["addressee_kind"]
        kind.required = False  # pages and scripts that predate it do not send it: the kind stays as it was
        kind.help_text = "No response is expected to one addressed to the committee itself."
        self.helper = gds_helper(
            Field.radios("addressee_kind", small=True),
            Field.radios("committee_decision"),
            date_input("committee_decision_on"),
            Field.textarea("committee_notes"),
            Field.radios("implementation"),
            Field.textarea("implementation_notes"),
            date_input("closed_on"),
            Submit("submit", "Save the decision"),
        )

    def clean_addressee_kind(self):
        return self.cleaned_data.get("addressee_kind") or self.instance.addressee_kind

    def clean(self):
        cleaned = super().clean()
        # Checked against the response already recorded on its own page (a decision after it, say).
        current = {name: getattr(self.instance, name) for name in RESPONSE_FIELDS} | cleaned
        for name, message in response_errors(current).items():
            if name not in self.errors:
                self.add_error(name if name in self.fields else None, message)
        return cleaned

    def _post_clean(self):
        # The service validates and saves; the form only checks what was typed.
        pass


class RecommendationAddForm(LaidOutForm):
    kind = forms.ChoiceField(
        label="Kind",
        choices=Recommendation.Kind.choices,
        widget=forms.RadioSelect,
        initial=Recommendation.Kind.RECOMMENDATION,
        error_messages={"required": "Choose recommendation or observation"},
    )
    text = long_text("Text", rows=5, missing="Enter the text")
    addressed_to = short_text("Addressed to", max_length=200, missing="Enter who it is addressed to")
    layout = (Field.radios("kind"), Field.textarea("text"), Field.text("addressed_to"), Submit("submit", "Add"))


class ReviewStageForm(LaidOutForm):
    state = forms.ChoiceField(label="Stage", choices=Review.State.choices, widget=forms.RadioSelect)
    interim_report_on = date_field("Date of the interim report")
    final_report_on = date_field("Date of the final report")
    layout = (
        Field.radios("state"),
        date_input("interim_report_on"),
        date_input("final_report_on"),
        Submit("submit", "Save the stage"),
    )

    def clean(self):
        cleaned = super().clean()
        interim, final = cleaned.get("interim_report_on"), cleaned.get("final_report_on")
        if interim and final and final < interim:
            self.add_error("final_report_on", "The final report cannot come before the interim report")
        return cleaned


class ReopenReviewForm(LaidOutForm):
    state = forms.ChoiceField(
        label="Stage the review returns to",
        widget=forms.RadioSelect,
        choices=[(value, label) for value, label in Review.State.choices if value != Review.State.CLOSED],
        initial=Review.State.FINAL_REPORT,
    )
    reason = long_text(
        "Why is the review being reopened?",
        rows=3,
        missing="Say why the review is being reopened",
        max_length=2000,
        help_text="Kept in the review's history.",
    )
    layout = (Field.radios("state"), Field.textarea("reason"), Submit("submit", "Reopen the review"))


class AreaDecisionForm(LaidOutForm):
    pursued = forms.TypedChoiceField(
        label="Does the review pursue this area?",
        choices=[("yes", "Yes, pursue it"), ("no", "No, do not pursue it")],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        error_messages={"required": "Say whether the review pursues this area"},
    )
    reason = long_text(
        "Reason for not pursuing it", rows=3, help_text="Needed when the review does not pursue the area."
    )
    layout = (Field.radios("pursued"), Field.textarea("reason"), Submit("submit", "Save the decision"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pursued") is False and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Give the reason for not pursuing this area")
        return cleaned
