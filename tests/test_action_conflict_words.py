"""The conflict page says what each choice will do to the action, and says so when the action changed
again while the person was choosing, rather than showing the same page as if nothing happened."""

import pytest

from actionplan.services.actions import update_action
from tests.test_action_update import conflict_choice, fresh, post_update

pytestmark = pytest.mark.django_db


def ada_sets(action, **fields):
    current = fresh(action)
    actor = fields.pop("actor")
    update_action(actor=actor, action=current, expected_version=current.version, **fields)


def test_each_choice_says_what_it_will_do(client, world):
    started = fresh(world.wcc_action)
    ada_sets(started, actor=world.ada, status="in_progress", rag="red", note="Ada's update.")
    client.force_login(world.olivia)
    response = post_update(client, started, rag="green", note="Caseloads are down.")
    assert response.status_code == 409
    page = response.content.decode()
    assert "The action becomes In progress, RAG green, instead of their In progress, RAG red" in page
    assert "your written update is added." in page
    assert "The action stays In progress, RAG red, as they left it; your written update is added to it." in page
    assert "Nothing of yours is saved. The action stays In progress, RAG red" in page
    assert "was changed again" not in page


def test_a_choice_overtaken_by_another_change_says_so(client, world):
    started = fresh(world.wcc_action)
    ada_sets(started, actor=world.ada, status="in_progress", rag="red", note="First.")
    seen = fresh(world.wcc_action)
    ada_sets(seen, actor=world.ada, status="in_progress", rag="amber", note="Second.")
    client.force_login(world.olivia)
    response = conflict_choice(client, started, started, "reapply", seen.version, rag="green", note="Mine.")
    assert response.status_code == 409
    page = response.content.decode()
    assert "While you were choosing, the action was changed again. Nothing of yours was saved" in page
    assert "instead of their In progress, RAG amber" in page
    assert fresh(world.wcc_action).rag == "amber"
