"""The update form: status, RAG, note, completion, target date moves, and two people at once."""

import datetime
import re
import threading
import time

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, ProgressUpdate, TargetDateChange
from actionplan.services.actions import ActionConflict, update_action
from tests.factories import record_update
from tests.form_helpers import action_update_form, date_parts

pytestmark = pytest.mark.django_db


def post_update(client, action, **overrides):
    return client.post(reverse("action_update", args=[action.pk]), action_update_form(action, **overrides))


def fresh(action):
    return Action.objects.get(pk=action.pk)


def test_the_form_shows_the_current_state_and_the_version(client, world):
    client.force_login(world.olivia)
    response = client.get(reverse("action_update", args=[world.wcc_action.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'name="version" value="{world.wcc_action.version}"' in page
    assert "Short update" in page and "Why the target date is moving" in page


def test_setting_the_status_with_an_update_saves_it_with_history(client, world):
    action = world.wcc_action
    action.status = Action.Status.NOT_STARTED
    action.save()
    client.force_login(world.olivia)
    response = post_update(client, fresh(action), status="in_progress", rag="amber", note="Caseload review started.")
    assert response.status_code == 302
    saved = fresh(action)
    assert (saved.status, saved.rag) == ("in_progress", "amber")
    update = saved.progress_updates.get()
    assert update.note == "Caseload review started." and update.author == world.olivia
    last = saved.history.order_by("-history_date").first()
    assert last.history_user == world.olivia and last.status == "in_progress"
    page = client.get(reverse("action_detail", args=[action.pk])).content.decode()
    assert "Caseload review started." in page and "has been saved" in page


def test_a_status_change_without_an_update_is_refused_and_changes_nothing(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    response = post_update(client, before, status="completed", note="  ")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write a short update saying what changed" in page
    assert "govuk-error-summary" in page and "<title>Error:" in page
    after = fresh(world.wcc_action)
    assert (after.status, after.version) == (before.status, before.version)
    assert not ProgressUpdate.objects.exists()


def test_an_empty_submission_says_there_is_nothing_to_save(client, world):
    client.force_login(world.olivia)
    response = post_update(client, world.wcc_action)
    assert "Nothing to save" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_a_note_alone_is_a_progress_update_and_leaves_the_fields(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    post_update(client, before, note="Met the team leaders.")
    after = fresh(world.wcc_action)
    assert after.version == before.version
    assert after.progress_updates.get().note == "Met the team leaders."


def test_moving_the_target_date_without_a_reason_is_refused(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    new_date = before.target_date + datetime.timedelta(days=45)
    response = post_update(client, before, **date_parts("new_target_date", new_date))
    assert "Say why the target date is moving" in response.content.decode()
    assert fresh(world.wcc_action).target_date == before.target_date
    assert not TargetDateChange.objects.exists()


def test_moving_the_target_date_with_a_reason_keeps_the_old_date(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    new_date = before.target_date + datetime.timedelta(days=45)
    post_update(
        client, before, target_date_reason="Waiting for the new case system.", **date_parts("new_target_date", new_date)
    )
    after = fresh(world.wcc_action)
    assert after.target_date == new_date
    change = TargetDateChange.objects.get()
    assert (change.old_date, change.new_date, change.changed_by, change.days_moved) == (
        before.target_date,
        new_date,
        world.olivia,
        45,
    )
    assert "Waiting for the new case system." in after.progress_updates.get().note
    page = client.get(reverse("action_detail", args=[after.pk])).content.decode()
    assert "Earlier target dates" in page and "45 days later in all" in page


@pytest.mark.parametrize(
    "day, month, year", [("31", "2", "2026"), ("x", "3", "2026"), ("1", "13", "2026"), ("1", "3", "26")]
)
def test_a_nonsense_date_is_refused_with_a_clear_message(client, world, day, month, year):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    response = post_update(
        client,
        before,
        target_date_reason="Because.",
        new_target_date_0=day,
        new_target_date_1=month,
        new_target_date_2=year,
    )
    assert response.status_code == 200
    assert "The new target date must be a real date" in response.content.decode()
    assert fresh(world.wcc_action).target_date == before.target_date


def test_completing_defaults_the_completion_date_and_reopening_clears_it(client, world):
    client.force_login(world.olivia)
    form = client.get(reverse("action_update", args=[world.wcc_action.pk])).content.decode()
    today = timezone.localdate()
    assert f'name="completed_on_2" value="{today.year}"' in form  # offered, prefilled with today
    post_update(client, fresh(world.wcc_action), status="completed", rag="blue", note="All done.")
    done = fresh(world.wcc_action)
    assert (done.status, done.completed_on) == ("completed", today)
    post_update(client, done, status="in_progress", rag="amber", note="Reopened: caseloads rose again.")
    reopened = fresh(world.wcc_action)
    assert (reopened.status, reopened.completed_on) == ("in_progress", None)


def test_completing_without_a_date_or_with_a_future_date_is_refused(client, world):
    client.force_login(world.olivia)
    action = fresh(world.wcc_action)
    response = post_update(client, action, status="completed", note="Done.", **date_parts("completed_on", None))
    assert "Enter the date the action was completed" in response.content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = post_update(client, action, status="completed", note="Done.", **date_parts("completed_on", tomorrow))
    assert "must be today or in the past" in response.content.decode()
    assert fresh(world.wcc_action).status == "in_progress"


# Two people, one action -------------------------------------------------------------------------


def test_two_stale_submissions_never_overwrite_and_show_what_the_other_changed(client, world):
    started = fresh(world.wcc_action)
    client.force_login(world.ada)
    assert (
        post_update(client, started, status="in_progress", rag="red", note="Ada: caseloads are high.").status_code
        == 302
    )
    client.force_login(world.olivia)
    response = post_update(client, started, status="in_progress", rag="green", note="Olivia: all fine.")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this action" in page
    # Old -> new from the history, a blank choice by its label.
    assert re.search(r"RAG rating</th>\s*<td[^>]*>Not rated</td>\s*<td[^>]*>Red</td>", page)
    assert "Ada: caseloads are high." in page
    # The second stale submission is refused the same way.
    response = post_update(client, started, status="not_started", rag="", note="Olivia again.")
    assert response.status_code == 409
    now = fresh(world.wcc_action)
    assert (now.rag, now.status) == ("red", "in_progress")
    assert list(now.progress_updates.values_list("note", flat=True)) == ["Ada: caseloads are high."]


def conflict_choice(client, action, started, resolution, seen_version, **overrides):
    data = action_update_form(started, **overrides)
    data.update({"resolution": resolution, "seen_version": seen_version})
    return client.post(reverse("action_update", args=[action.pk]), data)


def resolve_a_conflict(client, world, resolution, note):
    """Olivia starts an update; Ada saves one first (rated red); on the conflict page Olivia chooses
    `resolution` for her own (rated green). Returns the version she saw there, and the action after."""
    started = fresh(world.wcc_action)
    record_update(world.ada, started, status="in_progress", rag="red", note="Ada's update.")
    client.force_login(world.olivia)
    seen = fresh(world.wcc_action).version
    response = conflict_choice(client, started, started, resolution, seen, rag="green", note=note)
    assert response.status_code == 302
    return seen, fresh(world.wcc_action)


def test_reapplying_my_update_on_top_saves_it_after_theirs(client, world):
    _seen, now = resolve_a_conflict(client, world, "reapply", "Olivia's update.")
    assert now.rag == "green"
    assert set(now.progress_updates.values_list("note", flat=True)) == {"Ada's update.", "Olivia's update."}
    assert now.history.filter(history_user=world.olivia).exists()


def test_keeping_only_my_note_changes_no_field(client, world):
    seen, now = resolve_a_conflict(client, world, "note_only", "Olivia's note.")
    assert (now.rag, now.version) == ("red", seen)
    mine = now.progress_updates.get(author=world.olivia)
    assert (mine.note, mine.rag) == ("Olivia's note.", "red")


def test_cancelling_saves_nothing(client, world):
    seen, now = resolve_a_conflict(client, world, "cancel", "Olivia's note.")
    assert (now.rag, now.version, now.progress_updates.count()) == ("red", seen, 1)


def test_a_conflict_page_that_goes_stale_asks_again(client, world):
    started = fresh(world.wcc_action)
    record_update(world.ada, started, status="in_progress", rag="red", note="First.")
    seen = fresh(world.wcc_action)
    record_update(world.ada, seen, status="in_progress", rag="amber", note="Second.")
    client.force_login(world.olivia)
    response = conflict_choice(client, started, started, "reapply", seen.version, rag="green", note="Mine.")
    assert response.status_code == 409
    assert fresh(world.wcc_action).rag == "amber"


def test_a_conflict_without_a_choice_asks_for_one(client, world):
    started = fresh(world.wcc_action)
    record_update(world.ada, started, status="in_progress", rag="red", note="Ada.")
    client.force_login(world.olivia)
    response = conflict_choice(client, started, started, "", fresh(world.wcc_action).version, rag="green", note="Mine.")
    assert response.status_code == 409
    assert "Choose what to do with your update" in response.content.decode()


def test_the_service_refuses_a_stale_version(world):
    action = fresh(world.wcc_action)
    with pytest.raises(ActionConflict):
        update_action(
            actor=world.olivia,
            action=action,
            expected_version=action.version - 1 or 99,
            status="completed",
            rag="blue",
            note="Done.",
        )
    assert fresh(world.wcc_action).status == "in_progress"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_row_lock_makes_a_concurrent_save_wait_then_conflict(world):
    action = fresh(world.wcc_action)
    outcome = {}

    def second_person():
        try:
            update_action(  # the version read before the first person saved: a conflict, once the lock is let go
                actor=world.ada,
                action=action,
                expected_version=action.version,
                status="in_progress",
                rag="green",
                note="Second person.",
            )
            outcome["result"] = "saved"
        except ActionConflict:
            outcome["result"] = "conflict"
        finally:
            connection.close()

    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        thread = threading.Thread(target=second_person)
        thread.start()
        time.sleep(1.0)
        assert thread.is_alive(), "the second save should wait for the row lock"
        locked.rag = "red"
        locked.save()
    thread.join(timeout=10)
    assert outcome == {"result": "conflict"}
    assert fresh(world.wcc_action).rag == "red"
