"""Plans that give their areas only as text (Rotherham YOS 2012: "Ref No | Area requiring improvement | ...")
are numbered from the references ("1a", "1b" -> area 1) or in order of appearance, and the preview says so."""

from django.urls import reverse

from actionplan.importer import Options

from .import_helpers import HEREFORD, ROTHERHAM, command_new, csv_text, new_inspection, preview_of, preview_page, upload

HEADERS = [
    "Ref No",
    "AREA REQUIRING IMPROVEMENT (Recommendations)",
    "Action Required",
    "Planned Completion Date",
    "Lead Officer",
    "Lead agency",
]


def plan(references) -> bytes:
    texts = [ROTHERHAM.area, "", "", HEREFORD.area]  # the area is written once, on its first row
    actions = [text for _ref, text in ROTHERHAM.actions] + [HEREFORD.action]
    return csv_text(
        [HEADERS]
        + [
            [ref, area, action, "March 2013", ROTHERHAM.lead if n == 0 else "", "WCC"]
            for n, (ref, area, action) in enumerate(zip(references, texts, actions, strict=False))
        ]
    ).encode()


def test_areas_are_numbered_from_the_references(world):
    preview = preview_of(plan(["1a", "1b", "1c", "2a"]), new_inspection(*ROTHERHAM.inspection))
    assert preview.ok, [str(e) for e in preview.errors]
    assert preview.new_areas == [(1, ROTHERHAM.area), (2, HEREFORD.area)]
    assert [(o.reference, o.area_number) for o in preview.creates] == [("1a", 1), ("1b", 1), ("1c", 1), ("2a", 2)]
    assert "numbered from its actions' references (“1a” and “1b” are area 1)" in preview.assumed[0]


def test_areas_are_numbered_in_order_of_appearance_when_the_references_do_not_say(world):
    preview = preview_of(plan(["A", "B", "C", "D"]), new_inspection(*ROTHERHAM.inspection))
    assert preview.ok, [str(e) for e in preview.errors]
    assert preview.new_areas == [(1, ROTHERHAM.area), (2, HEREFORD.area)]
    assert (
        preview.assumed[0] == "The plan gives no area numbers: the areas are numbered in the order they appear, "
        "from 1 to 2."
    )


def test_an_area_this_inspection_has_keeps_its_number_and_new_ones_follow(world):
    # The world's area 1 has the Herefordshire wording: the file's second area is that one.
    preview = preview_of(plan(["A", "B", "C", "D"]), Options(inspection=world.inspection))
    assert preview.ok, [str(e) for e in preview.errors]
    assert preview.new_areas == [(4, ROTHERHAM.area)]
    assert {o.reference: o.area_number for o in preview.creates} == {"A": 4, "B": 4, "C": 4}
    # D's text is the world's action 1.1 in area 1: it is that action, renumbered, not a new one.
    assert [(m.action, m.new_reference) for m in preview.moved] == [(world.wcc_action, "D")]
    assert "keeps its number" in preview.assumed[0]


def test_the_pages_go_straight_to_the_preview_and_say_how_areas_were_numbered(client, world):
    client.force_login(world.ada)
    response = upload(client, plan(["1a", "1b", "1c", "2a"]), "plan.csv", new_inspection=ROTHERHAM.inspection)
    assert response.url == reverse("plan_import_preview")
    page = preview_page(client)
    assert "4</span> actions to create" in page and "numbered from its actions" in page


def test_the_command_numbers_the_areas_too(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(plan(["1a", "1b", "1c", "2a"]))
    out = command_new(path, "YOS SQS 2012", "Rotherham", "--yes")
    assert "4 created" in out and "read by a rule: The plan gives no area numbers" in out
