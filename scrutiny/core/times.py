"""Times as people type them: "18:30", "18.30", "1830", "6.30pm", "6:30 p.m.", "6pm", "noon"."""

import datetime
import re

from django import forms

_CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?:[:.h ]?(?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?\s*(?:m\.?)?$")
_WORDS = {"noon": datetime.time(12), "midday": datetime.time(12), "midnight": datetime.time(0)}


def parse_time(text: str) -> datetime.time | None:
    """The time meant, or None when the text is not a time. "6.30" without am or pm is 06:30, as a
    24-hour clock reads it; "12pm" is midday and "12am" midnight."""
    value = " ".join((text or "").strip().lower().split())
    if value in _WORDS:
        return _WORDS[value]
    match = _CLOCK.match(value)
    if not match:
        return None
    hour, minute, half = int(match["hour"]), int(match["minute"] or 0), match["half"]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    elif match["minute"] is None and len(match["hour"]) > 2:
        return None
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class TypedTimeField(forms.TimeField):
    """A time field that reads the ways people write a time, and shows it back as 18:30."""

    widget = forms.TimeInput(format="%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        parsed = parse_time(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed
