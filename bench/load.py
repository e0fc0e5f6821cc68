"""The load run: Locust (bench/locustfile.py), headless, against gunicorn with 3 workers; p50, p95 and
errors per page from Locust's own statistics."""

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def run_load(port: int, sessions: dict, users: int, seconds: int, env: dict) -> dict:
    paths = sessions["paths"]
    config = {
        "sessions": sessions["load"],
        "paths": {
            "dashboard": paths["Dashboard"],
            "changes": paths["Changes since the last meeting"],
            "pack": paths["Preparation pack"],
            "report_docx": paths["Final report (Word)"],
            "report_pdf": paths["Final report (PDF)"],
        },
    }
    with tempfile.TemporaryDirectory() as folder:
        config_file = Path(folder) / "config.json"
        config_file.write_text(json.dumps(config))
        prefix = Path(folder) / "locust"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 10)),
                "--run-time",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--stop-timeout",
                "10",
            ],
            env={**env, "BENCH_LOCUST_CONFIG": str(config_file)},
            check=False,
            capture_output=True,
            text=True,
        )
        with open(f"{prefix}_stats.csv", newline="") as stats:
            rows = list(csv.DictReader(stats))
        failures = []
        failures_file = Path(f"{prefix}_failures.csv")
        if failures_file.exists():
            with open(failures_file, newline="") as listed:
                failures = [
                    {"name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
                    for r in csv.DictReader(listed)
                ]
    pages = {
        row["Name"]: {
            "requests": int(row["Request Count"]),
            "errors": int(row["Failure Count"]),
            "p50_ms": float(row["50%"] or 0),
            "p95_ms": float(row["95%"] or 0),
        }
        for row in rows
    }
    return {"users": users, "seconds": seconds, "pages": pages, "failures": failures}
