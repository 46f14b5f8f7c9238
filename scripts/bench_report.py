"""What `make bench` prints: progress lines as it goes, and Markdown tables at the end."""

import os
import time

from scripts.bench_targets import (
    BASELINE,
    COLD_ONE_AT_A_TIME_MS,
    INBOX_TARGET_MS,
    MAP_RENDER_TARGET_MS,
    MAP_SIZE_TARGET,
)


def say(text):
    print(text, flush=True)  # noqa: T201


def report(bench, cached, uncached, enquiries, seconds):
    """The results of a whole run, as Markdown tables (`bench`: the run's settings and side figures)."""
    say("")
    say(f"## Results ({time.strftime('%Y-%m-%d %H:%M')})")
    say("")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    say(f"Load average at the end: {load:.2f} (other work on the machine slows every figure).")
    say(f"{os.cpu_count()} CPU cores; database {bench.database.split(' (')[0]}; cache {bench.cache.split(' (')[0]}; ")
    say(f"{bench.args.connections} connections, {bench.args.seconds} s per page, {bench.load_generator()}.")
    say("")
    say(table(cached, "page cache on (production configuration)"))
    if uncached:
        say("")
        say(table(uncached, "page cache off (cold: after an edit, or a query the cache does not keep)"))
        say("")
        say(side_by_side(cached, uncached))
    say("")
    say(f"Register form, one request at a time (no other load from the benchmark): {bench.register_ms:.0f} ms.")
    ok = enquiries["rows"] == enquiries["sent"] and enquiries["server_errors"] == 0
    say(
        f"Enquiries: {enquiries['sent']} sent by {enquiries['clients']} concurrent clients → "
        f"{enquiries['rows']} rows, {enquiries['server_errors']} responses 5xx "
        f"(POST p50 {enquiries['p50']:.0f} ms, p99 {enquiries['p99']:.0f} ms): {'met' if ok else 'NOT MET'}."
    )
    say("")
    say(map_table(bench.map_figures))
    say(f"Data set built in {bench.generation_seconds:.0f} s; whole run {seconds / 60:.1f} min.")


def report_admin(inbox, admin_pages):
    say("")
    say("| admin, signed in (large data set) | median of 10 | slowest | target | met |")
    say("| --- | ---: | ---: | ---: | :---: |")
    for row in [*inbox, *admin_pages]:
        met = "yes" if row["median"] < INBOX_TARGET_MS else "NO"
        say(f"| {row['name']} | {row['median']:.0f} ms | {row['max']:.0f} ms | < {INBOX_TARGET_MS} ms | {met} |")


def table(measured, title):
    baseline = measured["baseline"]
    lines = [
        f"| {title} | req/s | p50 | p99 | ratio to minimal | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
        f"| minimal view `{BASELINE[1]}` (all slices) | {baseline['rps']:.0f} | {baseline['p50']:.1f} ms | "
        f"{baseline['p99']:.1f} ms | 1 | | |",
    ]
    for row in measured["pages"]:
        met = "yes" if row["ratio"] >= row["target"] else "NO"
        lines.append(
            f"| {row['name']} `{row['path']}` | {row['rps']:.0f} | {row['p50']:.1f} ms | {row['p99']:.1f} ms | "
            f"{row['ratio']:.2f} | ≥ {row['target']} | {met} |"
        )
    return "\n".join(lines)


def map_table(figures):
    lines = [
        "| partnership map SVG (in-process, median of 20) | lines drawn | read (query) | SVG render | "
        "SVG + land, gzip | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in figures:
        met = row["gzip_bytes"] <= MAP_SIZE_TARGET and row["render_ms"] <= MAP_RENDER_TARGET_MS
        lines.append(
            f"| {row['name']} ({row['partnerships']} partnerships) | {row['lines']} | {row['read_ms']:.1f} ms | "
            f"{row['render_ms']:.1f} ms | {row['gzip_bytes'] / 1000:.1f} kB | ≤ {MAP_RENDER_TARGET_MS} ms, "
            f"≤ {MAP_SIZE_TARGET // 1000} kB | {'yes' if met else 'NO'} |"
        )
    return "\n".join(lines)


def side_by_side(warm, cold):
    """Warm and cold figures of each page in one table, with the cold one-request-at-a-time median."""
    lines = [
        "| page | ratio, page cache on | ratio, page cache off | target off | one at a time, off (p50) "
        f"| ≤ {COLD_ONE_AT_A_TIME_MS} ms |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    warm_rows = {row["path"]: row for row in warm["pages"]}
    for row in cold["pages"]:
        on = warm_rows.get(row["path"])
        fast = "yes" if row["alone_p50"] <= COLD_ONE_AT_A_TIME_MS else "NO"
        met = "yes" if row["ratio"] >= row["target"] else "NO"
        lines.append(
            f"| {row['name']} | {on['ratio']:.2f} | {row['ratio']:.3f} ({met}) | ≥ {row['target']} | "
            f"{row['alone_p50']:.1f} ms | {fast} |"
        )
    return "\n".join(lines)
