"""bench/RESULTS.md from the benchmark's measurements, with each goal of the performance issue
marked met or not met."""

import time
from pathlib import Path

ADMIN = "Django admin: action list"
LOAD_P95_GOAL_MS = 250
GROWTH_GOAL = 1.5  # a page at the largest scale against its own time at the smallest
PDF_GOAL_S = 1.0


def _table_head(first: str, per_scale: list[str], last: str, scales) -> list[str]:
    """A Markdown table's head: `first`, each of `per_scale` at every scale, then `last`."""
    cells = [first, *(f"{s}x {name}" for name in per_scale for s in scales), last]
    return ["| " + " | ".join(cells) + " |", "|---" * len(cells) + "|"]


def _ms(timing) -> str:
    return "not built" if not timing else f"{timing['median_ms']:.0f} ({timing['p95_ms']:.0f})"


def _pages(results, scales, goals) -> list[str]:
    top, base = scales[-1], scales[0]
    lines = [
        "## Pages: the first view after a change",
        "",
        "Median (95th percentile) in milliseconds over HTTP, one gunicorn worker; before every request someone "
        'saves an action, so no page can be one built earlier. "vs admin" is the page\'s median over the admin '
        f'action list\'s in the same run at the same scale; "{top}x vs {base}x" the page against itself.',
        "",
        *_table_head("Page", ["ms", "vs admin"], f"{top}x vs {base}x", scales),
    ]
    labels = list(results[top]["timings"])
    for label in labels:
        cells = [_ms(results[s]["timings"].get(label)) for s in scales]
        ratios = []
        for s in scales:
            page, admin = results[s]["timings"].get(label), results[s]["timings"].get(ADMIN)
            ratio = page["median_ms"] / admin["median_ms"] if page and admin else None
            ratios.append(f"{ratio:.1f}x" if ratio else "")
            if ratio and label != ADMIN and ratio > 1:
                goals["admin"].append(f"{label} at {s}x: {ratio:.1f}x the admin's list")
        first, last = results[base]["timings"].get(label), results[top]["timings"].get(label)
        growth = last["median_ms"] / first["median_ms"] if first and last else None
        if growth and label != ADMIN and growth > GROWTH_GOAL:
            goals["growth"].append(f"{label}: {growth:.1f}x its {base}x time")
        lines.append(f"| {label} | " + " | ".join(cells + ratios) + (f" | {growth:.1f}x |" if growth else " | |"))
    lines += [
        "",
        "## Pages: queries",
        "",
        "Queries for the first view after a change (in process).",
        "",
        "| Page | " + " | ".join(f"{s}x" for s in scales) + " |",
        "|---" * (len(scales) + 1) + "|",
    ]
    for label in labels:
        counts = [results[s]["queries"].get(label, {}).get("queries") for s in scales]
        lines.append(f"| {label} | " + " | ".join("" if c is None else str(c) for c in counts) + " |")
        if len({c for c in counts if c is not None}) > 1:
            goals["queries"].append(
                f"{label}: " + ", ".join(f"{c} at {s}x" for c, s in zip(counts, scales, strict=False))
            )
    return lines


def _papers(results, scales, goals) -> list[str]:
    top, base = scales[-1], scales[0]
    lines = [
        "",
        "## Papers and exports (in process)",
        "",
        *_table_head("Paper", ["seconds (CPU)", "peak memory"], f"{top}x size", scales),
    ]
    for label in results[top]["papers"]:
        cells, memory = [], []
        for s in scales:
            e = results[s]["papers"].get(label)
            if e and "skipped_after" in e:
                cells.append(f"not run ({e['skipped_after']:.0f} s at the scale before)")
                memory.append("")
                goals["papers"].append(f"{label} at {s}x")
                continue
            cells.append(
                "not built"
                if e is None
                else (f"{e['seconds']:.2f} ({_cpu(e)})" if e["status"] == 200 else f"HTTP {e['status']}")
            )
            memory.append(f"{e['peak_mb']:.1f} MB" if e else "")
        e = results[top]["papers"][label]
        size = f"{e['bytes'] / 1024:.0f} KB" if "bytes" in e else ""
        lines.append(f"| {label} | " + " | ".join(cells + memory) + f" | {size} |")
    pdf = results[base]["papers"].get("Final report (PDF)")
    if pdf and pdf["seconds"] > PDF_GOAL_S:
        goals["pdf"].append(f"the final report in PDF takes {pdf['seconds']:.2f} s at {base}x ({_cpu(pdf)} s of CPU)")
    return lines + [
        "",
        "Seconds on the clock, with the process's own CPU seconds in brackets: on a shared machine the clock "
        "also counts the time other work held the cores. Peak memory is Python's own allocations while the "
        "paper is built (tracemalloc).",
    ]


def _cpu(entry) -> str:
    return f"{entry['cpu_seconds']:.2f}" if "cpu_seconds" in entry else "?"


def _load(load, scale, goals) -> list[str]:
    lines = [
        "",
        f"## Load run at {scale}x",
        "",
        f"Locust, {load['users']} users for {load['seconds']} s against gunicorn with 3 workers, on the same "
        "2-core machine as the database and Locust itself. Officers open and save action updates and add "
        "evidence, members read the dashboard, the changes and the pack, one clerk downloads the final "
        "report in Word and PDF; each waits 2 to 5 s between pages (the clerk 5 to 10 s).",
        "",
        "| Page | Requests | Errors | p50 ms | p95 ms |",
        "|---|---|---|---|---|",
    ]
    for name, row in load["pages"].items():
        lines.append(f"| {name} | {row['requests']} | {row['errors']} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} |")
        if name != "Aggregated" and row["p95_ms"] > LOAD_P95_GOAL_MS:
            goals["load"].append(f"{name}: p95 {row['p95_ms']:.0f} ms")
        if name != "Aggregated" and row["errors"]:
            goals["errors"].append(f"{name}: {row['errors']} errors")
    for failure in load["failures"]:
        lines.append(f"\nFailure: {failure['name']}: {failure['error']} ({failure['count']} times)")
    return lines


GOALS = {
    "admin": "every page no slower than the admin's action list with the same rows",
    "growth": f"every page at the largest scale within {GROWTH_GOAL}x its own time at 1x",
    "queries": "queries per page the same at every scale",
    "load": f"under load, p95 below {LOAD_P95_GOAL_MS} ms for every page",
    "errors": "under load, no errors",
    "pdf": f"the final report in PDF in under {PDF_GOAL_S:.0f} s at 1x",
    "papers": "every paper built at every scale",
}


def write_results(results: dict, args) -> str:
    scales = sorted(results)
    goals = {key: [] for key in GOALS}
    lines = [
        "# Benchmark results",
        "",
        f"`python bench/run.py` on {time.strftime('%Y-%m-%d')}: PostgreSQL and gunicorn with production settings "
        f"(DEBUG off, whitenoise, no page cache), {args.requests} timed requests per page after two warm-up ones, on "
        "a 2-core machine shared with other work (timings vary by a fifth or more from run to run).",
        "",
        "| Scale | Actions | History rows |",
        "|---|---|---|",
    ]
    lines[-2:] = [
        "| Scale | Actions | History rows | Machine load (1, 5, 15 min) after the pages |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {s}x | {results[s]['ids']['actions']:,} | {results[s]['ids']['history_rows']:,} | "
        + ", ".join(f"{x:.1f}" for x in results[s].get("loadavg", ()))
        + " |"
        for s in scales
    ]
    lines += [""] + _pages(results, scales, goals) + _papers(results, scales, goals)
    loaded = [s for s in scales if "load" in results[s]]
    if loaded:
        lines += _load(results[loaded[-1]]["load"], loaded[-1], goals)
    lines += ["", "## Against the goals", ""]
    for key, goal in GOALS.items():
        if key in ("load", "errors") and not loaded:
            lines.append(f"- Not measured: {goal} (no load run).")
        elif goals[key]:
            lines.append(f"- **Not met**: {goal}: " + "; ".join(goals[key]) + ".")
        else:
            lines.append(f"- Met: {goal}.")
    text = "\n".join(lines) + "\n"
    (Path(__file__).with_name("RESULTS.md")).write_text(text)
    return text
