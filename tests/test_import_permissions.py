"""Who may import and export: every URL of the journey, every role, GET and POST.

Only administrators import (others get 403, whatever the method); members, clerks and
administrators export any plan; officers export their own agency's plan and get 404 for another's.
"""

import pytest
from django.urls import reverse

from actionplan.models import Action, Inspection

ROLES = ["anonymous", "olivia", "arjun", "maya", "clara", "ada"]
IMPORT_URLS = ["plan_import", "plan_import_mapping", "plan_import_preview", "plan_import_confirm", "plan_import_done"]

# What an administrator with nothing uploaded yet gets: the form, or a redirect back to it.
ADMIN_IMPORT = {
    ("plan_import", "get"): 200,
    ("plan_import", "post"): 200,
    ("plan_import_mapping", "get"): 302,
    ("plan_import_mapping", "post"): 302,
    ("plan_import_preview", "get"): 302,
    ("plan_import_preview", "post"): 405,
    ("plan_import_confirm", "get"): 302,
    ("plan_import_confirm", "post"): 302,
    ("plan_import_done", "get"): 302,
    ("plan_import_done", "post"): 405,
}


def login(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


def call(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", IMPORT_URLS)
@pytest.mark.parametrize("who", ROLES)
def test_only_administrators_import(client, world, who, name, method):
    login(client, world, who)
    before = (Inspection.objects.count(), Action.objects.count())
    response = call(client, method, reverse(name))
    if who == "anonymous":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif who == "ada":
        assert response.status_code == ADMIN_IMPORT[(name, method)]
        if response.status_code == 302:
            # Confirming needs a POST: a GET goes back to the preview, which sends on to the upload.
            start = "plan_import_preview" if (name, method) == ("plan_import_confirm", "get") else "plan_import"
            assert response.url == reverse(start)
    else:
        assert response.status_code == 403
    assert (Inspection.objects.count(), Action.objects.count()) == before


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", ROLES)
def test_everyone_signed_in_may_download_the_blank_template(client, world, who, method):
    login(client, world, who)
    response = call(client, method, reverse("plan_template", args=["xlsx"]))
    if who == "anonymous":
        assert response.status_code == 302
    elif method == "post":
        assert response.status_code == 405
    else:
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")


EXPORT_GET = {
    # who: (whole inspection, WCC's plan asked for by name)
    "olivia": (200, 200),
    "arjun": (200, 404),
    "maya": (200, 200),
    "clara": (200, 200),
    "ada": (200, 200),
}


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("scope", ["inspection", "wcc"])
@pytest.mark.parametrize("who", ROLES)
def test_export_by_role(client, world, who, scope, method):
    login(client, world, who)
    url = reverse("plan_export", args=[world.inspection.pk, "csv"])
    if scope == "wcc":
        url += f"?agency={world.wcc.pk}"
    response = call(client, method, url)
    if who == "anonymous":
        assert response.status_code == 302
    elif method == "post":
        assert response.status_code == 405
    else:
        expected = EXPORT_GET[who][0 if scope == "inspection" else 1]
        assert response.status_code == expected
        if expected == 200:
            text = response.content.decode("utf-8-sig")
            officer_agency = getattr(world, who).agency if who in ("olivia", "arjun") else None
            shown = {world.wcc_action.description in text, world.arden_action.description in text}
            if officer_agency is not None or scope == "wcc":
                # One plan only: an officer never sees another agency's actions.
                assert shown == {True, False}
                assert (world.arden_action.description in text) == (who == "arjun")
            else:
                assert shown == {True}


def test_an_unknown_inspection_or_agency_is_not_found(client, world):
    client.force_login(world.maya)
    assert client.get(reverse("plan_export", args=[999999, "csv"])).status_code == 404
    url = reverse("plan_export", args=[world.inspection.pk, "csv"])
    assert client.get(f"{url}?agency=999999").status_code == 404
    assert client.get(f"{url}?agency=abc").status_code == 404
