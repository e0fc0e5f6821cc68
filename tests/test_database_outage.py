"""The database going away mid-session gives a clear "try again" page, and the service recovers by
itself when it returns, with no restart (CONN_HEALTH_CHECKS drops the dead connection).

It stops the real PostgreSQL server for a few seconds, so it runs only when RUN_DB_OUTAGE_TEST=1
(CI sets it): other work sharing the server would notice the outage.
"""

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connections

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("RUN_DB_OUTAGE_TEST") != "1", reason="stops PostgreSQL: set RUN_DB_OUTAGE_TEST=1"
    ),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the outage test needs PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),  # the data must survive the server's restart
]


def cluster(action: str):
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[0]
    subprocess.run(
        [
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            version,
            "main",
            action,
            *(["-m", "fast"] if action == "stop" else []),
        ],
        check=True,
        timeout=60,
    )


def wait_until_ready(seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0:
            return
        time.sleep(0.2)
    raise AssertionError("PostgreSQL did not come back")


def get(url, session_cookie):
    """A real HTTP request to the live server: its request cycle checks connections as production's does."""
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session_cookie}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_database_outage_gives_a_try_again_page_and_the_service_recovers(client, live_server, world):
    client.force_login(world.olivia)
    cookie = client.cookies["sessionid"].value
    home = live_server.url + "/"
    assert get(home, cookie)[0] == 200

    cluster("stop")
    try:
        during = get(home + "?page=2", cookie)
        again = get(home, cookie)
    finally:
        cluster("start")
        wait_until_ready()
        connections.close_all()  # this test's own connection died with the server; the teardown needs a new one

    assert during[0] == 503
    assert "Sorry, the service is unavailable for a moment" in during[1]
    assert 'href="/?page=2">Try again</a>' in during[1]
    assert again[0] == 503
    status, page = get(home, cookie)
    assert status == 200  # reconnected by itself, and still signed in
    assert "Olivia Okafor" in page
