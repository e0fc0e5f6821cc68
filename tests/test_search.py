"""Search from the header: everything a person may see, grouped by kind, and nothing they may not."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.models import Area, Evidence, ProgressUpdate
from scrutiny.review.models import Conclusion, InformationRequest, NoteItem, Recommendation
from scrutiny.review.reporting.search import GROUP_LIMIT, START, STOP, as_html
from scrutiny.review.services.meetings import agree_notes

from .factories import add_second_inspection, conclude, make_action
from .security_urls import add_records

pytestmark = pytest.mark.django_db
SEARCH = "/search/"
RESULT_LINK = re.compile(r'<li class="search-result">\s*<a class="[^"]*" href="([^"]+)"')


def search(client, user, q, **extra):
    client.force_login(user)
    response = client.get(SEARCH, {"q": q, **extra})
    assert response.status_code == 200
    return response.content.decode()


def result_links(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in RESULT_LINK.findall(html)]


@pytest.fixture
def note(world):
    return NoteItem.objects.create(
        meeting=world.last_meeting,
        position=1,
        heading="Health assessments",
        body="The designated nurse described the zephyrine backlog of initial health assessments.",
    )


@pytest.fixture
def restricted_evidence(world):
    """Evidence the Arden Cluster gave on a whole area, not on an action: theirs and the group's alone."""
    evidence = Evidence(
        inspection=world.inspection,
        area=world.area2,
        title="Quarterly audit of the quillwort assessments",
        provided_by_agency=world.arden,
        added_by=world.arjun,
    )
    evidence.save()
    return evidence


def test_a_member_finds_a_meeting_note_by_a_word_only_in_its_text(client, world, maya, note):
    html = search(client, maya, "zephyrine")
    assert "1 result for" in html
    assert "Meeting notes" in html
    assert "<mark>zephyrine</mark>" in html
    [link] = result_links(html)
    assert link == f"/reviews/{world.review.pk}/meetings/{world.last_meeting.pk}/#note-item-{note.pk}"
    page = client.get(link)
    assert page.status_code == 200 and "zephyrine backlog" in page.content.decode()


def test_draft_notes_are_found_only_by_those_who_may_read_them(client, world, olivia, mark, clara, note):
    assert "No results for" in search(client, olivia, "zephyrine")  # an officer: the notes are a draft
    assert "No results for" in search(client, mark, "zephyrine")  # another review's member
    agree_notes(actor=clara, meeting=world.last_meeting, agreed_on=datetime.date.today())
    assert result_links(search(client, olivia, "zephyrine"))
    assert "No results for" in search(client, mark, "zephyrine")


def test_an_officer_never_sees_another_agencys_restricted_evidence(
    client, world, olivia, arjun, maya, restricted_evidence
):
    html = search(client, olivia, "quillwort")
    assert "No results for" in html and "Quarterly audit" not in html
    for user in (arjun, maya):
        html = search(client, user, "quillwort")
        assert "Quarterly audit of the" in html
        [link] = result_links(html)
        assert client.get(link).status_code == 200


def test_an_officer_never_sees_a_review_of_an_inspection_their_agency_has_no_part_in(
    client, world, olivia, arjun, mark
):
    second = add_second_inspection(world)
    Recommendation(review=second.review, number=1, text="Publish the marzipan protocol.", addressed_to="Cabinet").save()
    conclude(world, "satisfied", action=world.wcc_action, reasoning="The marzipan audit convinced us.")
    assert "No results for" in search(client, mark, "marzipan")  # sits on neither review
    html = search(client, arjun, "marzipan")
    assert "Publish the" not in html and "1 result for" in html  # sees the first review only
    html = search(client, olivia, "marzipan")
    assert "2 results for" in html  # the WCC leads actions under both inspections


def test_results_are_grouped_by_kind_and_every_link_opens_for_the_person(client, world):
    add_records(world)
    expected_groups = {
        "maya": 8,  # every kind: action, area, update, evidence, note, conclusion, request, recommendation
        "ada": 8,
        "clara": 8,
        "olivia": 7,  # the notes are a draft
        "arjun": 6,  # and the request is to the WCC
        "mark": 4,  # not on this review: the plan only
    }
    for username, groups in expected_groups.items():
        user = getattr(world, username)
        html = search(client, user, "caseload")
        assert len(re.findall(r'<section class="search-group"', html)) == groups, username
        links = result_links(html)
        assert links
        for link in links:
            assert client.get(link).status_code == 200, (username, link)


def test_a_word_found_in_an_agencys_name_finds_its_actions(client, world, maya):
    make_action(world.arden_plan, world.area3, lead_agency=world.uhcw, reference="3.9", description="Review discharge")
    html = search(client, maya, "UHCW")
    assert "Action 3.9 (area 3) – UHCW" in html


def test_a_word_of_the_agencys_name_and_a_word_of_the_action_together_find_it(client, world, maya):
    make_action(world.arden_plan, world.area3, lead_agency=world.uhcw, reference="3.9", description="Review discharge")
    html = search(client, maya, "UHCW discharge")
    assert "Action 3.9 (area 3) – UHCW" in html
    assert "Action 3.9 (area 3) – UHCW" not in search(client, maya, "Arden discharge")


def test_snippets_show_the_records_words_escaped_with_only_the_match_highlighted(client, world, maya):
    ProgressUpdate(
        action=world.wcc_action,
        author=world.olivia,
        status="in_progress",
        note='<script>alert("x")</script> <b>Bold</b> claim: caseloads < 18 & the ptarmigan audit is done.',
    ).save()
    html = search(client, maya, "ptarmigan")
    assert "<mark>ptarmigan</mark>" in html
    assert '<script>alert("x")' not in html and "<b>Bold</b>" not in html
    assert "caseloads &lt; 18 &amp; the" in html  # PostgreSQL's snippets leave tags out; none is ever markup


def test_no_question_yet_shows_the_box_without_an_error(client, maya):
    client.force_login(maya)
    html = client.get(SEARCH).content.decode()
    assert re.search(r'<h1 class="govuk-label-wrapper">\s*<label for="id_q"[^>]*>\s*Search\s*</label>', html)
    assert "There is a problem" not in html


@pytest.mark.parametrize(
    ("q", "error"),
    [
        ("", "Enter a word or words to search for"),
        ("   ", "Enter a word or words to search for"),
        ("x" * 5000, "Search for 200 characters or fewer"),
        ("!!! ??? ---", "Enter a word or number to search for, not only punctuation"),
        ("zephyr\x00ine", "Null characters are not allowed"),
    ],
)
def test_an_empty_long_or_unusable_question_gets_a_clear_error(client, maya, q, error):
    html = search(client, maya, q)
    assert "<title>Error: Search" in html
    assert "There is a problem" in html and error in html


@pytest.mark.parametrize(
    "q",
    [
        "the",  # only a word too common to search for
        "'; DROP TABLE review_review; --",
        '"unclosed phrase',
        "a & b | !c (( ) :* <->",
        "-caseloads",
        "caseloads or nothing",
        "1.1",
        "café naïve Łódź",
        "<script>alert(1)</script>",
        "word " * 39,
    ],
)
def test_odd_questions_give_a_page_never_an_error(client, world, maya, q):
    add_records(world)
    html = search(client, maya, q)
    assert "result" in html
    assert "<script>alert(1)" not in html


def test_a_bad_kind_or_page_in_the_address_is_ignored(client, world, maya):
    add_records(world)
    html = search(client, maya, "caseloads", kind="nonsense", page="abc")
    assert "results for" in html
    html = search(client, maya, "caseloads", kind="actions", page="99999")
    assert "Actions matching" in html


def add_many(world, n: int, word: str, start: int = 0):
    """n more records of every kind, each with the word (numbered from `start`, so batches can follow)."""
    for i in range(start, start + n):
        area = Area(inspection=world.inspection, number=100 + i, text=f"Area about {word} {i}")
        area.save()
        action = make_action(world.wcc_plan, area, reference=f"{100 + i}.1", description=f"Act on {word}")
        ProgressUpdate(action=action, author=world.olivia, status="in_progress", note=f"{word} update").save()
        Evidence(inspection=world.inspection, action=action, title=f"{word} evidence {i}").save()
        NoteItem(meeting=world.last_meeting, position=i + 2, heading=f"{word} item", body="Heard.").save()
        Conclusion(review=world.review, area=area, judgement="satisfied", reasoning=f"{word} fine").save()
        InformationRequest(
            review=world.review, area=area, asked_of_agency=world.wcc, question=f"{word} figures?"
        ).save()
        Recommendation(review=world.review, number=10 + i, text=f"Do {word}", addressed_to="Cabinet").save()


def count_queries(client, q) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH, {"q": q}).status_code == 200
    return len(queries)


def test_queries_stay_flat_however_many_records_match(client, world, maya, django_assert_max_num_queries):
    client.force_login(maya)
    add_many(world, 2, "heliotrope")
    few = count_queries(client, "heliotrope")
    more = GROUP_LIMIT + 5
    add_many(world, more, "heliotrope", start=2)
    with django_assert_max_num_queries(few):
        many = count_queries(client, "heliotrope")
    assert many == few
    html = search(client, maya, "heliotrope")
    assert f"and {2 + more - GROUP_LIMIT} more actions: see all {2 + more}" in html
    assert len(result_links(html)) == 8 * GROUP_LIMIT


def test_see_all_shows_one_kind_a_page_at_a_time(client, world, maya):
    add_many(world, GROUP_LIMIT + 3, "heliotrope")
    html = search(client, maya, "heliotrope", kind="recommendations")
    assert f"Recommendations and observations matching “<bdi>heliotrope</bdi>”: {GROUP_LIMIT + 3}" in html
    assert len(result_links(html)) == GROUP_LIMIT + 3
    assert "Back to results of every kind" in html


def test_the_header_has_a_search_box_that_works_without_javascript(client, maya):
    client.force_login(maya)
    html = client.get("/", follow=True).content.decode()
    form = re.search(
        r'<form class="council-header__search" method="get" action="/search/"[^>]*>(.*?)</form>', html, re.S
    )
    assert form, "the header's search form"
    assert 'for="header-search"' in form.group(1) and 'name="q"' in form.group(1)
    assert 'type="submit"' in form.group(1)


def test_the_search_needs_signing_in(client):
    response = client.get(SEARCH, {"q": "caseloads"})
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert 'class="council-header__search"' not in client.get("/sign-in/").content.decode()


def test_only_the_searchs_own_markers_become_highlights():
    assert as_html(f"a <b>{START}x{STOP} {START}y &") == "a &lt;b&gt;<mark>x</mark> y &amp;"


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")


@postgres_only
def test_on_postgresql_words_are_matched_by_their_stem_best_match_first(client, world, maya):
    html = search(client, maya, "assessing children")
    assert "Area 2 – " in html  # "health assessments for children looked after are timely"


@postgres_only
def test_on_postgresql_a_word_can_be_left_out_and_a_phrase_kept_whole(client, world, maya):
    assert "Area 1 – " in search(client, maya, "manageable")
    assert "No results for" in search(client, maya, "manageable -caseloads")
    assert "Area 1 – " in search(client, maya, '"looked after children"')
    assert "No results for" in search(client, maya, '"children looked caseloads"')
