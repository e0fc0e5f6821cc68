"""A runtime guard, over every test, that no write to an audited table goes without its history.

Installed as a database execute wrapper (tests/conftest.py), it reads each INSERT, UPDATE and
DELETE the test's connection runs, on SQLite and PostgreSQL alike:

- a write to an audited table owes that many rows to its history table (an UPDATE that only sets
  columns the history leaves out, such as a user's last_login, owes nothing);
- a write to a many-to-many table recorded in history owes one row to the owner's history table;
- an INSERT into a history table pays what its table owes, so bulk_create_with_history and
  bulk_update_with_history, which write history in bulk, pass;
- an UPDATE or DELETE on a history table is history rewound, and always fails.

Whatever is still owed when a savepoint is released (the end of every service's atomic block inside
a test) or when the test's body ends fails the test, naming the statements. A rollback forgives
what it undid. So raw SQL, QuerySet.update(), bulk_create/bulk_update,
save_without_historical_record() and a disconnected history signal are all caught, however they
are written. It costs one string comparison for each SELECT.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps

WRITE = re.compile(r"\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[\"`]?(\w+)[\"`]?", re.IGNORECASE)
INSERT_COLUMNS = re.compile(r"\s*INSERT\s+INTO\s+\S+\s*\(([^)]*)\)", re.IGNORECASE)
SET_CLAUSE = re.compile(r"\bSET\b(.*?)(?:\bWHERE\b|$)", re.IGNORECASE | re.DOTALL)
SET_COLUMN = re.compile(r"[\"`]?(\w+)[\"`]?\s*=")
SAVEPOINT = re.compile(r"\s*(SAVEPOINT|RELEASE\s+SAVEPOINT|ROLLBACK\s+TO\s+SAVEPOINT)\s+[\"`]?(\w+)", re.IGNORECASE)


class HistoryNotWritten(AssertionError):
    """An audited table was written without its history."""


@dataclass(frozen=True)
class AuditedTables:
    history_of: dict  # audited table -> its history table
    unrecorded_columns: dict  # audited table -> columns its history leaves out
    m2m_history_of: dict  # many-to-many table recorded in history -> the owner's history table
    history_tables: frozenset

    @classmethod
    def of_this_project(cls) -> "AuditedTables":
        history_of, unrecorded, m2m = {}, {}, {}
        for model in apps.get_models():
            manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
            if manager_name is None:
                continue
            history_model = getattr(model, manager_name).model
            table, history_table = model._meta.db_table, history_model._meta.db_table
            history_of[table] = history_table
            recorded = {f.column for f in history_model._meta.concrete_fields}
            unrecorded[table] = frozenset(f.column for f in model._meta.concrete_fields if f.column not in recorded)
            for m2m_field in getattr(history_model, "_history_m2m_fields", ()):
                m2m[m2m_field.remote_field.through._meta.db_table] = history_table
        history_tables = {
            m._meta.db_table for m in apps.get_models() if m._meta.db_table.split("_", 1)[-1].startswith("historical")
        }
        return cls(history_of, unrecorded, m2m, frozenset(history_tables))


@dataclass
class HistoryGuard:
    tables: AuditedTables
    owed: dict = field(default_factory=lambda: defaultdict(int))  # history table -> rows owed
    owed_by: dict = field(default_factory=lambda: defaultdict(list))  # history table -> statements
    rewound: list = field(default_factory=list)
    savepoints: dict = field(default_factory=dict)

    def __call__(self, execute, sql, params, many, context):
        if sql[:6] in ("SELECT", "select"):
            return execute(sql, params, many, context)
        result = execute(sql, params, many, context)
        # Only what the database accepted: a statement that raised wrote nothing.
        self._account(sql, params, many, context)
        return result

    def _account(self, sql, params, many, context):
        write = WRITE.match(sql)
        if write is None:
            savepoint = SAVEPOINT.match(sql)
            if savepoint is not None:
                self._savepoint(savepoint.group(1).split()[0].upper(), savepoint.group(2))
            return
        verb, table = write.group(1).split()[0].upper(), write.group(2).lower()
        tables = self.tables
        if table in tables.history_tables:
            if verb == "INSERT":
                self._pay(table, _rows_inserted(sql, params, many))
            else:
                self.rewound.append(_short(sql))
            return
        rows = _rows_inserted(sql, params, many) if verb == "INSERT" else _rows_changed(context)
        if rows == 0:
            return
        if table in tables.history_of:
            if verb == "UPDATE" and _set_columns(sql) <= tables.unrecorded_columns[table]:
                return
            self._owe(tables.history_of[table], rows, sql)
        elif table in tables.m2m_history_of:
            self._owe(tables.m2m_history_of[table], 1, sql)

    def _owe(self, history_table, rows, sql):
        self.owed[history_table] += rows
        self.owed_by[history_table].append(_short(sql))

    def _pay(self, history_table, rows):
        left = self.owed.get(history_table, 0) - rows
        if left <= 0:
            self.owed.pop(history_table, None)
            self.owed_by.pop(history_table, None)
        else:
            self.owed[history_table] = left

    def _savepoint(self, verb, name):
        if verb == "SAVEPOINT":
            self.savepoints[name] = self._snapshot()
        elif verb == "ROLLBACK":
            owed, owed_by, rewound = self.savepoints.get(name, ({}, {}, []))
            self.owed, self.owed_by = defaultdict(int, owed), defaultdict(list, owed_by)
            self.rewound = list(rewound)
        else:  # RELEASE: the block's writes are kept, so their history must be there too.
            self.savepoints.pop(name, None)
            self.check()

    def _snapshot(self):
        return dict(self.owed), {k: list(v) for k, v in self.owed_by.items()}, list(self.rewound)

    def check(self) -> None:
        """Fail if anything written so far has no history; then start afresh."""
        problems = [f"history rewound: {sql}" for sql in self.rewound]
        problems += [
            f"{rows} row(s) without history in {history_table}, written by: " + " | ".join(self.owed_by[history_table])
            for history_table, rows in self.owed.items()
        ]
        self.owed, self.owed_by, self.rewound = defaultdict(int), defaultdict(list), []
        if problems:
            raise HistoryNotWritten(
                "Audited records changed without their history (save() each object, or use the "
                "*_with_history helpers):\n" + "\n".join(problems)
            )


def _rows_inserted(sql, params, many) -> int:
    if many:
        return len(params)
    if not params:
        return 1
    if "UNNEST(" in sql.upper():
        # PostgreSQL's bulk insert passes one array per column.
        return max(1, len(params[0]))
    columns = INSERT_COLUMNS.match(sql)
    if columns is None:
        return 1
    return max(1, len(params) // (columns.group(1).count(",") + 1))


def _rows_changed(context) -> int:
    rowcount = getattr(context.get("cursor"), "rowcount", -1)
    return 1 if rowcount is None or rowcount < 0 else rowcount


def _set_columns(sql) -> set:
    clause = SET_CLAUSE.search(sql)
    return set(SET_COLUMN.findall(clause.group(1))) if clause else set()


def _short(sql) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= 140 else text[:137] + "..."
