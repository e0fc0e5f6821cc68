"""A migration operation for the search's full-text indexes, which exist on PostgreSQL only.

The index is built from the same `SearchVector(..., config="english")` the search filters on, compiled
by Django in both places, so PostgreSQL sees one expression and uses the index. On SQLite (which has
no GIN indexes nor to_tsvector, and searches with LIKE) the operation does nothing. It changes no
model state, so `makemigrations` never asks for it again."""

from django.db import migrations


def search_vector(*fields: str):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*fields, config="english")


class AddSearchIndexOnPostgres(migrations.operations.base.Operation):
    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str, name: str, fields: list[str]):
        self.model_name = model_name
        self.name = name
        self.fields = list(fields)

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name, "name": self.name, "fields": self.fields}

    def state_forwards(self, app_label, state):
        pass

    def _index(self):
        from django.contrib.postgres.indexes import GinIndex

        return GinIndex(search_vector(*self.fields), name=self.name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(to_state.apps.get_model(app_label, self.model_name), self._index())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(from_state.apps.get_model(app_label, self.model_name), self._index())

    def describe(self):
        return f"Create full-text index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return self.name.lower()
