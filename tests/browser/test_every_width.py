"""Every list page at a phone's, a tablet's and a laptop's width: no two form controls on top of each
other, and no page that scrolls sideways (a wide table scrolls in its own box, or becomes cards)."""

import json

import pytest
from django.urls import reverse

from scrutiny.people.models import User
from scrutiny.review.demo import load_demo
from scrutiny.review.demo_sample import load_sample_portfolio
from scrutiny.review.models import Review

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "scrutiny-demo-2012"
WIDTHS = [390, 820, 1366]

# Pairs of visible form controls whose boxes overlap by more than a pixel each way.
OVERLAPS = """() => {
  const controls = [...document.querySelectorAll(
    "main input:not([type=hidden]), main select, main textarea, main button, main .govuk-button"
  )].filter((el) => el.offsetParent !== null);
  const boxes = controls.map((el) => [el, el.getBoundingClientRect()]);
  const name = (el) => el.id || el.name || el.textContent.trim().slice(0, 30) || el.tagName;
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra] = boxes[i], [b, rb] = boxes[j];
      if (a.contains(b) || b.contains(a)) continue;
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1) found.push([name(a), name(b)]);
    }
  }
  return found;
}"""
SIDEWAYS = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"


def list_pages(review) -> list[str]:
    pages = [reverse("home"), reverse("recommendation_register")]
    for name in (
        "dashboard",
        "dashboard_actions",
        "dashboard_evidence",
        "dashboard_requests",
        "conclusions_table",
        "request_list",
        "agencies_side_by_side",
        "changes_since",
    ):
        pages.append(reverse(name, args=[review.pk]))
    return pages


def problems_at(page, urls, width) -> dict:
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for url in urls:
        page.goto(url)
        assert page.locator("main").count(), url
        overlapping = page.evaluate(OVERLAPS)
        scroll_width, inner_width = page.evaluate(SIDEWAYS)
        if overlapping:
            found[f"{url} at {width}px: controls overlap"] = overlapping[:5]
        if scroll_width > inner_width:
            found[f"{url} at {width}px: the page scrolls sideways"] = [scroll_width, inner_width]
    return found


@pytest.fixture
def demo():
    load_demo()
    load_sample_portfolio()
    return {u.username: u for u in User.objects.filter(username__in=["admin", "wcc.officer", "member"])}


def test_no_list_page_overlaps_or_scrolls_sideways_at_any_width(page, demo):
    found = {}
    sign_in(page, demo["member"], DEMO_PASSWORD)
    urls = [url for review in Review.objects.order_by("pk") for url in list_pages(review)]  # 2012, and the live sample
    for width in WIDTHS:
        found |= problems_at(page, list(dict.fromkeys(urls)), width)
    page.context.clear_cookies()
    sign_in(page, demo["wcc.officer"], DEMO_PASSWORD)
    for width in WIDTHS:
        found |= problems_at(page, [reverse("my_actions")], width)
    assert not found, json.dumps(found, indent=2)
    assert len(urls) == 20


def test_on_a_phone_the_action_lists_are_cards_with_status_rag_and_target_date_in_view(page, demo):
    review = Review.objects.order_by("pk").last()
    page.set_viewport_size({"width": 390, "height": 900})
    sign_in(page, demo["member"], DEMO_PASSWORD)
    for url, labels in (
        (reverse("my_actions"), ["Status", "RAG", "Target date"]),
        (reverse("dashboard_actions", args=[review.pk]), ["Status", "Target date"]),  # RAG sits with the status
    ):
        page.goto(url)
        card = page.locator(".actions-table tbody tr").first
        for label in labels:
            cell = card.locator(f'td[data-label="{label}"]')
            box = cell.bounding_box()
            assert cell.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390, (url, label, box)
            assert page.evaluate("(el) => getComputedStyle(el, '::before').content", cell.element_handle()) == (
                f'"{label}: "'
            )
        assert card.locator("th").bounding_box()["y"] < card.locator('td[data-label="Status"]').bounding_box()["y"]
