"""Filling in forms as a browser sends them."""


def date_parts(prefix, value) -> dict:
    """A GOV.UK date input (day, month and year boxes) as posted: blank for None."""
    if value is None:
        return {f"{prefix}_0": "", f"{prefix}_1": "", f"{prefix}_2": ""}
    return {f"{prefix}_0": str(value.day), f"{prefix}_1": str(value.month), f"{prefix}_2": str(value.year)}
