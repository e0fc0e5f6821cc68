"""The ASGI entry point: `application`, with Scrutiny's settings unless DJANGO_SETTINGS_MODULE names others."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
application = get_asgi_application()
