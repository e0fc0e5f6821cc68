"""The glossary explains the words where they appear: RAG, the statuses, requested and awaited, the bodies."""

import pytest
from django.urls import reverse

from actionplan.models import Action

pytestmark = pytest.mark.django_db


def test_the_glossary_explains_every_status_and_the_abbreviations(client, world):
    client.force_login(world.olivia)
    page = client.get(reverse("glossary")).content.decode()
    for label in Action.Status.labels:
        assert f">{label}</dt>" in page
    for word in ("RAG and BRAG rating", "LAC", "CQC", "WSCB", "UHCW", "Requested", "Awaited", "Observation"):
        assert f">{word}</dt>" in page
    assert 'id="rag"' in page and 'id="status"' in page and 'id="evidence"' in page


def test_it_needs_a_sign_in_and_is_linked_from_the_footer(client, world):
    assert client.get(reverse("glossary")).status_code == 302
    client.force_login(world.maya)
    page = client.get(reverse("my_actions")).content.decode()
    footer = page[page.index("govuk-footer") :]
    assert f'href="{reverse("glossary")}">What the words mean</a>' in footer


def test_the_lists_link_their_words_to_it(client, world):
    client.force_login(world.maya)
    glossary = reverse("glossary")
    pages = {
        "my_actions": reverse("my_actions"),
        "dashboard": reverse("dashboard", args=[world.review.pk]),
        "dashboard_actions": reverse("dashboard_actions", args=[world.review.pk]),
        "evidence": reverse("dashboard_evidence", args=[world.review.pk]),
        "conclusions": reverse("conclusions_table", args=[world.review.pk]),
    }
    for name, url in pages.items():
        page = client.get(url).content.decode()
        main = page[page.index("<main") : page.index("</main>")]
        assert f'href="{glossary}#' in main, name
