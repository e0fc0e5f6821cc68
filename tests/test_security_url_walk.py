"""Every URL pattern in the resolver, walked: each needs sign-in, and each lets in only the right roles.

The expectations table below says, for each URL name, which of the named people may open it
(with its path filled by the world's WCC action, last meeting, review...). Everyone else signed in
must get 403 (their role may not) or 404 (another agency's record). A URL name missing from the
table fails, asking for an entry; so does an entry whose URL name no longer exists (a renamed route
would otherwise drop out of the checks unseen).
"""

import pytest
from django.conf import settings
from django.urls import reverse

from .security_urls import PUBLIC_URL_NAMES, add_records, all_routes, reachable, url_for

EVERYONE = frozenset({"olivia", "arjun", "maya", "mark", "clara", "ada"})
OFFICERS_OF_WCC = frozenset({"olivia", "ada"})  # the WCC action's agency, and the administrator
REVIEW_WRITERS = frozenset({"maya", "clara", "ada"})  # members and clerk of this review, admin
MEETING_RUNNERS = frozenset({"clara", "ada"})  # the review's clerk, admin
MEMBERS_VIEW = frozenset({"maya", "clara", "ada"})  # every agency's view: this review's members and clerk, admin
# Who sees the review at all: its people, the officers whose agencies lead its inspection's actions, the
# administrator. mark sits on another review of the same inspection: this one is a 404 to him.
ON_REVIEW = EVERYONE - {"mark"}
ADMIN_ONLY = frozenset({"ada"})
NOT_ARDEN = ON_REVIEW - {"arjun"}  # a WCC record: the other agency's officer gets a 404

# URL name -> who may GET it (filled with the world's records; see tests/security_urls.py).
EXPECTATIONS: dict[str, frozenset] = {
    "home": EVERYONE,
    "inspection_detail": EVERYONE,
    "password_change": EVERYONE,
    "session_extend": EVERYONE,
    # Officers' actions and evidence (issue 3)
    "my_actions": EVERYONE,
    "action_detail": EVERYONE,
    "action_update": OFFICERS_OF_WCC,
    "evidence_add": OFFICERS_OF_WCC,
    "evidence_edit": OFFICERS_OF_WCC,
    "evidence_remove": OFFICERS_OF_WCC,
    "evidence_download": EVERYONE,
    "area_detail": EVERYONE,
    # The review's records (issue 5)
    "review_detail": ON_REVIEW,
    "review_reopen": ADMIN_ONLY,
    "review_stage_update": MEETING_RUNNERS,
    "review_area_update": MEETING_RUNNERS,
    "conclusions_table": ON_REVIEW,
    "conclusion_add": REVIEW_WRITERS,
    "conclusion_detail": ON_REVIEW,
    "request_list": ON_REVIEW,
    "request_add": REVIEW_WRITERS,
    "request_detail": NOT_ARDEN,
    "request_answer": NOT_ARDEN,
    "request_close": REVIEW_WRITERS,
    "recommendation_list": ON_REVIEW,
    "recommendation_add": REVIEW_WRITERS,
    "recommendation_detail": ON_REVIEW,
    "recommendation_update": REVIEW_WRITERS,
    "report_dates_update": MEETING_RUNNERS,  # issue 14: the report's dates start the response clock
    # issue 14: the clerk records the response, linked actions, monitoring updates and sign-off
    "recommendation_response": MEETING_RUNNERS,
    "recommendation_actions": MEETING_RUNNERS,
    "recommendation_update_add": MEETING_RUNNERS,
    "recommendation_sign_off": MEETING_RUNNERS,
    # The register across reviews: everyone, each seeing only the reviews they may see (issue 14)
    "recommendation_register": EVERYONE,
    "recommendation_register_export": EVERYONE,
    # Search across what each person may see (issue 19)
    "search": EVERYONE,
    "glossary": EVERYONE,  # issue 19: what the words mean
    # Import and export of plans (issue 4)
    "plan_import": ADMIN_ONLY,
    "plan_import_mapping": ADMIN_ONLY,
    "plan_import_preview": ADMIN_ONLY,
    "plan_import_confirm": ADMIN_ONLY,
    "plan_import_done": ADMIN_ONLY,
    "plan_template": EVERYONE,
    "plan_export": EVERYONE,
    # Members' dashboard, changes, past views (issue 5)
    "dashboard": MEMBERS_VIEW,
    "dashboard_actions": MEMBERS_VIEW,
    "dashboard_evidence": MEMBERS_VIEW,
    "dashboard_requests": MEMBERS_VIEW,
    "changes_since": MEMBERS_VIEW,
    "plan_as_at": MEMBERS_VIEW,
    "prep_pack": MEMBERS_VIEW,
    "agencies_side_by_side": MEMBERS_VIEW,
    # Meetings and their papers (issue 6)
    "meeting_list": ON_REVIEW,
    "meeting_detail": ON_REVIEW,
    "meeting_add": MEETING_RUNNERS,
    "meeting_edit": MEETING_RUNNERS,
    "meeting_attendance": MEETING_RUNNERS,
    "meeting_attendee_add": MEETING_RUNNERS,
    "meeting_notes": MEETING_RUNNERS,
    "meeting_note_add": MEETING_RUNNERS,
    "meeting_note_edit": MEETING_RUNNERS,
    "meeting_note_remove": MEETING_RUNNERS,
    "meeting_conclusion_add": MEETING_RUNNERS,
    "meeting_request_add": MEETING_RUNNERS,
    "meeting_conclusion_edit": MEETING_RUNNERS,  # in draft notes, like a notes item (issue 20)
    "meeting_conclusion_remove": MEETING_RUNNERS,
    "meeting_request_edit": MEETING_RUNNERS,
    "meeting_request_remove": MEETING_RUNNERS,
    "meeting_agree_notes": MEETING_RUNNERS,
    "meeting_reopen_notes": MEETING_RUNNERS,
    "meeting_agenda": MEMBERS_VIEW,
    "meeting_notes_export": REVIEW_WRITERS,  # draft notes stay with the group
    "meetings_ics": ON_REVIEW,
    "conclusions_export": MEMBERS_VIEW,
    "meetings_export": MEMBERS_VIEW,
    "review_report": MEMBERS_VIEW,
    # The report's narrative, written by the clerk (issue 20)
    "report_text_list": MEETING_RUNNERS,
    "report_text_update": MEETING_RUNNERS,
    "report_text_meeting": MEETING_RUNNERS,
    "report_text_recommendation": MEETING_RUNNERS,
    "report_text_reset": MEETING_RUNNERS,
    "report_text_meeting_reset": MEETING_RUNNERS,
    "report_text_recommendation_reset": MEETING_RUNNERS,
}


def _is_sign_in_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL))


def _is_admin_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


@pytest.fixture
def records(world):
    return add_records(world)


def test_every_page_needs_sign_in(client, records):
    client.raise_request_exception = False
    checked, problems = [], []
    for route, url in reachable(records):
        if route.name in PUBLIC_URL_NAMES:
            continue
        get, post = client.get(url), client.post(url, {})
        checked.append(route.name)
        # A POST-only page may answer GET with 405 (and a GET-only one POST), but never with content.
        if not (_is_sign_in_redirect(get) or (get.status_code == 405 and _is_sign_in_redirect(post))):
            problems.append(f"{route.name} {url}: anonymous GET gave {get.status_code}")
        if not (_is_sign_in_redirect(post) or post.status_code == 405):
            problems.append(f"{route.name} {url}: anonymous POST gave {post.status_code}")
    assert "home" in checked
    assert not problems, "Pages open without signing in:\n" + "\n".join(problems)


def test_every_url_pattern_is_reachable_by_the_walk(records):
    """A URL the walk cannot fill would silently escape the checks: name its parameter in security_urls."""
    missing = [
        f"{r.name} ({r.route})"
        for r in all_routes(include_admin=False)
        if url_for(r, records) is None and r.name not in PUBLIC_URL_NAMES
    ]
    assert not missing, "Cannot fill the path of:\n" + "\n".join(missing)


def test_every_url_name_has_an_expectation(records):
    unknown = sorted(
        r.name for r, _url in reachable(records) if r.name not in EXPECTATIONS and r.name not in PUBLIC_URL_NAMES
    )
    assert not unknown, (
        "Add these URL names to EXPECTATIONS in tests/test_security_url_walk.py, with the people who may open them: "
        + ", ".join(unknown)
    )


def test_every_expectation_names_a_url_that_exists():
    names = {route.name for route in all_routes(include_admin=False)}
    gone = sorted(set(EXPECTATIONS) - names)
    assert not gone, "No URL has these names any more: rename them in EXPECTATIONS too: " + ", ".join(gone)


def test_each_page_lets_in_exactly_the_right_roles(client, records):
    client.raise_request_exception = False
    problems = []
    pages = [(route, url) for route, url in reachable(records) if route.name in EXPECTATIONS]
    assert pages, "No page of the expectations table exists"
    for name in sorted(EVERYONE):
        client.force_login(getattr(records, name))
        for route, url in pages:
            response = client.get(url)
            allowed = name in EXPECTATIONS[route.name]
            status = response.status_code
            if allowed and not (status in (200, 405) or (status == 302 and not _is_sign_in_redirect(response))):
                problems.append(f"{route.name} {url}: {name} may open it but got {status}")
            if not allowed and status not in (403, 404):
                problems.append(f"{route.name} {url}: {name} may not open it but got {status}")
            if not allowed and status in (403, 404):
                # Refused on POST too: a page that checks only on GET still lets a form through.
                post_status = client.post(url, {}).status_code
                if post_status not in (403, 404, 405):
                    problems.append(f"{route.name} {url}: {name} may not post to it but got {post_status}")
    assert not problems, "\n".join(problems)


def test_the_admin_needs_an_administrator(client, records):
    client.raise_request_exception = False
    urls = [
        url
        for route, url in reachable(records, include_admin=True)
        if route.namespace == "admin" and route.name not in PUBLIC_URL_NAMES and "<" not in url
    ]
    assert reverse("admin:index") in urls
    for url in urls:
        assert _is_admin_login_redirect(client.get(url)), f"{url} opens without signing in"
    for name in ("olivia", "maya", "clara"):
        client.force_login(getattr(records, name))
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403, 404), f"{name} opened the admin's {url}"
            assert response.status_code != 302 or _is_admin_login_redirect(response)
    client.force_login(records.ada)
    assert client.get(reverse("admin:index")).status_code == 200
