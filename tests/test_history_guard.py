"""History that loses nothing: no QuerySet.update(), bulk_create/bulk_update or F() writes on
audited models in the project's code (they bypass save() and so write no history rows).

The scan reads the code's syntax tree, so it flags writes, not look-alikes: F() inside a
CheckConstraint condition, an order_by or an annotation is a read; dict.update() is not a query.

The runtime guard (tests/history_guard.py) catches every bypass a test runs, however it is written;
this scan still adds what no test runs: it reads all the project's code."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "actionplan", ROOT / "scrutiny"]
# Calls that yield a queryset or manager: `.update()` on their result is a QuerySet.update().
QUERYSET_CALLS = {
    "objects",
    "filter",
    "exclude",
    "all",
    "select_for_update",
    "order_by",
    "select_related",
    "prefetch_related",
    "annotate",
    "distinct",
    "using",
    "none",
    "for_agency",
    "for_inspection",
    "open",
    "overdue",
    "due_before",
    "awaited",
    "received",
    "upcoming",
    "past",
    "history",
    "_default_manager",
}
BULK_WRITES = {"bulk_create", "bulk_update"}
ALLOWED_HELPERS = {"bulk_create_with_history", "bulk_update_with_history"}


def _chain(node) -> list[str]:
    """Names along `a.b().c.d(...)`, innermost first."""
    names = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return list(reversed(names))
        else:
            return list(reversed(names))


def _is_f_call(node) -> bool:
    return isinstance(node, ast.Call) and (
        (isinstance(node.func, ast.Name) and node.func.id == "F")
        or (isinstance(node.func, ast.Attribute) and node.func.attr == "F")
    )


def _contains_f(node) -> bool:
    return any(_is_f_call(child) for child in ast.walk(node))


def _looks_like_queryset(receiver, model_names) -> bool:
    chain = _chain(receiver)
    if not chain:
        return False
    if any(name in QUERYSET_CALLS for name in chain):
        return True
    if chain[0] in model_names:
        return True
    return chain[-1].endswith(("_set", "queryset", "_qs")) or chain[-1] == "qs"


def history_bypasses(source: str, model_names: set[str]) -> list[tuple[int, str]]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in BULK_WRITES:
                problems.append((node.lineno, f".{name}() writes no history; use {name}_with_history()"))
            elif name == "update" and _looks_like_queryset(node.func.value, model_names):
                problems.append((node.lineno, "QuerySet.update() writes no history; save each object"))
            elif name == "update" and any(_contains_f(kw.value) for kw in node.keywords):
                problems.append((node.lineno, "update() with F() writes no history"))
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) for t in targets) and _contains_f(node.value):
                problems.append((node.lineno, "an F() expression saved into a field: save a value instead"))
    return problems


def audited_model_names() -> set[str]:
    from django.apps import apps

    return {model.__name__ for model in apps.get_models() if hasattr(model, "history")}


def project_files():
    for folder in SCANNED:
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_project_code_writes_around_history():
    names = audited_model_names()
    assert {"Action", "Evidence", "ProgressUpdate", "Meeting"} <= names
    found = [
        f"{path.relative_to(ROOT)}:{line}: {message}"
        for path in project_files()
        for line, message in history_bypasses(path.read_text(encoding="utf-8"), names)
    ]
    assert not found, "\n".join(found)


# The guard itself: it must catch each way round history, and leave harmless code alone.


@pytest.mark.parametrize(
    "code",
    [
        "Action.objects.filter(pk=1).update(status='completed')",
        "Action.objects.update(rag='red')",
        "action.progress_updates.all().update(note='x')",
        "self.filter(status='open').update(status='closed')",
        "qs.update(rag='red')",
        "Evidence.objects.bulk_create(items)",
        "Action.objects.bulk_update(actions, ['status'])",
        "thing.update(version=F('version') + 1)",
        "action.version = F('version') + 1",
        "action.version = models.F('version') + 1",
    ],
)
def test_the_guard_catches_writes_that_skip_history(code):
    assert history_bypasses(code, {"Action", "Evidence"})


@pytest.mark.parametrize(
    "code",
    [
        "data.update({'a': 1})",
        "context.update(form=form)",
        "kwargs.update(initial)",
        "models.CheckConstraint(condition=Q(end__gte=models.F('start')), name='x')",
        "qs.order_by(F('target_date').asc(nulls_last=True))",
        "qs.annotate(slip=F('new_date') - F('old_date'))",
        "bulk_create_with_history(objs, Action)",
        "bulk_update_with_history(objs, Action, ['status'])",
        "action.status = 'completed'",
    ],
)
def test_the_guard_leaves_harmless_code_alone(code):
    assert history_bypasses(code, {"Action", "Evidence"}) == []
