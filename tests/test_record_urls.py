"""record_url() writes ids into a pattern resolved once: it must give what reverse() gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from scrutiny.core.record_urls import record_url


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("action_detail", (1,)),
        ("action_detail", (987654320,)),  # the mark itself, as an id
        ("area_detail", (40,)),
        ("meeting_detail", (3, 12)),
        ("meeting_detail", (12, 3)),
        ("meeting_detail", (987654321, 987654320)),  # ids that look like the marks
        ("dashboard", (7,)),
    ],
)
def test_same_as_reverse(name, ids):
    assert record_url(name, *ids) == reverse(name, args=ids)


def test_behind_a_script_prefix_the_prefix_is_kept():
    set_script_prefix("/scrutiny/")
    try:
        assert record_url("action_detail", 5) == reverse("action_detail", args=[5]) == "/scrutiny/actions/5/"
    finally:
        set_script_prefix("/")


def test_arguments_that_are_not_ids_go_to_reverse():
    assert record_url("review_report", 2, "final", "pdf") == reverse("review_report", args=[2, "final", "pdf"])


def test_a_true_or_false_is_refused_as_reverse_refuses_it_not_written_as_an_id():
    with pytest.raises(NoReverseMatch):
        reverse("action_detail", args=[True])
    with pytest.raises(NoReverseMatch):
        record_url("action_detail", True)
