"""A real OpenID Connect provider (django-oidc-provider) for the single sign-on tests: a separate
Django project with its own settings and SQLite database, run in a subprocess by
tests/oidc_provider.py. It stands in for Microsoft Entra ID; nothing of Scrutiny's is in it."""
