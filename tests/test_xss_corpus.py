"""An XSS and formula corpus in every free-text field of every record, then every page and export read.

Pages must show the text escaped (never a live <script>), spreadsheets must hold it as inert text
(never a formula), Word files must still open. Pages come from the URL walk and exports from the
links those pages offer, so new pages and exports are covered as they arrive.
"""

import csv
import io

import pytest
from django.apps import apps
from django.db import models

from .security_urls import add_records, export_links, reachable

PAYLOAD = '=1"><script>xss()</script>'
LIVE = "<script>xss()</script>"
ESCAPED = "&lt;script&gt;xss()&lt;/script&gt;"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Fields whose value is a sign-in credential rather than text anyone reads.
SKIP_FIELDS = {("people", "user", "username"), ("people", "user", "password")}


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)) or field.choices:
            continue
        if isinstance(field, (models.EmailField, models.URLField, models.SlugField)) or field.primary_key:
            continue
        if (model._meta.app_label, model._meta.model_name, field.name) in SKIP_FIELDS:
            continue
        yield field


def poison_every_text_field() -> int:
    poisoned = 0
    for model in [m for label in ("people", "actionplan", "review") for m in apps.get_app_config(label).get_models()]:
        if model.__name__.startswith("Historical"):
            continue
        fields = list(_text_fields(model))
        if not fields:
            continue
        for index, obj in enumerate(model._default_manager.all()):
            for field in fields:
                value = PAYLOAD + (str(index) if field.unique else "")
                setattr(obj, field.attname, value[: field.max_length] if field.max_length else value)
                poisoned += 1
            obj.save()
    return poisoned


def check_response(url, response) -> list[str]:
    kind = response.get("Content-Type", "")
    if getattr(response, "streaming", False):
        # A file download: whatever it holds, the browser must save it, not render it as a page.
        body = b"".join(response.streaming_content)
        disposition = response.get("Content-Disposition", "")
        if "text/html" in kind or (LIVE.encode() in body and not disposition.startswith("attachment")):
            return [f"{url}: a download the browser would render ({kind!r}, {disposition!r})"]
        return []
    body = response.content
    if "text/html" in kind:
        return [f"{url}: a live <script> from stored text"] if LIVE in body.decode() else []
    if "text/csv" in kind:
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
        return [
            f"{url}: CSV cell {cell!r} would run as a formula"
            for row in rows
            for cell in row
            if "xss()" in cell and cell.startswith(FORMULA_START)
        ]
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        problems = []
        for sheet in load_workbook(io.BytesIO(body)).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    # Text typed as a string and marked with Excel's quote prefix stays text, even when edited.
                    if (
                        isinstance(cell.value, str)
                        and "xss()" in cell.value
                        and (cell.data_type != "s" or (cell.value.startswith(FORMULA_START) and not cell.quotePrefix))
                    ):
                        problems.append(f"{url}: Excel cell {cell.coordinate} {cell.value!r} is a formula")
        return problems
    if "wordprocessingml" in kind:
        from docx import Document

        text = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
        tables = "\n".join(c.text for t in Document(io.BytesIO(body)).tables for r in t.rows for c in r.cells)
        return [] if "xss()" in text + tables else [f"{url}: the Word file lost the text it should show"]
    return []


@pytest.fixture
def poisoned(world):
    records = add_records(world)
    assert poison_every_text_field() > 50
    return records


def test_stored_text_is_escaped_in_every_page_and_inert_in_every_export(client, poisoned):
    client.raise_request_exception = False
    problems, seen_escaped, exports = [], set(), set()
    pages = reachable(poisoned)
    for name in ("ada", "maya", "olivia"):
        client.force_login(getattr(poisoned, name))
        for route, url in pages:
            response = client.get(url)
            problems += check_response(url, response)
            if "text/html" in response.get("Content-Type", ""):
                html = response.content.decode()
                if ESCAPED in html:
                    seen_escaped.add(route.name)
                exports.update(export_links(html))
        for url in sorted(exports):
            for variant in {url, url.replace("csv", "xlsx"), url.replace("xlsx", "csv")}:
                problems += check_response(variant, client.get(variant))
    assert seen_escaped, "The corpus never reached a page"
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_check_would_catch_a_live_script():
    """Guards the guard: an unescaped payload is reported."""
    from django.http import HttpResponse

    assert check_response("/x", HttpResponse(f"<p>{LIVE}</p>", content_type="text/html"))
    assert check_response("/x.csv", HttpResponse(PAYLOAD, content_type="text/csv"))
    assert not check_response("/x.csv", HttpResponse("'" + PAYLOAD, content_type="text/csv"))
