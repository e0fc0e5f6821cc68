"""The runtime guard (tests/history_guard.py, installed for every test by tests/conftest.py) fails
every way of writing an audited record without its history, and lets the legitimate ones pass."""

import contextlib

import pytest
from django.db import connection, transaction
from django.db.models.signals import post_save
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from actionplan.models import Action, Area, Theme
from actionplan.services.actions import update_action
from scrutiny.people.models import User
from scrutiny.review.models import Meeting

from .history_guard import HistoryNotWritten

pytestmark = pytest.mark.django_db


def caught():
    """The guard's failure at the end of an atomic block, as at the end of any service call."""
    stack = contextlib.ExitStack()
    stack.enter_context(pytest.raises(HistoryNotWritten))
    stack.enter_context(transaction.atomic())
    return stack


@contextlib.contextmanager
def history_signal_disconnected(model):
    receiver = next(
        r
        for key, r, *_ in post_save.receivers
        if key[1] == id(model) and isinstance(getattr(r, "__self__", None), HistoricalRecords)
    )
    post_save.disconnect(receiver, sender=model)
    try:
        yield
    finally:
        post_save.connect(receiver, sender=model, weak=False)


def test_raw_sql_update_fails_the_guard(world):
    with caught(), connection.cursor() as cursor:
        cursor.execute("UPDATE actionplan_action SET rag = 'red' WHERE id = %s", [world.wcc_action.pk])


def test_raw_sql_insert_and_delete_fail_the_guard(world):
    with caught(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO actionplan_theme (name, description, position) VALUES ('Raw', '', 9)")
    unused = Theme.objects.create(name="Unused")
    with caught(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM actionplan_theme WHERE id = %s", [unused.pk])


def test_queryset_update_fails_the_guard(world):
    with caught():
        Action.objects.filter(pk=world.wcc_action.pk).update(status="completed_monitoring", completed_on="2012-12-06")


def test_a_queryset_held_in_a_variable_or_reached_by_a_reverse_manager_fails_it_too(world):
    actions = Action.objects.all()
    with caught():
        actions.update(rag="amber")
    with caught():
        world.area1.actions.update(rag="green")


def test_bulk_create_and_bulk_update_fail_the_guard(world):
    with caught():
        Theme.objects.bulk_create([Theme(name="Bulk one"), Theme(name="Bulk two")])
    action = world.wcc_action
    action.rag = "red"
    with caught():
        Action.objects.bulk_update([action], ["rag"])


def test_history_for_some_rows_does_not_excuse_the_others(world):
    with caught():
        Theme.objects.bulk_create([Theme(name="Bulk one"), Theme(name="Bulk two"), Theme(name="Bulk three")])
        Theme.objects.create(name="Saved properly")


def test_a_sign_in_column_does_not_hide_a_role_changed_beside_it(olivia):
    with caught():
        User.objects.filter(pk=olivia.pk).update(last_login="2012-12-06T10:00:00Z", role="admin")


def test_save_without_historical_record_fails_the_guard(world):
    action = world.wcc_action
    action.rag = "red"
    with caught():
        action.save_without_historical_record()


def test_a_disconnected_history_signal_fails_the_guard(world):
    action = world.wcc_action
    action.rag = "red"
    with history_signal_disconnected(Action), caught():
        action.save()


def test_a_many_to_many_row_written_round_history_fails_the_guard(world):
    through = Meeting.areas.through
    with caught():
        through.objects.bulk_create([through(meeting=world.last_meeting, area=world.area2)])


def test_rewriting_history_fails_the_guard(world):
    with caught():
        Action.history.filter(id=world.wcc_action.pk).update(history_change_reason="tidied")
    with caught():
        Action.history.filter(id=world.wcc_action.pk).delete()


def test_a_write_outside_any_atomic_block_is_caught_when_the_test_ends(world, history_guard):
    Area.objects.filter(pk=world.area1.pk).update(text="Changed round history")
    with pytest.raises(HistoryNotWritten, match="areas|area"):
        history_guard.check()


def test_a_rolled_back_bypass_is_forgiven_because_nothing_was_kept(world):
    with transaction.atomic():
        savepoint = transaction.savepoint()
        Action.objects.filter(pk=world.wcc_action.pk).update(rag="red")
        transaction.savepoint_rollback(savepoint)
    assert Action.objects.get(pk=world.wcc_action.pk).rag == ""


# What writes history passes.


def test_saves_deletes_and_many_to_many_changes_pass(world, olivia):
    with transaction.atomic():
        theme = Theme.objects.create(name="Transitions")
        theme.name = "Transitions to adulthood"
        theme.save()
        world.last_meeting.areas.set([world.area1, world.area2])
        world.last_meeting.areas.clear()
        world.wcc_action.other_areas.add(world.area3)
        theme.delete()
    with transaction.atomic():
        update_action(
            actor=olivia,
            action=world.wcc_action,
            expected_version=world.wcc_action.version,
            status="in_progress",
            rag="amber",
            note="Caseloads steady.",
        )


def test_the_bulk_history_helpers_pass(world, ada):
    with transaction.atomic():
        themes = bulk_create_with_history(
            [Theme(name="One"), Theme(name="Two"), Theme(name="Three")], Theme, default_user=ada
        )
    for theme in Theme.objects.filter(name__in=["One", "Two", "Three"]):
        theme.position = 7
        themes.append(theme)
    with transaction.atomic():
        bulk_update_with_history(themes[3:], Theme, ["position"], default_user=ada)


def test_signing_in_passes_because_last_login_is_not_history(client, olivia):
    from .factories import PASSWORD

    with transaction.atomic():
        assert client.login(username="olivia", password=PASSWORD)
    assert User.objects.get(pk=olivia.pk).last_login is not None
