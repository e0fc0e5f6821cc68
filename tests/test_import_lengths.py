"""Over-long values are problems in the preview, by row and column, never a database error at the
confirmation. Run on PostgreSQL too, which refuses an over-long value where SQLite keeps it."""

import pytest
from django.urls import reverse

from actionplan.importer import auto_mapping, build_preview, read_table
from actionplan.services.plan_import import ImportRefused, apply_plan_import

from .import_helpers import HEREFORD, OFSTED_HEADERS, command_new, counts, csv_text, new_inspection, upload

HEADERS = [*OFSTED_HEADERS, "By When", "Monitoring and Evaluation"]
LONG_REFERENCE = "17. (57, 138) Caseloads for CiN and LAC"  # 39 characters: a reference holds 30
LONG_LEAD = f"{HEREFORD.lead}; {HEREFORD.measure}"  # 251 characters: a role holds 200


def over_long_plan() -> bytes:
    return csv_text(
        [
            HEADERS,
            ["17", HEREFORD.area, LONG_REFERENCE, HEREFORD.action, "WCC", HEREFORD.lead, "Ongoing", HEREFORD.measure],
            ["17", HEREFORD.area, "2", HEREFORD.action + ".", "WCC", LONG_LEAD, "Ongoing", HEREFORD.measure],
        ]
    ).encode()


def test_over_long_values_are_problems_in_the_preview_with_row_and_column(world):
    table = read_table(over_long_plan(), "plan.csv")
    preview = build_preview(table, auto_mapping(table), new_inspection(), "plan.csv")
    assert [str(e) for e in preview.errors] == [
        "Row 2, “No.” (column C): “17. (57, 138) Caseloads for CiN and LAC” is 39 characters long: "
        "this field holds at most 30. Shorten it",
        "Row 3, “Lead officer” (column F): “Assistant Director, Safeguarding and Family Support; Weekly …” is "
        f"{len(LONG_LEAD)} characters long: this field holds at most 200. Shorten it",
    ]


def test_the_confirmation_of_over_long_values_is_refused_and_changes_nothing(world):
    table = read_table(over_long_plan(), "plan.csv")
    before = counts()
    with pytest.raises(ImportRefused, match="The file has errors"):
        apply_plan_import(
            actor=world.ada, table=table, mapping=auto_mapping(table), options=new_inspection(), file_name="plan.csv"
        )
    assert counts() == before


def test_the_pages_show_the_lengths_and_a_forced_confirmation_is_no_500(client, world):
    client.force_login(world.ada)
    upload(client, over_long_plan(), "plan.csv", new_inspection=HEREFORD.inspection)
    page = client.get(reverse("plan_import_preview")).content.decode()
    assert "2 problems" in page
    assert "this field holds at most 200" in page and "column F" in page
    assert "Import these changes" not in page
    before = counts()
    response = client.post(reverse("plan_import_confirm"), {"digest": "forced"})
    assert response.status_code == 302
    assert counts() == before


def test_the_command_reports_lengths_and_refuses_an_over_long_title(world, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "plan.csv"
    path.write_bytes(over_long_plan())
    with pytest.raises(CommandError, match="2 problem"):
        command_new(path, "Herefordshire SIF 2014", "Herefordshire", "--yes")
    with pytest.raises(CommandError, match="--new-inspection is 310 characters long: at most 300"):
        command_new(path, "x" * 310, "Herefordshire", "--yes")
    assert counts()[0] == 1  # the world's inspection only
