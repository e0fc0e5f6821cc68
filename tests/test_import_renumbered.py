"""Re-importing a plan in which a row was inserted and the numbering moved on: rows are matched to
their actions by text (the moved rows listed), never rewriting one action with another's text."""

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.models import Action
from actionplan.services.plan_import import apply_plan_import

from .import_helpers import HEREFORD, ROTHERHAM, command, csv_text, new_inspection

HEADERS = ["Area", "Area for improvement", "Ref No", "Action Required", "Lead agency", "Lead officer"]
(A, TEXT_A), (B, TEXT_B), (C, TEXT_C) = ROTHERHAM.actions


def plan(rows) -> bytes:
    return csv_text([HEADERS] + [["1", ROTHERHAM.area, ref, text, "WCC", lead] for ref, text, lead in rows]).encode()


FIRST = plan([(A, TEXT_A, ROTHERHAM.lead), (B, TEXT_B, ""), (C, TEXT_C, "")])
# The next version: an action inserted as 1b, and the old 1b and 1c renumbered 1c and 1d.
RENUMBERED = plan([(A, TEXT_A, ROTHERHAM.lead), ("1b", HEREFORD.action, ""), ("1c", TEXT_B, ""), ("1d", TEXT_C, "")])


def apply(world, data, inspection=None):
    table = read_table(data, "plan.csv")
    options = Options(inspection=inspection) if inspection else new_inspection(*ROTHERHAM.inspection)
    return apply_plan_import(
        actor=world.ada, table=table, mapping=auto_mapping(table), options=options, file_name="plan.csv"
    )


def test_a_renumbered_plan_is_matched_by_text_and_the_moved_rows_are_listed(world):
    inspection = apply(world, FIRST).inspection
    old_b = Action.objects.get(area__inspection=inspection, reference="1b")
    table = read_table(RENUMBERED, "plan.csv")
    preview = build_preview(table, auto_mapping(table), Options(inspection=inspection), "plan.csv")
    assert preview.ok, [str(e) for e in preview.errors]
    assert [(o.reference, o.description) for o in preview.creates] == [("1b", HEREFORD.action)]
    assert [(m.row, m.old_reference, m.new_reference) for m in preview.moved] == [(4, "1b", "1c"), (5, "1c", "1d")]
    assert str(preview.moved[0]).startswith("Row 4: action 1b is now numbered 1c; matched by its text, “Weekly")
    assert [[(c.label, c.old, c.new) for c in o.changes] for o in preview.updates] == [
        [("Action reference", "1b", "1c")],
        [("Action reference", "1c", "1d")],
    ]
    assert any("matched by text rather than by reference" in note for note in preview.assumed)

    apply(world, RENUMBERED, inspection)
    old_b.refresh_from_db()
    assert (old_b.reference, old_b.description) == ("1c", TEXT_B)  # its history and evidence stay with its text
    assert Action.objects.filter(area__inspection=inspection).count() == 4


def test_a_reference_whose_text_changes_beyond_recognition_is_warned_of(world, tmp_path):
    inspection = apply(world, FIRST).inspection
    rewritten = plan([(A, TEXT_A, ROTHERHAM.lead), (B, HEREFORD.action, ""), (C, TEXT_C, "")])
    table = read_table(rewritten, "plan.csv")
    preview = build_preview(table, auto_mapping(table), Options(inspection=inspection), "plan.csv")
    assert [str(w) for w in preview.warnings] == [
        "Row 3, “Action Required” (column D): Action 1b's text changes beyond recognition, from “Weekly information "
        "system reports to managers detailing ASSE…”: check that the row is the same action."
    ]
    path = tmp_path / "plan.csv"
    path.write_bytes(rewritten)
    out = command(str(path), "--user", "ada", "--inspection", str(inspection.pk), "--dry-run")
    assert "changes beyond recognition" in out


def test_the_command_lists_the_renumbered_actions(world, tmp_path):
    inspection = apply(world, FIRST).inspection
    path = tmp_path / "plan.csv"
    path.write_bytes(RENUMBERED)
    out = command(str(path), "--user", "ada", "--inspection", str(inspection.pk), "--yes")
    assert "renumbered: Row 4: action 1b is now numbered 1c" in out
    assert "1 created, 2 updated" in out
