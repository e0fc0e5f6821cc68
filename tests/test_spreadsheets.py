"""Spreadsheets a reader can filter, sort and print: opened with openpyxl."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from .factories import conclude

pytestmark = pytest.mark.django_db


@pytest.fixture
def conclusions_sheet(client, world):
    world.last_meeting.date, world.last_meeting.start_time = datetime.date(2012, 5, 8), datetime.time(18, 30)
    world.last_meeting.save()
    conclude(world, "satisfied", action=world.wcc_action, reasoning="-2 cases on average since March")
    client.force_login(world.maya)
    content = client.get(reverse("conclusions_export", args=[world.review.pk, "xlsx"])).content
    return load_workbook(io.BytesIO(content))


def test_the_conclusions_sheet_has_a_filter_print_titles_and_a_print_area(conclusions_sheet):
    sheet = conclusions_sheet.active
    last = sheet.max_row
    assert sheet.auto_filter.ref == f"A1:H{last}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_area == f"'Conclusions'!$A$1:$H${last}"
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_the_meeting_where_a_conclusion_was_reached_gives_a_real_date(conclusions_sheet):
    sheet = conclusions_sheet.active
    headers = [cell.value for cell in sheet[1]]
    assert headers[6:] == ["Reached at", "Reached on"]
    row = next(r for r in sheet.iter_rows(min_row=2) if str(r[1].value).startswith("1.1:"))
    assert row[6].value == "Safeguarding"
    assert row[7].is_date and row[7].value == datetime.datetime(2012, 5, 8) and row[7].number_format == "DD/MM/YYYY"
    # Text that starts like a formula shows as typed, and stays text.
    assert row[5].value == "-2 cases on average since March" and row[5].data_type == "s" and row[5].quotePrefix


def test_meeting_dates_and_times_are_real_dates_and_times(client, world, conclusions_sheet):
    client.force_login(world.maya)
    content = client.get(reverse("meetings_export", args=[world.review.pk, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(content)).active
    first = list(sheet[2])
    assert first[1].value == "Safeguarding"
    assert first[2].is_date and first[2].value == datetime.datetime(2012, 5, 8)
    assert first[3].value == datetime.time(18, 30) and first[3].number_format == "HH:MM"
    assert sheet.auto_filter.ref.startswith("A1:L")


def test_the_csv_keeps_its_apostrophe_as_it_has_no_other_way_to_say_text(client, world, conclusions_sheet):
    client.force_login(world.maya)
    text = client.get(reverse("conclusions_export", args=[world.review.pk, "csv"])).content.decode("utf-8-sig")
    assert "'-2 cases on average since March" in text and ",08/05/2012" in text
