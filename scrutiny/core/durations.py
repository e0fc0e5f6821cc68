"""Lengths of time in the words people use: days for short spans, months and years for long ones
("14 years 11 months", not "5447 days")."""

DAYS_PER_MONTH = 365.25 / 12
# Below this, counting days is still meaningful to a reader; above it, months are.
DAYS_SHOWN_UP_TO = 59


def _counted(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def duration_in_words(days: int | None) -> str:
    """The span of `days` (its sign is the caller's to say: "later", "earlier")."""
    if days is None:
        return ""
    days = abs(int(days))
    if days <= DAYS_SHOWN_UP_TO:
        return _counted(days, "day")
    months = round(days / DAYS_PER_MONTH)
    if months < 12:
        return _counted(months, "month")
    years, months = divmod(months, 12)
    return _counted(years, "year") + (f" {_counted(months, 'month')}" if months else "")
