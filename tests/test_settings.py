"""Settings refuse to start production without what it needs, and read the database from DATABASE_URL."""

import os

from .process_helpers import manage, with_django


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    environment.update(env)
    return manage(["check"], environment)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DEBUG="0", ALLOWED_HOSTS="scrutiny.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check(DEBUG="0", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_development_needs_nothing_set():
    assert run_check().returncode == 0


def test_database_url_switches_the_engine():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/anything",
        "DJANGO_SETTINGS_MODULE": "scrutiny.settings",
    }
    result = with_django(code, env)
    assert result.stdout.strip() == "django.db.backends.postgresql"
