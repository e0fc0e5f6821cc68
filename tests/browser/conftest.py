"""Pages in a real browser: Playwright driving Debian's Chromium, never a downloaded one."""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, add_unbroken_conclusion, make_world

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SOURCE = (Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "var" / "screenshots"))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # The content security policy is enforced as in real use: a page that breaks it fails its test.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    yield page
    context.close()
    assert not blocked, f"The content security policy blocked something: {blocked}"


@pytest.fixture
def unbroken_world(transactional_db):
    """The factories' world, with a conclusion quoting a 300-character reference that has no space to break at."""
    world = make_world()
    add_unbroken_conclusion(world)
    return world


def sign_in(page, user, password=PASSWORD):
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def open_as(page, user, address: str, *, width: int = 1280):
    """`user` signs in and opens `address` in a window `width` pixels wide."""
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, user)
    page.goto(address)


def axe_violations(page) -> list[dict]:
    # Evaluated by the browser's debugging protocol, which the page's policy does not govern.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    summary = [
        {"rule": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in violations
    ]
    assert not violations, f"axe found violations on {page.url}:\n{json.dumps(summary, indent=2)}"


def assert_error_page(page):
    """The answer to a submission is the form again with its errors. Waits for it: the click's navigation may
    not have begun when the click returns, and the page going away has no title either."""
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error: ")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
