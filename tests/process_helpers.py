"""Running the project in a process of its own, as a server would start it, to test what its settings do."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(args, env) -> subprocess.CompletedProcess:
    """`python manage.py <args>` with exactly the environment `env`."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def with_django(code: str, env) -> subprocess.CompletedProcess:
    """Python `code` run once Django is set up with the environment `env` (which names the settings)."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
