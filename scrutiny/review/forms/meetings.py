"""Forms for running meetings. They validate; the services in scrutiny/services/meetings.py write."""

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Submit
from django import forms

from actionplan.models import Action, Area, Evidence, Theme
from scrutiny.core.formtools import (
    KeyedModelMultipleChoiceField,
    LaidOutForm,
    PlausibleDateField,
    date_input,
    gds_helper,
    long_text,
    named_in_message,
    optional_choice,
    short_text,
)
from scrutiny.core.times import TypedTimeField
from scrutiny.people.models import Agency, Person

from ..models import Attendance, Conclusion, Meeting, NoteItem, ReviewMembership
from ..services.meetings import REMOVE, has_taken_place, not_yet_held, statuses_open_to

DATE_HINT = "For example, 14/5/2012"
TIME_HINT = "For example 18:30, 18.30 or 6.30pm"


def _date_field(label, *, required=True, hint=DATE_HINT):
    what = named_in_message(label)
    return PlausibleDateField(
        label=label,
        required=required,
        help_text=hint,
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as a real date, {DATE_HINT.lower()}",
        },
    )


class MeetingForm(forms.ModelForm):
    date = _date_field("Date")
    start_time = TypedTimeField(
        label="Start time (optional)",
        required=False,
        help_text=TIME_HINT,
        error_messages={"invalid": "Enter the start time as a real time, for example 18:30 or 6.30pm"},
    )
    end_time = TypedTimeField(
        label="End time (optional)",
        required=False,
        help_text=TIME_HINT,
        error_messages={"invalid": "Enter the end time as a real time, for example 20:00 or 8pm"},
    )
    witnesses = KeyedModelMultipleChoiceField(
        label="Also invite (optional)",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "The councillors, the clerk and the contributors for the meeting’s theme are invited already. "
            "Tick others to invite them too; take anyone off, or add someone, on the attendance page."
        ),
    )

    class Meta:
        model = Meeting
        fields = [
            "number",
            "title",
            "date",
            "start_time",
            "end_time",
            "place",
            "purpose",
            "theme",
            "areas",
            "evidence_considered",
            "notes_reference",
        ]
        field_classes = {"areas": KeyedModelMultipleChoiceField, "evidence_considered": KeyedModelMultipleChoiceField}
        labels = {
            "number": "Meeting number (optional)",
            "place": "Place (optional)",
            "theme": "Theme (optional)",
            "areas": "Areas for improvement to consider (optional)",
            "evidence_considered": "Evidence to consider (optional)",
            "notes_reference": "Notes published as (optional)",
        }
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "evidence_considered": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter the meeting’s title, for example “Health”"},
            "purpose": {"required": "Enter the purpose of the meeting"},
        }

    def __init__(self, *args, review, scheduling=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["areas"].queryset = Area.objects.filter(inspection_id=review.inspection_id).order_by("number")
        self.fields["areas"].label_from_instance = lambda area: f"Area {area.number}: {area.text[:120]}"
        self.fields["evidence_considered"].queryset = Evidence.objects.filter(
            inspection_id=review.inspection_id
        ).order_by("title")
        self.fields["theme"].queryset = Theme.objects.all()
        self.fields["theme"].empty_label = "No theme"
        layout = [
            Field.text("number", field_width=4),
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            date_input("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("place", field_width=Fluid.TWO_THIRDS),
            Field.textarea("purpose"),
            Field.select("theme"),
            Field.checkboxes("areas", small=True),
            Field.checkboxes("evidence_considered", small=True),
        ]
        if scheduling:
            # Anyone but the councillors and the clerk, who are always invited: contributors beyond their themes, witnesses.
            always = [ReviewMembership.Role.CHAIR, ReviewMembership.Role.MEMBER, ReviewMembership.Role.CLERK]
            always_invited = ReviewMembership.objects.filter(review=review, role__in=always).values("person")
            known = Person.objects.exclude(pk__in=always_invited).order_by("name")
            self.fields["witnesses"].queryset = known
            self.fields["witnesses"].label_from_instance = lambda person: person.described
            if known.exists():
                layout.append(Field.checkboxes("witnesses", small=True))
            else:
                del self.fields["witnesses"]
        else:
            del self.fields["witnesses"]
        layout += [
            Field.text("notes_reference", field_width=10),
            Submit("submit", "Schedule the meeting" if scheduling else "Save changes"),
        ]
        self.helper = gds_helper(*layout)

    def clean_number(self):
        # The form leaves out the review, so Django would skip the (review, number) constraint: check it here.
        number = self.cleaned_data.get("number")
        if number is not None:
            others = Meeting.objects.filter(review=self.review, number=number).exclude(pk=self.instance.pk)
            if others.exists():
                raise forms.ValidationError(f"This review already has a meeting {number}. Choose another number.")
        return number

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The meeting must end after it starts")
        return cleaned


def _status_choices(meeting, keep=None) -> list[tuple[str, str]]:
    """Before the meeting, only what can be known then (what a row already says stays offered)."""
    open_to = statuses_open_to(meeting)
    return [(value, label) for value, label in Attendance.Status.choices if value in open_to or value == keep]


class AttendanceForm(forms.Form):
    """One set of radios per person on the list: present, apologies, absent or still only invited
    (before the meeting: invited or apologies)."""

    def __init__(self, *args, meeting, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        layout = []
        for row in self.rows:
            name = f"status_{row.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{row.person.described} ({row.get_capacity_display().lower()})",
                choices=[*_status_choices(meeting, keep=row.status), (REMOVE, "Take off the list")],
                initial=row.status,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose whether {row.person.name} attended",
                    "invalid_choice": f"{not_yet_held(meeting)}: choose invited or apologies for {row.person.name}",
                },
            )
            layout.append(Field.radios(name, inline=True, small=True))
        layout.append(Submit("submit", "Save attendance"))
        self.helper = gds_helper(*layout)

    def service_arguments(self) -> dict:
        return {"statuses": {row.pk: self.cleaned_data[f"status_{row.pk}"] for row in self.rows}}


class AddAttendeeForm(forms.Form):
    person = optional_choice(
        "Someone already known (optional)",
        Person.objects.none(),
        "Choose a person",
        help_text="Leave this and fill in the name below for someone new, such as a foster carer.",
        error_messages={
            "invalid_choice": "Choose someone from the list: people already on this meeting’s list are left out"
        },
    )
    name = short_text("Or a new person’s name", max_length=200)
    job_title = short_text("Their job title or capacity (optional)", max_length=200, help_text="For example, “Carer”")
    organisation = short_text(
        "Their organisation (optional)", max_length=200, help_text="For example, “Warwickshire Fostering Service”"
    )
    capacity = forms.ChoiceField(
        label="Attending as",
        choices=Attendance.Capacity.choices,
        initial=Attendance.Capacity.WITNESS,
        error_messages={"required": "Choose what they attend as"},
    )
    status = forms.ChoiceField(
        label="Attendance",
        choices=Attendance.Status.choices,
        initial=Attendance.Status.PRESENT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they attended"},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        status = self.fields["status"]
        status.choices = _status_choices(meeting)
        if not has_taken_place(meeting):
            status.initial = Attendance.Status.INVITED
            status.error_messages["invalid_choice"] = f"{not_yet_held(meeting)}: choose invited or apologies"
        self.fields["person"].queryset = Person.objects.exclude(attendance__meeting=meeting).order_by("name")
        self.fields["person"].label_from_instance = lambda person: person.described
        self.helper = gds_helper(
            Field.select("person"),
            Fieldset(
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                Field.text("job_title", field_width=Fluid.TWO_THIRDS),
                Field.text("organisation", field_width=Fluid.TWO_THIRDS),
                legend="Someone new",
            ),
            Field.select("capacity"),
            Field.radios("status", inline=True, small=True),
            Submit("submit", "Add to the list"),
        )

    def clean(self):
        cleaned = super().clean()
        person, name = cleaned.get("person"), (cleaned.get("name") or "").strip()
        if person and name:
            self.add_error("name", "Choose a known person or enter a new name, not both")
        elif not person and not name:
            self.add_error("name", "Enter the person’s name, or choose someone already known")
        return cleaned

    def service_arguments(self) -> dict:
        """Someone known, or the new person to add to the people the council knows."""
        data = self.cleaned_data
        new_person = None if data.get("person") else {key: data[key] for key in ("name", "job_title", "organisation")}
        return {
            "capacity": data["capacity"],
            "status": data["status"],
            "person": data.get("person"),
            "new_person": new_person,
        }


class NoteItemForm(forms.ModelForm):
    class Meta:
        model = NoteItem
        fields = ["position", "heading", "area", "body", "source_silent"]
        labels = {
            "area": "Area for improvement (optional)",
            "position": "Item number",
            "source_silent": "This item only says what the source does not record",
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"body": "What the group heard and discussed. Leave a blank line between paragraphs."}
        error_messages = {
            "heading": {"required": "Enter a heading for this item, for example “Area 3: case-file audits”"},
            "position": {"required": "Enter the item number", "invalid": "Enter the item number as a whole number"},
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.filter(inspection_id=meeting.review.inspection_id).order_by("number")
        self.fields["area"].queryset = areas
        self.fields["area"].empty_label = "Not about one area"
        self.fields["area"].label_from_instance = lambda area: f"Area {area.number}: {area.text[:90]}"
        self.helper = gds_helper(
            Field.text("position", field_width=4),
            Field.text("heading", field_width=Fluid.TWO_THIRDS),
            Field.select("area"),
            Field.textarea("body"),
            Field.checkbox("source_silent"),
            Submit("submit", "Save the item"),
        )


class MeetingConclusionForm(forms.Form):
    subject = forms.ChoiceField(
        label="About", error_messages={"required": "Choose the action or area the conclusion is about"}
    )
    judgement = forms.ChoiceField(
        label="The group’s judgement",
        choices=Conclusion.Judgement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the group’s judgement"},
    )
    reasoning = long_text("Reasoning", rows=4, missing="Give the group’s reasoning")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        inspection_id = meeting.review.inspection_id
        # The meeting's own areas first: they are what it considered.
        considered = set(meeting.areas.values_list("pk", flat=True))
        areas = sorted(
            Area.objects.filter(inspection_id=inspection_id), key=lambda a: (a.pk not in considered, a.number)
        )
        actions = Action.objects.filter(area__inspection_id=inspection_id).select_related("area", "lead_agency")
        self.areas = {f"area-{a.pk}": a for a in areas}
        self.actions = {f"action-{a.pk}": a for a in actions}
        self.fields["subject"].choices = [("", "Choose an area or action")] + [
            ("Whole areas", [(key, f"Area {a.number} (the whole area)") for key, a in self.areas.items()]),
            (
                "Actions",
                [
                    (
                        key,
                        f"Action {a.reference or a.pk}, area {a.area.number}, {a.lead_agency.short_name}: {a.description[:70]}",
                    )
                    for key, a in self.actions.items()
                ],
            ),
        ]
        self.helper = gds_helper(
            Field.select("subject"),
            Field.radios("judgement", small=True),
            Field.textarea("reasoning"),
            Submit("submit", "Record the conclusion"),
        )

    def service_arguments(self) -> dict:
        key = self.cleaned_data["subject"]
        return {
            "area": self.areas.get(key),
            "action": self.actions.get(key),
            "judgement": self.cleaned_data["judgement"],
            "reasoning": self.cleaned_data["reasoning"],
        }


class MeetingRequestForm(forms.Form):
    question = long_text("What the group asks for", rows=4, missing="Enter what the group asks for")
    asked_of_agency = optional_choice("Asked of agency", Agency.objects.all(), "Choose an agency")
    asked_of_person = optional_choice("Or asked of a person", Person.objects.all(), "Choose a person")
    area = optional_choice("Area for improvement (optional)", Area.objects.none(), "Not about one area")
    due_by = _date_field("Answer needed by (optional)", required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["area"].queryset = Area.objects.filter(inspection_id=meeting.review.inspection_id).order_by(
            "number"
        )
        self.fields["asked_of_person"].label_from_instance = lambda person: person.described
        self.helper = gds_helper(
            Field.textarea("question"),
            Field.select("asked_of_agency"),
            Field.select("asked_of_person"),
            Field.select("area"),
            date_input("due_by"),
            Submit("submit", "Record the request"),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("asked_of_agency") and not cleaned.get("asked_of_person"):
            self.add_error("asked_of_agency", "Choose the agency or the person the request is for")
        due = cleaned.get("due_by")
        if due and due < self.meeting.date:
            self.add_error("due_by", "The answer cannot be due before the meeting that asked for it")
        return cleaned


class AgreeNotesForm(LaidOutForm):
    agreed_on = _date_field("Date the notes were agreed")
    layout = (date_input("agreed_on"), Submit("submit", "Agree the notes"))


class ReopenNotesForm(LaidOutForm):
    reason = long_text(
        "Why are the notes being reopened?",
        rows=3,
        missing="Say why the agreed notes are being reopened",
        max_length=1000,
        help_text="This is kept in the meeting’s history.",
    )
    layout = (Field.textarea("reason"), Submit("submit", "Reopen the notes", css_class="govuk-button--warning"))
