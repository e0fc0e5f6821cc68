"""{{ days|in_words }}: a number of days as "3 days", "5 months" or "14 years 11 months"."""

from django import template

from ..durations import duration_in_words

register = template.Library()


@register.filter
def in_words(days):
    return duration_in_words(days)
