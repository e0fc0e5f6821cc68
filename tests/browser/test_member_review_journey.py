"""A member prepares for a meeting: dashboard, changes since 21 May 2012, the plan as at 30 May 2012
and the printed preparation pack for 6 December 2012."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from actionplan.models import Action, ProgressUpdate
from scrutiny.people.models import User
from scrutiny.review.demo import load_demo
from scrutiny.review.models import Meeting

from ..bulkdata import save_at
from .conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "scrutiny-demo-2012"


@pytest.fixture
def demo_with_an_officer_update():
    load_demo()
    officer = User.objects.get(username="arden.officer")
    action = Action.objects.get(reference="2.1")
    update = ProgressUpdate(
        action=action,
        author=officer,
        status=Action.Status.IN_PROGRESS,
        rag=Action.Rag.AMBER,
        note="The audit of unscheduled care notifications has begun in two hospitals.",
    )
    update._history_user = officer
    update.save()
    save_at(action, timezone.now(), officer, rag=Action.Rag.AMBER, target_date=datetime.date(2013, 3, 31))
    return User.objects.get(username="member")


def test_a_member_reviews_progress_before_a_meeting(page, demo_with_an_officer_update):
    member = demo_with_an_officer_update
    sign_in(page, member, password=DEMO_PASSWORD)

    page.get_by_role("link", name="Safeguarding Improvement Task & Finish Group").first.click()
    page.get_by_role("navigation", name="This review").get_by_role("link", name="Dashboard").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard: where the plan stands"
    assert page.get_by_role("img", name="Actions by status at the end of each month").is_visible()
    assert page.get_by_role("table", name="Actions by status at the end of each month: the figures").is_visible()
    assert_accessible(page)
    screenshot(page, "member-dashboard")

    # What changed since the looked-after-children meeting of 21 May 2012
    page.get_by_role("link", name="what changed since the last meeting").click()
    page.get_by_text("Choose another meeting or a date").click()
    page.get_by_label("A meeting of the review").select_option(label="Looked after children (21 May 2012)")
    page.get_by_role("button", name="Show changes").click()
    assert "Changes since the end of the meeting on 21 May 2012" in page.get_by_role("heading", level=1).inner_text()
    area2 = page.locator("section.area-changes", has=page.get_by_role("heading", name="Area 2 (Health)"))
    rag = area2.get_by_role("row").filter(has_text="RAG rating")
    assert "Not rated" in rag.inner_text() and "Amber" in rag.inner_text() and "Jackie Channell" in rag.inner_text()
    target = area2.get_by_role("row").filter(has_text="Target date")
    assert "31 October 2012" in target.inner_text() and "31 March 2013" in target.inner_text()
    assert "Moved 151 days later" in target.inner_text()
    assert "has begun in two hospitals" in area2.inner_text()
    assert_accessible(page)
    screenshot(page, "member-changes-since-21-may")

    # The plan as it stood on 30 May 2012, the day the interim report was agreed
    page.goto("/plan/as-at/")
    page.get_by_label("Or a date").fill("2012-05-30")
    page.get_by_role("button", name="Show the plan").click()
    assert "This is the plan as it stood on 30 May 2012." in page.locator(".past-view-banner").inner_text()
    row = page.get_by_role("row").filter(has_text="An audit of unscheduled care notifications")
    assert "31 October 2012" in row.inner_text() and "31 March 2013" not in row.inner_text()
    assert "In progress" in row.inner_text() and "Amber" not in row.inner_text()
    assert sum(int(n) for n in page.locator(".past-status-counts td").all_inner_texts()) == 16  # the whole plan
    row = page.get_by_role("row").filter(has=page.get_by_text("11.1", exact=True))  # all 16 on one page
    assert "In progress" in row.inner_text()  # completed only on 6 December
    assert_accessible(page)
    screenshot(page, "member-plan-as-at-30-may")

    # The preparation pack for the final meeting on 6 December 2012, printed by Chromium
    december = Meeting.objects.get(date="2012-12-06")
    page.goto(f"/meetings/{december.pk}/prepare/")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Preparation pack: Final evidence gathering, 6 December 2012"
    )
    assert_accessible(page)
    screenshot(page, "member-prep-pack-6-december")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    pages = [p.extract_text() for p in pdf.pages]
    everything = "\n".join(pages)
    assert "Sign out" not in everything and "Skip to main content" not in everything
    assert "Signed in as" not in everything and "Dashboard" not in everything
    starts = {
        heading: [i for i, text in enumerate(pages) if heading in text]
        for heading in ("Area 2: Health", "Area 18: Health")
    }
    assert len(starts["Area 2: Health"]) == 1 and len(starts["Area 18: Health"]) == 1
    first, second = starts["Area 2: Health"][0], starts["Area 18: Health"][0]
    assert 0 < first < second  # the summary comes first, then each area from a new page
    assert pages[first].lstrip().startswith("Area 2: Health") and pages[second].lstrip().startswith("Area 18: Health")
    assert "Jackie Channell" in "\n".join(pages[second:])
