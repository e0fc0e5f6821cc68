"""Shared by the security tests: every URL pattern of the project, with its path arguments filled
with real objects of the right kind from the factories' world.

The list is walked from the resolver when the tests run, so pages added later are covered
without editing this file. Path arguments are filled by their name (`action_pk`, `meeting_id`)
or, for a bare `pk`/`id`, by the first kind of record the URL name mentions (`meeting_notes` ->
a meeting); OBJECT_FOR_URL overrides the guess where a name misleads.
"""

import datetime
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actionplan.models import Evidence, ProgressUpdate
from scrutiny.review.models import (
    Attendance,
    NoteItem,
    Recommendation,
    ReviewArea,
)
from scrutiny.review.services.report_text import save_report_text

from .factories import ask, conclude

# The pages about one review that need nothing but its id: each says which review in its address.
REVIEW_PAGES = [
    "dashboard",
    "changes_since",
    "plan_as_at",
    "agencies_side_by_side",
    "conclusions_table",
    "request_list",
    "recommendation_list",
    "meeting_list",
]
# URL names that anyone may open without signing in.
PUBLIC_URL_NAMES = {
    "login",
    "logout",
    "admin:login",
    "admin:logout",
    "admin:password_reset",
    # A forgotten password is reset before signing in.
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}

# Words in URL names, first match wins, and the world's record each stands for.
KIND_WORDS = [
    ("conclusions_table_for_review", "review"),
    ("evidence", "evidence"),
    ("update", None),  # "..._update" is a verb; "progress_update" below is the noun
    ("progress", "progress_update"),
    ("conclusion", "conclusion"),
    ("request", "info_request"),
    ("recommendation", "recommendation"),
    ("note", "note_item"),
    ("attendance", "attendance"),
    ("meeting", "meeting"),
    ("review", "review"),
    ("action", "action"),
    ("area", "area"),
    ("plan", "plan"),
    ("agency", "agency"),
    ("inspection", "inspection"),
    ("person", "person"),
    ("people", "person"),
    ("theme", "theme"),
    ("user", "user"),
]
# Where the name misleads: URL name -> kind for its bare pk.
OBJECT_FOR_URL = {
    "conclusions_table_for_review": "review",
    "review_area_update": "review",
    "prep_pack": "meeting",
    "evidence_add": "action",
}

# Documents come as Word or PDF, tables as CSV or Excel.
FORMAT_FOR_URL = {"meeting_agenda": "docx", "meeting_notes_export": "docx", "review_report": "docx"}
# Parameter names that are not a kind's own name: `item_pk` in meeting notes is a notes item.
PARAM_ALIASES = {"item": "note_item", "update": "progress_update", "request": "info_request", "file": "evidence"}

XSS = '"><script>xss()</script>'


@dataclass(frozen=True)
class Route:
    name: str  # qualified, e.g. "admin:index"
    route: str
    params: tuple[str, ...]

    @property
    def namespace(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""


def _params(pattern) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None and (converters or not hasattr(pattern.pattern, "regex")):
        return tuple(converters)
    return tuple(pattern.pattern.regex.groupindex)


def all_routes(include_admin: bool = True) -> list[Route]:
    routes: list[Route] = []

    def walk(resolver, prefix, namespace, params):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                if pattern.namespace == "admin" and not include_admin:
                    continue
                walk(pattern, prefix + str(pattern.pattern), ns, params + _params(pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                routes.append(Route(namespace + pattern.name, prefix + str(pattern.pattern), params + _params(pattern)))

    walk(get_resolver(), "", "", ())
    seen, unique = set(), []
    for route in routes:
        if route.name not in seen:  # reverse() finds the first; later duplicates are unreachable by name
            seen.add(route.name)
            unique.append(route)
    return unique


def add_records(w: SimpleNamespace) -> SimpleNamespace:
    """The world plus one record of every kind a URL may name."""
    today = datetime.date.today()
    w.update = ProgressUpdate(action=w.wcc_action, author=w.olivia, status="in_progress", note="Caseload audit done.")
    w.update.save()
    w.evidence = Evidence(
        inspection=w.inspection,
        area=w.area1,
        action=w.wcc_action,
        title="Caseload report",
        provided_by_agency=w.wcc,
        original_filename="caseloads.txt",
        content_type="text/plain",
        file_size=5,
        added_by=w.olivia,
    )
    w.evidence.file.save("caseloads", ContentFile(b"hello"), save=False)
    w.evidence.save()
    w.conclusion = conclude(w, "satisfied", action=w.wcc_action, reasoning="Caseloads are manageable.")
    w.info_request = ask(
        w.review,
        w.wcc,
        "Please confirm the caseload figures.",
        meeting=w.last_meeting,
        action=w.wcc_action,
        raised_on=today,
        due_by=today + datetime.timedelta(days=7),
    )
    w.recommendation = Recommendation(review=w.review, number=1, text="Keep caseloads low.", addressed_to="Cabinet")
    w.recommendation.save()
    w.note_item = NoteItem(meeting=w.last_meeting, heading="Caseloads", area=w.area1, body="We heard about caseloads.")
    w.note_item.save()
    w.attendance = Attendance(meeting=w.last_meeting, person=w.maya_person, capacity="member", status="present")
    w.attendance.save()
    w.area_decision = ReviewArea(review=w.review, area=w.area1, pursued=True)
    w.area_decision.save()
    # The clerk's own text for some parts of the report, so "go back to the draft" has something to undo.
    for part, extra in (
        ("summary", {}),
        ("meeting", {"meeting": w.last_meeting}),
        ("recommendation", {"recommendation": w.recommendation}),
    ):
        save_report_text(actor=w.clara, review=w.review, part=part, text="The clerk's own words.", **extra)
    return w


def objects_by_kind(w) -> dict:
    return {
        "action": w.wcc_action,
        "meeting": w.last_meeting,
        "review": w.review,
        "area": w.area1,
        "plan": w.wcc_plan,
        "agency": w.wcc,
        "inspection": w.inspection,
        "person": w.olivia_person,
        "theme": w.safeguarding,
        "user": w.olivia,
        "evidence": w.evidence,
        "progress_update": w.update,
        "conclusion": w.conclusion,
        "info_request": w.info_request,
        "recommendation": w.recommendation,
        "note_item": w.note_item,
        "attendance": w.attendance,
    }


def kind_for_name(url_name: str) -> str | None:
    bare = url_name.split(":")[-1]
    if bare in OBJECT_FOR_URL:
        return OBJECT_FOR_URL[bare]
    positions = []
    for word, kind in KIND_WORDS:
        for match in re.finditer(word, bare):
            positions.append((match.start(), -len(word), kind))
    positions.sort()
    for _start, _length, kind in positions:
        if kind:
            return kind
    return None


def fill(route: Route, w) -> dict | None:
    """Keyword arguments for reverse(), or None when a parameter cannot be filled sensibly."""
    objects = objects_by_kind(w)
    kwargs = {}
    for param in route.params:
        base = re.sub(r"_(pk|id)$", "", param)
        if param in ("pk", "id", "object_id"):
            kind = kind_for_name(route.name)
            if kind is None:
                return None
            kwargs[param] = objects[kind].pk
        elif base in objects:
            kwargs[param] = objects[base].pk
        elif base in PARAM_ALIASES:
            kwargs[param] = objects[PARAM_ALIASES[base]].pk
        elif param.endswith(("_pk", "_id")) and kind_for_name(base):
            kwargs[param] = objects[kind_for_name(base)].pk
        elif param in ("fmt", "format", "file_format") and not route.namespace:
            kwargs[param] = FORMAT_FOR_URL.get(route.name, "csv")
        elif param == "kind" and not route.namespace:
            kwargs[param] = "final"
        elif param == "part" and not route.namespace:
            kwargs[param] = "summary"  # a part of the report's narrative
        elif param in ("year",):
            kwargs[param] = datetime.date.today().year
        elif param in ("date", "since"):
            kwargs[param] = (datetime.date.today() - datetime.timedelta(days=14)).isoformat()
        else:
            return None
    return kwargs


def url_for(route: Route, w) -> str | None:
    kwargs = fill(route, w)
    if kwargs is None:
        return None
    try:
        return reverse(route.name, kwargs=kwargs)
    except Exception:  # a converter refusing our value: not a URL we can reach this way
        return None


def reachable(w, include_admin: bool = False) -> list[tuple[Route, str]]:
    result = []
    for route in all_routes(include_admin=include_admin):
        url = url_for(route, w)
        if url is not None:
            result.append((route, url))
    return result


# --- Reading forms out of pages ------------------------------------------------------------------


@dataclass
class FormField:
    name: str
    tag: str
    type: str
    value: str
    options: list


@dataclass
class PageForm:
    action: str
    method: str
    enctype: str
    fields: list


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[PageForm] = []
        self.links: list[str] = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form":
            self._form = PageForm(a.get("action") or "", (a.get("method") or "get").lower(), a.get("enctype") or "", [])
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            field = self._existing(a["name"]) if kind in ("radio", "checkbox") else None
            if field is None:
                field = FormField(a["name"], "input", kind, a.get("value") or "", [])
                self._form.fields.append(field)
            if kind in ("radio", "checkbox"):
                field.options.append(a.get("value") or "on")
        elif tag == "select" and a.get("name"):
            self._select = FormField(a["name"], "select", "multiple" if "multiple" in a else "select", "", [])
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = FormField(a["name"], "textarea", "textarea", "", [])
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def _existing(self, name):
        return next((f for f in self._form.fields if f.name == name), None)


def parse_page(html: str) -> _FormParser:
    parser = _FormParser()
    parser.feed(html)
    return parser


def post_forms(html: str, url: str) -> list[PageForm]:
    """The page's POST forms that post back to the page itself (not the menu's sign-out)."""
    forms = []
    for form in parse_page(html).forms:
        target = form.action.split("?")[0] or url.split("?")[0]
        if form.method == "post" and target == url.split("?")[0]:
            forms.append(form)
    return forms


EXPORT_HINTS = ("export", ".csv", ".xlsx", ".docx", "format=", "download")


def export_links(html: str) -> list[str]:
    return sorted(
        {
            href
            for href in parse_page(html).links
            if href.startswith("/") and not href.startswith("//") and any(h in href.lower() for h in EXPORT_HINTS)
        }
    )
