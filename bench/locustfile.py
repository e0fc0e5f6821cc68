"""The load run (bench/load.py starts it): officers updating actions and adding evidence, members
reading the dashboard, the changes and the pack, a clerk downloading the papers.

Signed-in sessions, action ids and paths come from the JSON file named by BENCH_LOCUST_CONFIG. The
site runs with production settings behind no TLS proxy, so every request says it came over HTTPS
(X-Forwarded-Proto) and cookies are sent by hand: the client would not send Secure cookies over HTTP.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

with open(os.environ["BENCH_LOCUST_CONFIG"]) as config_file:
    CONFIG = json.load(config_file)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
CONFLICT = "Someone else updated this action while you were editing it"
_sessions = {role: itertools.cycle(cookies) for role, cookies in CONFIG["sessions"].items()}


class SignedIn(HttpUser):
    abstract = True
    role = ""
    wait_time = between(2, 5)  # people read a page before asking for the next

    def on_start(self):
        officer = next(_sessions[self.role])
        self.cookies = {"sessionid": officer["session"]}
        self.actions = officer.get("actions", [])
        self.agency = officer.get("agency")

    def _headers(self, path: str) -> dict:
        return {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.host.split('://', 1)[1]}{path}",
        }

    def _keep_cookies(self, response):
        self.cookies.update(dict(response.cookies.items()))

    def get(self, path: str, name: str):
        with self.client.get(
            path, headers=self._headers(path), name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            self._keep_cookies(response)
            return response

    def post(self, path: str, data: dict, name: str):
        with self.client.post(
            path, data=data, headers=self._headers(path), name=name, allow_redirects=False, catch_response=True
        ) as response:
            # A saved form redirects; the conflict page (someone saved the action first) is an answer
            # too; anything else (a form sent back with errors, an error page) is a failure.
            if response.status_code == 302 or CONFLICT in response.text:
                response.success()  # Locust counts a 409 as a failure unless told it is an expected answer
            else:
                response.failure(f"HTTP {response.status_code}: not saved")
            self._keep_cookies(response)
            return response


class Officer(SignedIn):
    role = "officer"
    weight = 2

    @task(3)
    def update_an_action(self):
        pk = random.choice(self.actions)
        form = self.get(f"/actions/{pk}/update/", "Action update form")
        token, version = TOKEN.search(form.text), VERSION.search(form.text)
        if not (token and version):
            return
        self.post(
            f"/actions/{pk}/update/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "version": version.group(1),
                "status": "in_progress",
                "rag": random.choice(["red", "amber", "green"]),
                "note": "Progress reported during the load run.",
            },
            "Action update (save)",
        )

    @task(1)
    def add_evidence(self):
        pk = random.choice(self.actions)
        form = self.get(f"/actions/{pk}/evidence/add/", "Evidence form")
        token = TOKEN.search(form.text)
        if not token:
            return
        self.post(
            f"/actions/{pk}/evidence/add/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "title": "Minutes of the practice review",
                "kind": "verbal",
                "description": "Described at the team meeting.",
                "status": "received",
                "provided_by_agency": self.agency,
            },
            "Evidence (save)",
        )

    @task(2)
    def my_actions(self):
        self.get("/actions/", "My actions")

    @task(2)
    def action_page(self):
        self.get(f"/actions/{random.choice(self.actions)}/", "Action page")


def reads(path: str, name: str):
    """A task that reads the page CONFIG["paths"][path], counted under `name`."""

    def read(user: SignedIn):
        user.get(CONFIG["paths"][path], name)

    return read


class Member(SignedIn):
    role = "member"
    weight = 3
    tasks = [
        reads("dashboard", "Dashboard"),
        reads("changes", "Changes since the last meeting"),
        reads("pack", "Preparation pack"),
    ]


class Clerk(SignedIn):
    role = "clerk"
    fixed_count = 1  # one clerk
    wait_time = between(5, 10)  # papers are read for longer
    tasks = [reads("report_docx", "Final report (Word)"), reads("report_pdf", "Final report (PDF)")]
