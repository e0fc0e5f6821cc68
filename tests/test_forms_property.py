"""Random input to every form, sent through the views' POST: never a 500, never a partial write.

The forms are found by reading every page of the URL walk (as the first person allowed to open it)
for the POST forms that post back to it, so new forms are covered as they arrive. Hypothesis draws
each field from the page's own values, valid choices, and hostile text. When the view answers
with the form again (an error), no row anywhere may have changed; when it redirects, it saved a
whole change.
"""

import math
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from .security_urls import add_records, post_forms, reachable

# Inputs sent in all, shared out between the forms found (FORMS_PROPERTY_TOTAL=500 for a quick run).
TOTAL_INPUTS = int(os.environ.get("FORMS_PROPERTY_TOTAL", "10000"))
# A form whose few fields Hypothesis exhausts early leaves its share to the others.
SHARE_MARGIN = 1.3
PEOPLE_TO_TRY = ("ada", "clara", "maya", "olivia")
ANONYMOUS = "nobody signed in"
# Tables a request may write whether or not a form was saved.
# Axes' sign-in bookkeeping is not an audited record either.
NOT_RECORDS = {
    "django_session",
    "scrutiny_cache",
    "django_admin_log",
    "axes_accesslog",
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accessattemptexpiration",
}

HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "99999999999999999999",
    "2012-13-45",
    "31/02/2012",
    "29",
    "2",
    "13",
    "99999",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("http://x")',
    "é" * 400,
    "\u202e",
    "a\x00b",
    "None",
]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
# Numbers past every integer and date type: 64-bit keys, C longs, date() years, floats.
overflowing = st.one_of(
    st.integers(min_value=2**31 - 2, max_value=10**400).map(str),
    st.integers(min_value=-(10**400), max_value=-(2**31)).map(str),
    st.sampled_from(["9" * 5000, "1e309", "-1e309", "inf", "NaN", "0x7fffffffffffffff", "1" + "0" * 19, "٣٣٣٣"]),
)
# Text that breaks naive handling: combining marks, direction overrides, zero-width and private-use
# characters, astral-plane symbols, control characters (NUL included), mixed scripts.
odd_unicode = st.one_of(
    st.text(
        alphabet=st.characters(whitelist_categories=("Mn", "Me", "Cf", "Co", "Cc", "So", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    ),
    st.sampled_from(
        [
            "\ufeff",
            "\u200b\u200d",
            "Z\u0351\u0352\u0353\u0354" * 20,
            "𝕏𝔂𝓏 🏴\u200d☠️",
            "\u202eevil.exe",
            "Ω≈ç√∫",
            "ﷺ" * 50,
            "\r\n\r\n",
            "\x1b[31m",
            "İstanbul",
            "ß" * 200,
        ]
    ),
)
# Longer than any field allows: the limit must be an error, not a database exception.
over_long = st.builds(
    lambda piece, n: piece * n, st.sampled_from(["x", "é", "😀", "a b "]), st.integers(min_value=201, max_value=40_000)
)


def fingerprint() -> tuple:
    """Row counts of every table, in one query: saving anything audited also adds a history row."""
    tables = sorted(t for t in connection.introspection.table_names() if t not in NOT_RECORDS)
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(zip(tables, cursor.fetchone(), strict=False))


def strategy_for(field):
    if field.type == "file":
        return st.builds(
            lambda name, data: SimpleUploadedFile(name, data) if name else "",
            st.sampled_from(["", "report.pdf", "notes.txt", "virus.exe", "image.png"]),
            st.binary(max_size=300),
        )
    if field.type in ("checkbox", "multiple"):
        return st.lists(
            st.one_of(st.sampled_from(field.options + ["999999", "x"]), overflowing), max_size=4, unique=True
        )
    if field.options:
        return st.one_of(
            st.sampled_from(field.options), st.sampled_from(["", "999999", "not-a-choice"]), overflowing, odd_unicode
        )
    return st.one_of(st.just(field.value), st.sampled_from(HOSTILE), text, overflowing, odd_unicode, over_long)


def find_forms(client, records) -> list:
    found = []
    for route, url in reachable(records):
        # The first person allowed to open the page; nobody signed in for the pages only they see (sign-in).
        for name in (*PEOPLE_TO_TRY, ANONYMOUS):
            sign_in_as(client, records, name)
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            forms = post_forms(response.content.decode(), url)
            if forms:
                found += [(route.name, url, name, form) for form in forms]
                break
    return found


def sign_in_as(client, records, name: str) -> None:
    if name == ANONYMOUS:
        client.logout()
    else:
        client.force_login(getattr(records, name))


def check_form(client, records, url_name, url, person, form, examples: int, sent: list) -> str | None:
    fields = [f for f in form.fields if f.name != "csrfmiddlewaretoken"]
    sign_in_as(client, records, person)

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(st.fixed_dictionaries({f.name: strategy_for(f) for f in fields}))
    def post_random_input(payload):
        if person != ANONYMOUS and "_auth_user_id" not in client.session:  # again only if a post signed out
            sign_in_as(client, records, person)
        before = fingerprint()
        data = {
            k: v for k, v in payload.items() if v != "" or not any(f.type == "file" and f.name == k for f in fields)
        }
        note(f"{person} posts to {url} ({url_name}): {data!r}"[:2000])
        response = client.post(url, data)
        sent.append(url_name)
        assert response.status_code != 500, f"500 from {url_name}"
        if response.status_code != 302:
            changed = [(a, b) for a, b in zip(before, fingerprint(), strict=False) if a != b]
            assert not changed, f"{url_name} answered {response.status_code} but wrote rows: {changed}"

    try:
        post_random_input()
    except AssertionError as error:
        return f"{url_name} ({url}) as {person}: {str(error).splitlines()[0]}"
    return None


@pytest.mark.django_db
def test_random_input_to_every_form_gives_no_500_and_no_partial_write(client, world):
    records = add_records(world)
    client.raise_request_exception = False
    forms = find_forms(client, records)
    assert len(forms) >= 3, f"Found only {len(forms)} forms: is the walk finding the pages?"
    assert {"login", "password_reset", "password_change"} <= {url_name for url_name, *_ in forms}
    examples = math.ceil(TOTAL_INPUTS / len(forms) * SHARE_MARGIN)
    sent: list[str] = []
    problems = [p for p in (check_form(client, records, *target, examples, sent) for target in forms) if p]
    assert not problems, "\n".join(problems)
    assert len(sent) >= TOTAL_INPUTS, f"Sent only {len(sent)} inputs to {len(forms)} forms"
