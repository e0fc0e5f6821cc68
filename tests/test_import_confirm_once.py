"""One preview is imported once: a second confirmation (a double press, a second tab, or two at the same
moment on PostgreSQL) creates nothing more and is told the file was already imported."""

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from actionplan.import_records import PlanImport
from actionplan.models import Action, Inspection
from actionplan.services.plan_import import AlreadyImported

from .import_helpers import HEREFORD, OFSTED_HEADERS, apply, csv_text, new_inspection, preview_page, upload

PLAN = csv_text(
    [
        [*OFSTED_HEADERS, "By When"],
        ["17", HEREFORD.area, "1", HEREFORD.action, "WCC", HEREFORD.lead, "Ongoing"],
    ]
).encode()


def test_the_same_upload_applied_twice_creates_one_inspection(world):
    first = apply(PLAN, "plan.csv", new_inspection(), world.ada, token="a" * 32)
    with pytest.raises(AlreadyImported) as already:
        apply(PLAN, "plan.csv", new_inspection(), world.ada, token="a" * 32)
    assert already.value.record.inspection == first.inspection
    assert Inspection.objects.filter(title="Herefordshire SIF 2014").count() == 1
    record = PlanImport.objects.get(token="a" * 32)
    assert (record.imported_by, record.created_count, record.file_name) == (world.ada, 1, "plan.csv")
    assert {h.history_user for h in record.history.all()} == {world.ada}


def confirm_form(page: str) -> dict:
    return {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in ("digest", "upload")}


def test_pressing_confirm_twice_imports_once_and_the_second_press_is_told(client, world):
    client.force_login(world.ada)
    upload(client, PLAN, "plan.csv", new_inspection=HEREFORD.inspection)
    page = preview_page(client)
    assert "data-submit-once" in page and "js/submit-once" in page
    form = confirm_form(page)
    first = client.post(reverse("plan_import_confirm"), form)
    second = client.post(reverse("plan_import_confirm"), form, follow=True)
    assert first.url == reverse("plan_import_done")
    assert Inspection.objects.filter(title="Herefordshire SIF 2014").count() == 1
    assert Action.objects.filter(area__inspection__title="Herefordshire SIF 2014").count() == 1
    done = second.content.decode()
    assert "plan.csv was already imported" in done and "nothing more was changed" in done
    assert "Herefordshire SIF 2014" in done


def test_a_confirmation_naming_an_upload_never_imported_starts_again(client, world):
    client.force_login(world.ada)
    response = client.post(reverse("plan_import_confirm"), {"digest": "x", "upload": "b" * 32})
    assert response.url == reverse("plan_import")


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_the_same_moment_create_one_inspection(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the race exists on PostgreSQL")
    start = threading.Barrier(2)
    outcomes = []

    def confirm():
        from django.db import connection as own

        try:
            start.wait()
            apply(PLAN, "plan.csv", new_inspection(), world.ada, token="c" * 32)
            outcomes.append("imported")
        except AlreadyImported:
            outcomes.append("already")
        finally:
            own.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "imported"]
    assert Inspection.objects.filter(title="Herefordshire SIF 2014").count() == 1
