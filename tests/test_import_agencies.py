"""Agencies as plans name them: a lead column naming a partner agency sets the lead agency; agencies
the file names that do not exist yet are proposed in the preview and created on confirmation (the
command line: --create-agencies), rather than a wall of errors."""

import re

import pytest
from django.core.management.base import CommandError
from django.urls import reverse

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.models import Action
from scrutiny.people.models import Agency

from .import_helpers import ROTHERHAM, command_new, counts, csv_text, preview_page, upload


def rotherham_plan(lead_header: str, leads: list[str]) -> bytes:
    """Rotherham's first actions of area 1, due March 2013, one for each of the `leads` in a column so headed."""
    actions = ROTHERHAM.actions[: len(leads)]
    rows = [["1", ROTHERHAM.area, *action, lead, "March 2013"] for action, lead in zip(actions, leads, strict=True)]
    return csv_text(
        [["Area", "Area for improvement", "Ref No", "Action Required", lead_header, "By when"], *rows]
    ).encode()


def lead_plan() -> bytes:
    return rotherham_plan(
        "Lead", ["Operations Managers (SF), (CD)", "the arden cluster", "Designated Nurse, Arden Cluster"]
    )


def test_a_lead_column_naming_a_partner_agency_sets_the_lead_agency_not_the_officers_role(world):
    table = read_table(lead_plan(), "plan.csv")
    preview = build_preview(
        table, auto_mapping(table), Options(inspection=world.inspection, plan_agency=world.wcc), "plan.csv"
    )
    assert preview.ok, [str(e) for e in preview.errors]
    rows = {o.reference: o.values for o in preview.creates}
    assert (rows["1a"].get("lead_agency", world.wcc), rows["1a"]["lead_officer_role"]) == (
        world.wcc,
        "Operations Managers (SF), (CD)",
    )
    assert (rows["1b"]["lead_agency"], rows["1b"]["lead_officer_role"]) == (world.arden, "")
    assert (rows["1c"]["lead_agency"], rows["1c"]["lead_officer_role"]) == (world.arden, "Designated Nurse")
    assert {o.row.plan_agency for o in preview.creates} == {world.wcc}  # still the council's plan
    assert any("names an agency we know, that agency is the action's lead agency" in n for n in preview.assumed)


def new_agency_plan() -> bytes:
    police = "South Yorkshire Police"
    return rotherham_plan("Lead agency", ["Rotherham Metropolitan Borough Council", police, police])


def test_the_pages_propose_new_agencies_and_create_them_on_confirmation(client, world):
    client.force_login(world.ada)
    upload(client, new_agency_plan(), "plan.csv", new_inspection=ROTHERHAM.inspection)
    page = preview_page(client)
    assert "New agencies" in page
    assert "Rotherham Metropolitan Borough Council (short name RMBC, Council)" in page
    assert "South Yorkshire Police (short name SYP, Police)" in page
    assert not Agency.objects.filter(short_name__in=["RMBC", "SYP"]).exists()  # nothing until confirmed
    form = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in ("digest", "upload")}
    response = client.post(reverse("plan_import_confirm"), form)
    assert response.url == reverse("plan_import_done")
    police = Agency.objects.get(name="South Yorkshire Police")
    assert (police.short_name, police.kind) == ("SYP", "police")
    assert police.history.get().history_user == world.ada
    actions = Action.objects.filter(area__inspection__title="YOS SQS 2012")
    assert sorted(a.lead_agency.short_name for a in actions) == ["RMBC", "SYP", "SYP"]
    assert {a.plan.agency.short_name for a in actions} == {"RMBC", "SYP"}


def test_the_command_refuses_unknown_agencies_with_a_hint_and_creates_them_with_the_flag(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(new_agency_plan())
    before = counts()
    with pytest.raises(CommandError, match="run again with --create-agencies"):
        command_new(path, "YOS SQS 2012", "Rotherham", "--yes")
    assert counts() == before
    out = command_new(path, "YOS SQS 2012", "Rotherham", "--yes", "--create-agencies")
    assert "new agency: South Yorkshire Police (short name SYP, Police)" in out and "3 created" in out
    assert Agency.objects.filter(name="Rotherham Metropolitan Borough Council", kind="council").exists()
