"""axe-core finds nothing on any page of the site, as an administrator (who can open them all) and
as an officer (whose pages differ). The pages are found by walking the URL patterns, so a page
added later is checked without editing this test."""

import json

import pytest
from django.test import Client

from ..factories import make_world
from ..security_urls import add_records, reachable
from .conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def html_pages(user, world) -> list[str]:
    """Every URL that gives this user an HTML page on GET (files and redirects are left out)."""
    client = Client()
    client.force_login(user)
    urls = []
    for _route, url in reachable(world):
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            urls.append(url)
    return urls


@pytest.mark.parametrize("who", ["ada", "olivia"])
def test_axe_finds_nothing_on_any_page(page, who):
    world = add_records(make_world())
    user = getattr(world, who)
    urls = html_pages(user, world)
    assert len(urls) > (25 if who == "ada" else 12), urls
    sign_in(page, user)
    found = {}
    for url in urls:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = [{"rule": v["id"], "nodes": [n["target"] for n in v["nodes"][:3]]} for v in violations]
    assert not found, json.dumps(found, indent=2)


def test_no_page_scrolls_sideways_on_a_phone(page):
    world = add_records(make_world())
    urls = html_pages(world.ada, world)
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, world.ada)
    too_wide = {}
    for url in urls:
        page.goto(url)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            too_wide[url] = widths
    assert not too_wide, too_wide
