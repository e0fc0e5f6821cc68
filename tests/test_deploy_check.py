"""`manage.py check --deploy` is clean with production settings (DEBUG off, real secret, one host)."""

import os
import secrets

import pytest

from .process_helpers import manage, with_django

# Set by the test run itself (conftest allows the ORM beside Playwright's loop): not production's.
TEST_ONLY_VARIABLES = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="scrutiny.example.org",
        VAR_DIR=str(tmp_path / "var"),
    )
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(["check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_catches_a_weak_setting(tmp_path):
    """The check is live: turning HSTS off makes it fail."""
    result = manage(["check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path, SECURE_HSTS_SECONDS="0"))
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_settings_are_hardened(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_CONTENT_TYPE_NOSNIFF, "
        "'scrutiny.core.security.ContentSecurityPolicyMiddleware' in s.MIDDLEWARE, "
        "'scrutiny.core.security.SessionIdleTimeoutMiddleware' in s.MIDDLEWARE, s.SESSION_IDLE_TIMEOUT, "
        "s.AUTHENTICATION_BACKENDS, s.CACHES['default']['BACKEND'], len(s.AUTH_PASSWORD_VALIDATORS))"
    )
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="scrutiny.settings")
    result = with_django(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "True True True True True True 1800 ['scrutiny.people.signin.ThrottlingBackend', 'django.contrib.auth.backends.ModelBackend'] "
        "django.core.cache.backends.db.DatabaseCache 4"
    )


def test_uploads_go_to_s3_compatible_storage_by_setting(tmp_path):
    pytest.importorskip("storages", reason="django-storages[s3] is not installed")
    code = "from django.core.files.storage import default_storage as d; b = d.bucket_name; print(type(d._wrapped).__name__, b, d.endpoint_url)"
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="scrutiny.settings",
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME="council-evidence",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    result = with_django(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "S3Storage council-evidence https://s3.example.org"
