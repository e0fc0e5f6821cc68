"""The demo administrator imports a new inspection's plan from an Excel file and sees its areas and actions."""

import datetime

import pytest
from openpyxl import Workbook

from actionplan.models import Action, Inspection
from scrutiny.people.models import User
from scrutiny.review.demo import load_demo

from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "scrutiny-demo-2012"
# The first action of the plans imported here: reference, area number and text, action, lead agency.
ACTION_1A = ["1a", 1, "Timeliness of initial assessments", "Raise ASSET completion to 98%", "WCC"]


def write_plan(path, rows, headers=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Youth offending improvement plan, July 2013"])
    sheet.append(
        headers
        or [
            "Ref No",
            "Area",
            "Area for improvement",
            "Action",
            "Lead",
            "Lead officer",
            "By when",
            "Measure of success",
            "Status",
            "RAG",
        ]
    )
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def admin(db):
    load_demo()
    return User.objects.get(username="admin")


def test_the_administrator_imports_a_new_inspections_plan(page, admin, tmp_path):
    plan = write_plan(
        tmp_path / "yos-plan.xlsx",
        [
            [
                *ACTION_1A,
                "Operations Manager",
                datetime.datetime(2013, 3, 31),
                "98% within 20 working days",
                "Complete",
                "B",
            ],
            [
                "1b",
                None,
                None,
                "Weekly reports to managers on ASSET due dates",
                "WCC",
                "",
                "January 2013 / March 2013",
                "",
                "In progress",
                "A",
            ],
            [
                "2a",
                2,
                "Health assessments for young people",
                "Audit health assessments",
                "Arden Cluster",
                "Designated Nurse",
                "Q3 2012/13",
                "",
                "Not started",
                "R",
            ],
        ],
    )
    sign_in(page, admin, password=DEMO_PASSWORD)
    page.get_by_role("link", name="Import", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Import an action plan"
    assert_accessible(page)
    screenshot(page, "import-upload")

    page.get_by_label("Spreadsheet of the action plan").set_input_files(str(plan))
    page.get_by_label("Inspection the plan answers").select_option(label="A new inspection (give its title below)")
    page.get_by_label("Title of the new inspection").fill("Short quality screening of youth offending work")
    page.get_by_label("Body inspected").fill("Warwickshire Youth Justice Service")
    page.get_by_role("button", name="Upload and preview").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Check the import"
    assert "3 actions to create" in page.locator(".numbers-at-a-glance").inner_text().replace("\n", " ")
    assert "Area 1: Timeliness of initial assessments" in page.locator(".new-areas").inner_text()
    creates = page.locator(".import-creates").inner_text()
    assert "Audit health assessments" in creates and "31 December 2012" in creates
    assert "latest, 31 March 2013" in page.locator(".import-warnings").inner_text()
    assert_accessible(page)
    screenshot(page, "import-preview")

    page.get_by_role("button", name="Import these changes").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Short quality screening of youth offending work"
    assert "3 actions created" in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("link", name="Area 2").is_visible()
    assert page.get_by_role("link", name="Weekly reports to managers on ASSET due dates").is_visible()
    assert_accessible(page)
    screenshot(page, "import-done")

    inspection = Inspection.objects.get(title="Short quality screening of youth offending work")
    assert Action.objects.for_inspection(inspection).count() == 3
    record = Action.objects.get(reference="2a").history.get()
    assert (record.history_user, record.history_change_reason) == (admin, "Imported from yos-plan.xlsx")

    page.get_by_role("link", name="Weekly reports to managers on ASSET due dates").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Action 1b (area 1)"
    assert "Weekly reports to managers on ASSET due dates" in page.locator("main").inner_text()


def test_unknown_headers_and_bad_cells_are_explained_on_accessible_pages(page, admin, tmp_path):
    plan = write_plan(
        tmp_path / "odd.xlsx",
        [[1, "Audit caseloads", "Ministry of Magic", "31/02/2013"]],
        headers=["Item", "What we do", "Agency", "Timescale"],
    )
    sign_in(page, admin, password=DEMO_PASSWORD)
    page.goto("/import/")
    page.get_by_role("button", name="Upload and preview").click()
    assert "Choose the spreadsheet to import" in page.locator(".govuk-error-summary").inner_text()
    assert_error_page(page)
    assert_accessible(page)

    page.get_by_label("Spreadsheet of the action plan").set_input_files(str(plan))
    page.get_by_label("Inspection the plan answers").select_option(label=Inspection.objects.first().title)
    page.get_by_role("button", name="Upload and preview").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Which column is which?"
    assert_accessible(page)
    screenshot(page, "import-mapping")
    page.get_by_label("Column “Item” (column A)").select_option(label="Area number")
    page.get_by_label("Column “What we do” (column B)").select_option(label="Action")
    page.get_by_role("button", name="Use these columns").click()

    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Row 3, “Timescale” (column D): “31/02/2013” is not a real date" in summary
    # An agency the service does not know yet is proposed for creation, not refused.
    assert "Ministry of Magic (short name MM, Other)" in page.locator(".import-new-agencies").inner_text()
    assert page.get_by_role("button", name="Import these changes").count() == 0
    assert_accessible(page)
    screenshot(page, "import-preview-errors")


def test_the_import_button_can_be_pressed_once(page, admin, tmp_path):
    plan = write_plan(
        tmp_path / "plan.xlsx",
        [[*ACTION_1A, "", "March 2013", "", "", ""]],
    )
    sign_in(page, admin, password=DEMO_PASSWORD)
    page.goto("/import/")
    page.get_by_label("Spreadsheet of the action plan").set_input_files(str(plan))
    page.get_by_label("Inspection the plan answers").select_option(label="A new inspection (give its title below)")
    page.get_by_label("Title of the new inspection").fill("Pressed once")
    page.get_by_label("Body inspected").fill("Warwickshire Youth Justice Service")
    page.get_by_role("button", name="Upload and preview").click()

    button = page.get_by_role("button", name="Import these changes")
    # Keep the page here (the form's own handler runs first and marks the form sent), then press.
    page.evaluate(
        "document.querySelector('form[data-submit-once]').addEventListener('submit', (event) => event.preventDefault())"
    )
    button.click()
    assert button.is_disabled()
    assert button.get_attribute("aria-disabled") == "true"
    assert Inspection.objects.filter(title="Pressed once").count() == 0
