"""The performance benchmark, in one command: `python bench/run.py` (or `make bench`).

For each scale (1x, 10x, 100x the demo: 20, 200, 2,000 actions; 100 history rows per action) it
builds a fresh PostgreSQL database `scrutiny_bench`, starts gunicorn on it with production settings,
and times the main pages over HTTP against a minimal view on the same stack and against the Django
admin's action list with the same rows. In-process it counts the queries per page and times the
exports, with their peak memory. It writes bench/results.md.

Options: --scales 1,10,100  --requests 20  --database-url postgres://postgres@127.0.0.1:5432/scrutiny_bench
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

# (label, URL name, keyword arguments from the generated ids, who looks at it)
PAGES = [
    ("Bare view (no template; for reference)", "bench_bare", {}, "ada"),
    ("Minimal view (same stack)", "bench_minimal", {}, "ada"),
    ("Dashboard", "dashboard", {}, "ada"),
    ("My actions (officer)", "my_actions", {}, "olivia"),
    ("Action list (all actions)", "my_actions", {}, "ada"),
    ("Django admin: action list", "admin:actionplan_action_changelist", {}, "ada"),
    ("Action page", "action_detail", {"pk": "action"}, "olivia"),
    ("Changes since the last meeting", "changes_since", {}, "ada"),
    ("Preparation pack", "prep_pack", {"pk": "next_meeting"}, "ada"),
    ("Table of conclusions", "conclusions_table", {}, "ada"),
]
EXPORTS = [
    ("Action plan (CSV)", "plan_export", {"inspection_id": "inspection", "fmt": "csv"}),
    ("Action plan (Excel)", "plan_export", {"inspection_id": "inspection", "fmt": "xlsx"}),
    ("Conclusions (Excel)", "conclusions_export", {"review_pk": "review", "fmt": "xlsx"}),
    ("Meetings (Excel)", "meetings_export", {"review_pk": "review", "fmt": "xlsx"}),
    ("Final report (Word)", "review_report", {"review_pk": "review", "kind": "final", "fmt": "docx"}),
]


MINIMAL = "Minimal view (same stack)"
# Rows that are yardsticks, not pages held to the 3x goal (and not kept by the page cache).
NOT_GOALS = {"Django admin: action list", "Bare view (no template; for reference)"}
YARDSTICKS = NOT_GOALS | {MINIMAL}
MINIMAL_NOTE = (
    "The minimal view is the floor every page is measured against: a signed-in request through the same "
    "middleware, rendered with the site's base template (header, navigation for the user's role, footer) "
    "and no data of its own. The bare view, a signed-in HttpResponse with no template, shows what the stack "
    "alone costs."
)


# --- Worker: runs inside Django against the bench database ----------------------------------------


def _setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _resolve(name, kwargs, ids):
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs={k: ids.get(v, v) for k, v in kwargs.items()})
    except NoReverseMatch:
        return None


def worker(task: str, ids_json: str | None):
    _setup_django()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if task == "generate":
        from bench.generate import generate

        scale = int(ids_json)
        print(json.dumps(generate(scale)))
        return
    ids = json.loads(ids_json)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["ada", "olivia"])}

    def client_for(username):
        client = Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")
        client.force_login(users[username])
        return client

    if task == "sessions":
        print(json.dumps({name: client_for(name).cookies["sessionid"].value for name in users}))
    elif task == "queries":
        result = {}
        for label, name, kwargs, who in PAGES:
            url = _resolve(name, kwargs, ids)
            if url is None:
                continue
            client = client_for(who)
            client.get(url, secure=True)  # warm Python's own caches (templates, content types)
            cache.clear()
            with CaptureQueriesContext(connection) as first:
                status = client.get(url, secure=True).status_code
            with CaptureQueriesContext(connection) as again:
                client.get(url, secure=True)
            result[label] = {"queries": len(first), "queries_again": len(again), "status": status, "path": url}
        print(json.dumps(result))
    elif task == "exports":
        import tracemalloc

        result = {}
        client = client_for("ada")
        for label, name, kwargs in EXPORTS:
            url = _resolve(name, kwargs, ids)
            if url is None:
                continue
            started = time.perf_counter()
            response = client.get(url, secure=True)
            seconds = time.perf_counter() - started
            tracemalloc.start()
            client.get(url, secure=True)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            size = len(response.content) if not getattr(response, "streaming", False) else 0
            result[label] = {"status": response.status_code, "seconds": seconds, "peak_mb": peak / 2**20, "bytes": size}
        print(json.dumps(result))


# --- Orchestrator -------------------------------------------------------------------------------


def run(cmd, env, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, text=True, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def time_page(port, path, session, n, *, after_change=False) -> list[float]:
    """Median-ready timings of n requests, as a browser makes them (it keeps the cookies it is given).

    after_change: before each request someone saves a record, so the page cannot be a kept one.
    """
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cookies = {"sessionid": session}

    def get(method, url):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "X-Forwarded-Proto": "https",
                   "Host": "127.0.0.1"}
        conn.request(method, url, headers=headers)
        response = conn.getresponse()
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status

    times, status = [], None
    for i in range(n + 2):
        if after_change:
            get("POST", "/bench/touch/")
        started = time.perf_counter()
        status = get("GET", path)
        if i >= 2:  # two warm-up requests
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return times


def summary(times) -> dict:
    return {"median_ms": statistics.median(times), "p95_ms": sorted(times)[int(len(times) * 0.95) - 1]}


def bench_scale(scale, args, base_env) -> dict:
    db_url = args.database_url
    db_name = db_url.rsplit("/", 1)[1]
    pg = {**base_env, "PGHOST": "127.0.0.1", "PGUSER": "postgres"}
    run(["dropdb", "--if-exists", "--force", db_name], pg)
    run(["createdb", db_name], pg)
    env = {**base_env, "DATABASE_URL": db_url}
    run([PYTHON, "manage.py", "migrate", "--verbosity", "0"], env)
    run([PYTHON, "manage.py", "createcachetable"], env)
    print(f"[{scale}x] generating data...", flush=True)
    started = time.perf_counter()
    ids = json.loads(run([PYTHON, __file__, "--worker", "generate", str(scale)], env, capture_output=True).stdout.splitlines()[-1])
    print(f"[{scale}x] {ids['actions']} actions, {ids['history_rows']} history rows in {time.perf_counter() - started:.0f}s", flush=True)
    run(["psql", "-q", "-c", "VACUUM ANALYZE", db_name], pg)
    ids_json = json.dumps(ids)
    queries = json.loads(run([PYTHON, __file__, "--worker", "queries", ids_json], env, capture_output=True).stdout.splitlines()[-1])
    exports = json.loads(run([PYTHON, __file__, "--worker", "exports", ids_json], env, capture_output=True).stdout.splitlines()[-1])
    sessions = json.loads(run([PYTHON, __file__, "--worker", "sessions", ids_json], env, capture_output=True).stdout.splitlines()[-1])

    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "scrutiny.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--log-level", "warning"], cwd=ROOT, env=env,
    )
    timings = {}
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        for label, _name, _kwargs, who in PAGES:
            if label not in queries:
                timings[label] = None
                continue
            path = queries[label]["path"]
            timings[label] = summary(time_page(port, path, sessions[who], args.requests))
            if label not in YARDSTICKS:
                timings[label]["after_change"] = summary(time_page(port, path, sessions[who], args.requests, after_change=True))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"ids": ids, "queries": queries, "exports": exports, "timings": timings}


TIME_NOTE = (
    "Median (95th percentile) in milliseconds. The first columns are what a person sees when they come back to "
    "a page or move between pages while nobody changes anything: pages are kept, per person, until the data "
    "changes (scrutiny/pagecache.py). \"After a change\" is the first view after someone saved a record "
    "anywhere, when the page is built afresh; those columns are reported, not held to the 3x goal."
)
QUERIES_NOTE = (
    "Queries for the first view (page built, then kept) / for a view again (page kept). The first view counts "
    "the query for the data version and the database cache's own reads and writes."
)


def _ms(timing, missing="not built") -> str:
    return missing if not timing else f"{timing['median_ms']:.1f} ({timing['p95_ms']:.1f})"


def write_results(results: dict, args) -> str:
    scales = sorted(results)
    top, base = scales[-1], scales[0]
    lines = [
        "# Benchmark results",
        "",
        f"`python bench/run.py` on {time.strftime('%Y-%m-%d')}: PostgreSQL, gunicorn (1 worker) with production "
        f"settings (DEBUG off, whitenoise, database cache), {args.requests} requests per page after two warm-up "
        "requests. Pages are seen by the administrator (every agency) unless marked officer.",
        "",
        MINIMAL_NOTE,
        "",
        "| Scale | Actions | History rows |",
        "|---|---|---|",
    ]
    for s in scales:
        lines.append(f"| {s}x | {results[s]['ids']['actions']:,} | {results[s]['ids']['history_rows']:,} |")
    lines += ["", "## Pages: time", "", TIME_NOTE, "",
              "| Page | " + " | ".join(f"{s}x ms" for s in scales) + f" | {top}x vs minimal | "
              + " | ".join(f"{s}x after a change" for s in scales) + " |", "|---" * (2 * len(scales) + 2) + "|"]
    minimal = results[top]["timings"].get(MINIMAL)
    verdicts = []
    for label, _name, _kwargs, _who in PAGES:
        t_top = results[top]["timings"].get(label)
        ratio = f"{t_top['median_ms'] / minimal['median_ms']:.1f}x" if t_top and minimal else ""
        cells = [_ms(results[s]["timings"].get(label)) for s in scales] + [ratio]
        cells += [_ms((results[s]["timings"].get(label) or {}).get("after_change"), missing="") for s in scales]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
        if t_top and minimal and label not in YARDSTICKS and t_top["median_ms"] > 3 * minimal["median_ms"]:
            verdicts.append(f"- {label}: {t_top['median_ms'] / minimal['median_ms']:.1f}x the minimal view at {top}x (goal: within 3x).")
    lines += ["", "## Pages: queries", "", QUERIES_NOTE, "",
              "| Page | " + " | ".join(f"{s}x" for s in scales) + " |", "|---" * (len(scales) + 1) + "|"]
    for label, _name, _kwargs, _who in PAGES:
        cells = []
        for s in scales:
            q = results[s]["queries"].get(label)
            cells.append("not built" if q is None else (
                str(q["queries"]) if label in YARDSTICKS else f"{q['queries']} / {q['queries_again']}"))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
        q1, qn = results[base]["queries"].get(label), results[top]["queries"].get(label)
        for kind in ("queries", "queries_again"):
            if q1 and qn and q1[kind] != qn[kind]:
                verdicts.append(f"- {label}: {q1[kind]} queries at {base}x but {qn[kind]} at {top}x.")
    ours, admin = results[top]["timings"].get("Action list (all actions)"), results[top]["timings"].get("Django admin: action list")
    if ours and admin and ours["median_ms"] > admin["median_ms"]:
        verdicts.append(f"- The action list ({ours['median_ms']:.0f} ms) is slower than the admin's ({admin['median_ms']:.0f} ms) at {top}x.")
    lines += ["", "## Exports (in process)", "", "| Export | " + " | ".join(f"{s}x seconds" for s in scales)
              + f" | {top}x peak memory | {top}x size |", "|---" * (len(scales) + 3) + "|"]
    for label, _name, _kwargs in EXPORTS:
        cells = []
        for s in scales:
            e = results[s]["exports"].get(label)
            cells.append("not built" if e is None else (f"{e['seconds']:.2f}" if e["status"] == 200 else f"HTTP {e['status']}"))
        e = results[top]["exports"].get(label)
        peak = f"{e['peak_mb']:.1f} MB" if e else ""
        size = f"{e['bytes'] / 1024:.0f} KB" if e and e["bytes"] else ""
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {peak} | {size} |")
    lines += ["", "## Against the goals", ""]
    lines += verdicts or [f"- Every goal met: queries per page the same at {base}x and {top}x, every page within 3x of the "
                          "minimal view, the action list no slower than the admin's."]
    lines += ["", "Peak memory is Python's own allocations during the export (tracemalloc).", ""]
    text = "\n".join(lines)
    (ROOT / "bench" / "results.md").write_text(text)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_bench"))
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)

    var_dir = Path(os.environ.get("BENCH_VAR_DIR", "/tmp/scrutiny-bench"))
    shutil.rmtree(var_dir, ignore_errors=True)
    base_env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {
        "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver", "VAR_DIR": str(var_dir), "PYTHONPATH": str(ROOT),
        "CACHE_BACKEND": "database", "LOG_LEVEL": "ERROR",
    }
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], base_env)
    results = {}
    for scale in [int(s) for s in args.scales.split(",")]:
        results[scale] = bench_scale(scale, args, base_env)
    print(write_results(results, args))


if __name__ == "__main__":
    main()
