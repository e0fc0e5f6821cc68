import pytest

from scrutiny.people.models import Role

pytestmark = pytest.mark.django_db


def test_officers_edit_only_what_their_agency_leads(world):
    assert world.olivia.can_edit_action(world.wcc_action)
    assert not world.olivia.can_edit_action(world.arden_action)
    assert world.arjun.can_edit_action(world.arden_action)


def test_members_and_clerks_read_but_do_not_edit_actions(world):
    for user in (world.maya, world.clara):
        assert not user.can_edit_action(world.wcc_action)
        assert user.can_view_agency(world.arden)


def test_administrators_do_everything(world):
    assert world.ada.can_edit_action(world.arden_action)
    assert world.ada.can_write_review(world.other_review)
    assert Role.ADMIN.can_import


def test_only_the_reviews_own_members_and_clerk_write_into_it(world):
    assert world.maya.can_write_review(world.review)
    assert world.clara.can_write_review(world.review)
    assert not world.mark.can_write_review(world.review)
    assert world.mark.can_write_review(world.other_review)
    assert not world.olivia.can_write_review(world.review)


def test_only_clerks_and_administrators_run_meetings(world):
    assert world.clara.can_run_meetings_of(world.review)
    assert not world.maya.can_run_meetings_of(world.review)


def test_a_deactivated_user_can_do_nothing(world):
    world.olivia.is_active = False
    world.olivia.save()
    assert not world.olivia.can_edit_action(world.wcc_action)


def test_users_are_deactivated_never_deleted(world):
    with pytest.raises(PermissionError):
        world.olivia.delete()


def test_officers_see_only_their_own_agency(world):
    assert world.olivia.can_view_agency(world.wcc)
    assert not world.olivia.can_view_agency(world.arden)
