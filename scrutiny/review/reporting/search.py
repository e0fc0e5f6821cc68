"""Search across the plan and the review's records, limited to what the person may see.

On PostgreSQL: full-text search in the English configuration (`websearch_to_tsquery`, so quotes,
`or` and `-word` work and nothing typed is a syntax error), ranked by `ts_rank`, with snippets cut by
`ts_headline`. On SQLite: every word must appear (anywhere in the record, any case), newest first,
with a snippet cut around the first word found.

Snippets are the records' own words: they are escaped here, and only the highlight markers this
module put in become <mark>. Queries are the same in number however many records match: two per
kind (a count and one capped page), plus one per review with draft notes that match (see
`search_kinds`)."""

import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from scrutiny.core.search_indexes import search_vector

from .search_kinds import KINDS, KINDS_BY_KEY, Kind

GROUP_LIMIT = 20  # results per kind on the page of every kind
PAGE_SIZE = 50  # results per page when one kind is shown
MAX_TERMS = 8
SNIPPET_CHARS = 240
# Private-use characters: nobody types them, so only the highlights this module asks for become <mark>.
START, STOP = "\ue000", "\ue001"
MARKED = re.compile(f"{START}(.*?){STOP}", re.S)
SEPARATOR = " — "


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString


@dataclass
class Group:
    kind: Kind
    count: int
    hits: list
    page: object = None  # a Paginator page when one kind is shown

    @property
    def more(self) -> int:
        return self.count - len(self.hits) if self.page is None else 0


@dataclass
class Results:
    query: str
    groups: list  # every kind searched, with its count (0 included)
    one_kind: Kind | None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def found(self) -> list:
        return [group for group in self.groups if group.count]


def terms_of(text: str) -> list[str]:
    return re.findall(r"\w+", text)[:MAX_TERMS]


def uses_full_text(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _joined(fields):
    """The record's own words as one text, for the snippet: empty fields left out."""
    if len(fields) == 1:
        return F(fields[0])
    parts = [NullIf(F(name), Value("")) for name in fields]
    return Func(Value(SEPARATOR), *parts, function="CONCAT_WS", output_field=TextField())


def own_words_matching(model, kind: Kind, query):
    """The records whose own words match: the filter is exactly the expression of the model's GIN index."""
    return model._default_manager.annotate(search=search_vector(*kind.text_fields)).filter(search=query)


def _full_text_match(model, kind: Kind, query, text: str) -> Q:
    """Exactly main's match (the record's words and its agency's name, as one text, match the query),
    but through the record's own GIN index (see `search_indexes`) whenever it can be. A record whose
    agency's name holds none of the query's words matches just as its own words do: an index lookup.
    Only records of agencies named by some word (agencies are few) are matched on the joined text,
    so "UHCW discharge" still finds UHCW's discharge action."""
    from django.contrib.postgres.search import SearchQuery

    own_match = Q(pk__in=own_words_matching(model, kind, query).values("pk"))
    if not kind.also_fields:
        return own_match
    relation = kind.also_fields[0].split("__")[0]
    related = model._meta.get_field(relation).related_model
    names = [name.split("__", 1)[1] for name in kind.also_fields]
    any_word = None
    for word in re.findall(r"\w+", text):
        word_query = SearchQuery(word, config="english")
        any_word = word_query if any_word is None else any_word | word_query
    if any_word is None:
        return own_match
    named = related._default_manager.annotate(search=search_vector(*names)).filter(search=any_word).values("pk")
    # "joined_search" is the record's words and its agency's name as one vector (see `_full_text`).
    return (own_match & ~Q(**{f"{relation}__in": named})) | Q(**{f"{relation}__in": named}, joined_search=query)


def _full_text(queryset, kind: Kind, text: str):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    query = SearchQuery(text, config="english", search_type="websearch")
    if kind.also_fields:
        queryset = queryset.alias(joined_search=search_vector(*kind.fields))
    matched = queryset.filter(_full_text_match(queryset.model, kind, query, text))
    ranked = matched.annotate(
        rank=SearchRank(SearchVector(*kind.fields, config="english"), query),
        headline=SearchHeadline(
            _joined(kind.text_fields),
            query,
            config="english",
            start_sel=START,
            stop_sel=STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    ).order_by("-rank", "-pk")
    return matched, ranked


def _simple(queryset, kind: Kind, text: str):
    terms = terms_of(text)
    if not terms:
        return queryset.none(), queryset.none()
    matched = queryset
    for term in terms:
        anywhere = Q()
        for name in kind.fields:
            anywhere |= Q(**{f"{name}__icontains": term})
        matched = matched.filter(anywhere)
    return matched, matched.order_by("-pk")


def _window(text: str, terms: list[str]) -> str:
    """About SNIPPET_CHARS of the text around the first word found, the words found marked."""
    text = " ".join(text.split())
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I) if terms else None
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (found.start() if found else len(text)) else start
    end = start + SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    if pattern:
        window = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", window)
    return ("… " if start else "") + window + (" …" if end < len(text) else "")


def as_html(marked: str) -> SafeString:
    """Escape the record's words; only this module's markers become <mark>."""
    pieces = MARKED.split(" ".join(marked.split()))
    html = []
    for index, piece in enumerate(pieces):
        piece = escape(piece.replace(START, "").replace(STOP, ""))
        html.append(f"<mark>{piece}</mark>" if index % 2 else piece)
    return mark_safe("".join(html))  # noqa: S308 (every piece escaped above)


def _snippet(record, kind: Kind, terms: list[str]) -> SafeString:
    headline = getattr(record, "headline", None)
    if headline is None:
        words = [str(getattr(record, name) or "") for name in kind.text_fields]
        headline = _window(SEPARATOR.join(w for w in words if w.strip()), terms)
    return as_html(headline)


def search(user, text: str, *, only: str | None = None, page_number=None) -> Results:
    """Every kind (each capped at GROUP_LIMIT), or one kind a page at a time."""
    one_kind = KINDS_BY_KEY.get(only or "")
    terms = terms_of(text)
    groups = []
    for kind in [one_kind] if one_kind else KINDS:
        visible = kind.visible(user)
        engine = _full_text if uses_full_text(visible) else _simple
        matched, ordered = engine(visible, kind, text)
        ordered = ordered.select_related(*kind.related)
        page = None
        if one_kind:
            page = Paginator(ordered, PAGE_SIZE).get_page(page_number)
            count, rows = page.paginator.count, list(page.object_list)
        else:
            count = matched.count()
            rows = list(ordered[:GROUP_LIMIT]) if count else []
        hits = [Hit(kind.title(row), kind.url(row), _snippet(row, kind, terms)) for row in rows]
        groups.append(Group(kind=kind, count=count, hits=hits, page=page))
    return Results(query=text, groups=groups, one_kind=one_kind)
