"""The performance benchmark, in one command: `python bench/run.py` (or `make bench`).

For each scale (1x, 10x, 100x the demo: 20, 200, 2,000 actions; 100 history rows per action) it
builds a fresh PostgreSQL database, starts gunicorn on it with production settings, and times every
main page over HTTP as the first view after a change (someone saves an action before each request),
against the Django admin's action list with the same rows. In-process it counts the queries per page
and times the papers and exports, with their peak memory. At the largest scale it then runs the load
run (bench/load.py: Locust, 50 users, 60 s, 3 gunicorn workers). It writes bench/RESULTS.md.

Options: --scales 1,10,100  --requests 20  --users 50  --seconds 60  --no-load
         --database-url postgres://postgres@127.0.0.1:5432/scrutiny_bench
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from bench.report import ADMIN, write_results  # noqa: E402

# (label, URL name, keyword arguments from the generated ids, query string, who looks at it)
PAGES = [
    ("Home (portfolio)", "home", {}, "", "maya"),
    ("Dashboard", "dashboard", {"review_pk": "review"}, "", "maya"),
    ("My actions (officer)", "my_actions", {}, "", "olivia"),
    ("Action list (all actions)", "my_actions", {}, "", "ada"),
    (ADMIN, "admin:actionplan_action_changelist", {}, "", "ada"),
    ("Action page", "action_detail", {"pk": "action"}, "", "olivia"),
    ("Changes since the last meeting", "changes_since", {"review_pk": "review"}, "", "maya"),
    ("Preparation pack", "prep_pack", {"review_pk": "review", "pk": "next_meeting"}, "", "maya"),
    ("Table of conclusions", "conclusions_table", {"review_pk": "review"}, "", "maya"),
    ("Plan as it stood (a month ago)", "plan_as_at", {"review_pk": "review"}, "date=month_ago", "maya"),
    ("Recommendation register", "recommendation_list", {"review_pk": "review"}, "", "maya"),
    ("Search (member)", "search", {}, "q=health+assessments", "maya"),
    ("Search (officer)", "search", {}, "q=health+assessments", "olivia"),
]
PAPERS = [
    ("Final report (Word)", "review_report", {"review_pk": "review", "kind": "final", "fmt": "docx"}),
    ("Final report (PDF)", "review_report", {"review_pk": "review", "kind": "final", "fmt": "pdf"}),
    ("Action plan (CSV)", "plan_export", {"inspection_id": "inspection", "fmt": "csv"}),
    ("Action plan (Excel)", "plan_export", {"inspection_id": "inspection", "fmt": "xlsx"}),
    ("Conclusions (Excel)", "conclusions_export", {"review_pk": "review", "fmt": "xlsx"}),
]
USERS = ("ada", "olivia", "arjun", "maya", "clara")
PAPER_SKIP_SECONDS = 20


# --- Worker: runs inside Django against the bench database ----------------------------------------


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _resolve(name, kwargs, query, ids):
    import datetime

    from django.urls import reverse

    path = reverse(name, kwargs={k: ids.get(v, v) for k, v in kwargs.items()})
    month_ago = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    return path + ("?" + query.replace("month_ago", month_ago) if query else "")


def worker(task: str, ids_json: str | None):
    _setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.views import touch_an_action

    if task == "generate":
        from bench.generate import generate

        print(json.dumps(generate(int(ids_json))))
        return
    ids = json.loads(ids_json)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERS)}

    def client_for(username):
        client = Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")
        client.force_login(users[username])
        return client

    if task == "sessions":
        from actionplan.models import Action

        def officer(name):
            actions = list(
                Action.objects.filter(lead_agency_id=users[name].agency_id).values_list("pk", flat=True)[:200]
            )
            return {
                "session": client_for(name).cookies["sessionid"].value,
                "actions": actions,
                "agency": users[name].agency_id,
            }

        print(
            json.dumps(
                {
                    "pages": {name: client_for(name).cookies["sessionid"].value for name in users},
                    # Sessions for the load run: a person signed in on several machines is the same person.
                    "load": {
                        "officer": [officer("olivia" if n % 2 else "arjun") for n in range(10)],
                        "member": [{"session": client_for("maya").cookies["sessionid"].value} for _ in range(10)],
                        "clerk": [{"session": client_for("clara").cookies["sessionid"].value}],
                    },
                    "paths": {label: _resolve(name, kwargs, query, ids) for label, name, kwargs, query, _who in PAGES}
                    | {label: _resolve(name, kwargs, "", ids) for label, name, kwargs in PAPERS},
                }
            )
        )
    elif task == "queries":
        result = {}
        for label, name, kwargs, query, who in PAGES:
            url = _resolve(name, kwargs, query, ids)
            if url is None:
                continue
            client = client_for(who)
            client.get(url, secure=True)  # warm Python's own caches (templates, content types)
            touch_an_action(users["olivia"])
            with CaptureQueriesContext(connection) as first:
                status = client.get(url, secure=True).status_code
            result[label] = {"queries": len(first), "status": status, "path": url}
        print(json.dumps(result))
    elif task == "papers":
        import tracemalloc

        result = {}
        client = client_for("ada")
        for label, name, kwargs in PAPERS:
            url = _resolve(name, kwargs, "", ids)
            if url is None or label in ids.get("skip_papers", ()):
                continue
            client.get(url, secure=True)  # fonts and templates loaded once, as in a running server
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(url, secure=True)
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
            tracemalloc.start()
            client.get(url, secure=True)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            size = len(response.content) if not getattr(response, "streaming", False) else 0
            result[label] = {
                "status": response.status_code,
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,  # this process's own CPU: what the paper costs, whatever else runs
                "peak_mb": peak / 2**20,
                "bytes": size,
            }
        print(json.dumps(result))


# --- Orchestrator -------------------------------------------------------------------------------


def run(cmd, env, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, text=True, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def time_page(port, path, session, n) -> list[float]:
    """n timings of the page, each the first view after someone saved an action (two warm-up requests
    first), as a browser makes them: it keeps the cookies it is given."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cookies = {"sessionid": session}

    def get(method, url):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "X-Forwarded-Proto": "https",
            "Host": "127.0.0.1",
        }
        conn.request(method, url, headers=headers)
        response = conn.getresponse()
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status

    times, status = [], None
    for i in range(n + 2):
        get("POST", "/bench/touch/")
        started = time.perf_counter()
        status = get("GET", path)
        if i >= 2:
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return times


def summary(times) -> dict:
    return {"median_ms": statistics.median(times), "p95_ms": sorted(times)[max(0, int(len(times) * 0.95) - 1)]}


def start_gunicorn(env, workers: int):
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "scrutiny.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                raise
            time.sleep(0.2)


def stop(server):
    server.terminate()
    server.wait(timeout=60)


def worker_json(task, arg, env):
    out = run([PYTHON, __file__, "--worker", task, arg], env, capture_output=True).stdout
    return json.loads(out.splitlines()[-1])


def bench_scale(scale, args, base_env, load: bool, previous: dict | None) -> dict:
    db_url = args.database_url
    db_name = db_url.rsplit("/", 1)[1]
    pg = {**base_env, "PGHOST": "127.0.0.1", "PGUSER": "postgres"}
    run(["dropdb", "--if-exists", "--force", db_name], pg)
    run(["createdb", db_name], pg)
    env = {**base_env, "DATABASE_URL": db_url}
    building = {**env, "DB_STATEMENT_TIMEOUT_MS": "0"}  # building the data is not a page
    run([PYTHON, "manage.py", "migrate", "--verbosity", "0"], building)
    run([PYTHON, "manage.py", "createcachetable"], building)
    print(f"[{scale}x] generating data...", flush=True)
    started = time.perf_counter()
    ids = worker_json("generate", str(scale), building)
    print(
        f"[{scale}x] {ids['actions']} actions, {ids['history_rows']} history rows in {time.perf_counter() - started:.0f}s",
        flush=True,
    )
    run(["psql", "-q", "-c", "VACUUM ANALYZE", db_name], pg)
    ids_json = json.dumps(ids)
    queries = worker_json("queries", ids_json, env)
    # A paper that took minutes at the scale before would take ten times as long here: left out, and
    # the results say so.
    skipped = {
        label: e["seconds"]
        for label, e in (previous or {}).get("papers", {}).items()
        if e["seconds"] > PAPER_SKIP_SECONDS
    }
    papers = worker_json("papers", json.dumps({**ids, "skip_papers": list(skipped)}), env)
    papers.update({label: {"skipped_after": seconds} for label, seconds in skipped.items()})
    sessions = worker_json("sessions", ids_json, env)
    print(f"[{scale}x] timing pages...", flush=True)
    timings = {}
    server, port = start_gunicorn(env, 1)
    try:
        for label, _name, _kwargs, _query, who in PAGES:
            if label in queries:
                timings[label] = summary(time_page(port, queries[label]["path"], sessions["pages"][who], args.requests))
    finally:
        stop(server)
    result = {"ids": ids, "queries": queries, "papers": papers, "timings": timings, "loadavg": os.getloadavg()}
    if load:
        from bench.load import run_load

        print(f"[{scale}x] load run: {args.users} users for {args.seconds} s on 3 workers...", flush=True)
        server, port = start_gunicorn(env, 3)
        try:
            result["load"] = run_load(port, sessions, args.users, args.seconds, env)
        finally:
            stop(server)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--no-load", action="store_true", help="skip the Locust load run")
    parser.add_argument("--previous", help="results.json of an earlier run whose smaller scales to keep")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_bench"),
    )
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)

    var_dir = Path(os.environ.get("BENCH_VAR_DIR", "/tmp/scrutiny-bench"))
    shutil.rmtree(var_dir, ignore_errors=True)
    base_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}} | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "VAR_DIR": str(var_dir),
        "PYTHONPATH": str(ROOT),
        "CACHE_BACKEND": "database",
        "LOG_LEVEL": "ERROR",
    }
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], base_env)
    scales = [int(s) for s in args.scales.split(",")]
    results = {int(k): v for k, v in json.loads(Path(args.previous).read_text()).items()} if args.previous else {}
    for scale in scales:
        before = results[max(results)] if results else None
        results[scale] = bench_scale(
            scale, args, base_env, load=not args.no_load and scale == scales[-1], previous=before
        )
        (var_dir / "results.json").write_text(json.dumps(results))  # kept if a later scale fails
    print(write_results(results, args))


if __name__ == "__main__":
    main()
