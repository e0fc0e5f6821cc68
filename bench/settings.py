"""Production settings plus one extra URL, the minimal view the pages are compared against."""

from scrutiny.settings import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"
