"""Run the stand-in provider: `python -m tests.oidc_provider_site.serve CONFIG.json`.

Makes its database, its RSA signing key, the users and the client named in the config, then
serves on a free port of 127.0.0.1 and prints `PORT <n>` once it is listening."""

import io
import json
import os
import sys
from pathlib import Path


def main(config_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider_site.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from oidc_provider.models import Client, ResponseType

    config = json.loads(Path(config_path).read_text())
    call_command("migrate", verbosity=0)
    call_command("creatersakey", stdout=io.StringIO())
    for person in config["users"]:
        get_user_model().objects.create_user(**person)
    client = Client.objects.create(
        name=config["client_name"],
        client_type="confidential",
        client_id=config["client_id"],
        client_secret=config["client_secret"],
        jwt_alg="RS256",
        require_consent=True,
        reuse_consent=False,
    )
    client.redirect_uris = config["redirect_uris"]
    client.save()
    client.response_types.add(ResponseType.objects.get(value="code"))

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(get_wsgi_application())
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
