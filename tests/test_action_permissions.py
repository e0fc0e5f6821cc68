"""Every URL of the officers' journey, for every role, by GET and POST: who gets in, who gets a
404 (another agency's action) or a 403 (a role that only reads), and that refused POSTs change nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.models import Action, Evidence, ProgressUpdate
from actionplan.services.evidence import add_evidence
from actionplan.uploads import PDF

from .form_helpers import action_update_form

pytestmark = pytest.mark.django_db

ROLES = ["olivia", "arjun", "maya", "clara", "ada"]
READ = dict.fromkeys(ROLES, 200)
EDIT = {"olivia": 200, "arjun": 404, "maya": 403, "clara": 403, "ada": 200}
EDIT_POST = {"olivia": 302, "arjun": 404, "maya": 403, "clara": 403, "ada": 302}
GET_ONLY_POST = dict.fromkeys(ROLES, 405)


@pytest.fixture
def evidence(world):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")
    return add_evidence(
        actor=world.ada, action=world.wcc_action, title="Report", kind="document", upload=upload, upload_kind=PDF
    )


def post_data(world, name, evidence):
    action = Action.objects.get(pk=world.wcc_action.pk)
    if name == "action_update":
        return action_update_form(action, status="in_progress", rag="red", note="Matrix update.")
    if name == "evidence_add":
        return {
            "title": "Matrix evidence",
            "kind": "verbal",
            "status": "received",
            "description": "Said so.",
            "provided_by_agency": world.wcc.pk,
        }
    if name == "evidence_edit":
        return {"status": "received", "description": "Matrix change."}
    return {}


# (url name, argument, expected GET, expected POST)
MATRIX = [
    ("my_actions", None, READ, GET_ONLY_POST),
    ("action_detail", "action", READ, GET_ONLY_POST),
    ("area_detail", "area", READ, GET_ONLY_POST),
    ("evidence_download", "evidence", READ, GET_ONLY_POST),
    ("action_update", "action", EDIT, EDIT_POST),
    ("evidence_add", "action", EDIT, EDIT_POST),
    ("evidence_edit", "evidence", EDIT, EDIT_POST),
]


def url_for(world, evidence, name, argument):
    args = {"action": [world.wcc_action.pk], "area": [world.area1.pk], "evidence": [evidence.pk], None: []}[argument]
    return reverse(name, args=args)


def footprint(world):
    """What a refused request must leave untouched."""
    action = Action.objects.get(pk=world.wcc_action.pk)
    return (
        action.version,
        action.rag,
        ProgressUpdate.objects.count(),
        Evidence.objects.count(),
        list(Evidence.objects.values_list("description", flat=True)),
    )


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name, argument, expected_get, expected_post", MATRIX, ids=[m[0] for m in MATRIX])
def test_role_by_url(client, world, evidence, who, name, argument, expected_get, expected_post):
    client.force_login(getattr(world, who))
    url = url_for(world, evidence, name, argument)
    assert client.get(url).status_code == expected_get[who]
    before = footprint(world)
    response = client.post(url, post_data(world, name, evidence))
    assert response.status_code == expected_post[who]
    if response.status_code != 302:
        assert footprint(world) == before
    else:
        assert footprint(world) != before


@pytest.mark.parametrize("name, argument, expected_get, expected_post", MATRIX, ids=[m[0] for m in MATRIX])
def test_signed_out_visitors_are_sent_to_sign_in(client, world, evidence, name, argument, expected_get, expected_post):
    url = url_for(world, evidence, name, argument)
    for response in (client.get(url), client.post(url, post_data(world, name, evidence))):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_deactivated_officer_cannot_edit(client, world):
    world.olivia.is_active = False
    world.olivia.save()
    client.force_login(world.olivia)
    url = reverse("action_update", args=[world.wcc_action.pk])
    for response in (client.get(url), client.post(url, post_data(world, "action_update", None))):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Action.objects.get(pk=world.wcc_action.pk).rag == world.wcc_action.rag


def test_the_other_agencys_action_page_has_no_edit_links(client, world):
    client.force_login(world.arjun)
    page = client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()
    assert reverse("action_update", args=[world.wcc_action.pk]) not in page
    assert reverse("evidence_add", args=[world.wcc_action.pk]) not in page
    assert "only its officers can update it" in page
    own = client.get(reverse("action_detail", args=[world.arden_action.pk])).content.decode()
    assert reverse("action_update", args=[world.arden_action.pk]) in own


@pytest.mark.parametrize("who", ["maya", "clara"])
def test_members_and_clerks_see_no_edit_links(client, world, who):
    client.force_login(getattr(world, who))
    page = client.get(reverse("action_detail", args=[world.wcc_action.pk])).content.decode()
    assert reverse("action_update", args=[world.wcc_action.pk]) not in page


def test_a_missing_action_is_a_404(client, world):
    client.force_login(world.ada)
    assert client.get(reverse("action_detail", args=[99999])).status_code == 404
    assert client.get(reverse("action_update", args=[99999])).status_code == 404
