#!/usr/bin/env python3
"""Prints the benchmark results in a results folder as Markdown tables.

Usage: summarize.py RESULTS_DIR  (the folder run-benchmarks.sh writes: kdf.json,
attachments.json, search.json, machine.txt, *.load). Every figure is the median
of the repetitions; min-max of the repetitions is shown where it matters.
"""
import json
import pathlib
import re
import sys

SUFFIX = re.compile(r"/(iterations|repeats|min_time|manual_time|real_time)\b.*$")
TO_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
MIB = 1024 * 1024


def load(path):
    """Returns {name: {"median": run, "runs": [iteration runs]}} and the context."""
    data = json.loads(path.read_text())
    out = {}
    for b in data["benchmarks"]:
        name = SUFFIX.sub("", b["run_name"])
        entry = out.setdefault(name, {"median": None, "runs": []})
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                entry["median"] = b
        elif "error_occurred" in b and b["error_occurred"]:
            entry["error"] = b.get("error_message", "error")
        else:
            entry["runs"].append(b)
    # A benchmark registered once per round (bench_exchange: ours and age's
    # alternate run by run) has no aggregate: its median is the middle run.
    for entry in out.values():
        if entry["median"] is None and entry["runs"] and "error" not in entry:
            runs = sorted(entry["runs"], key=seconds)
            entry["median"] = runs[(len(runs) - 1) // 2]
    return out, data.get("context", {})


def seconds(run):
    return run["real_time"] * TO_SECONDS[run["time_unit"]]


def fmt_ms(value):
    return f"{value * 1e3:.3g}" if value < 0.1 else f"{value * 1e3:.0f}"


def ms(run):
    """Wall time, and in brackets CPU time: on a shared machine a large gap means
    the run waited for a core (or, for I/O-bound work, for the disk)."""
    cpu = run["cpu_time"] * TO_SECONDS[run["time_unit"]]
    return f"{fmt_ms(seconds(run))} ({fmt_ms(cpu)})"


def spread(entry):
    times = sorted(seconds(r) for r in entry["runs"])
    return f"{times[0]:.2f}-{times[-1]:.2f}" if times else "-"


def attachments(results, out):
    out.append("### Attachments (median of 3; fsync'd at the end of each run)\n")
    out.append("| run | median s | min-max s | MiB/s | CPU s | CPU s, whole process | peak RSS MiB | RSS before MiB |")
    out.append("|---|---|---|---|---|---|---|---|")
    for name, e in results.items():
        m = e["median"]
        if m is None:
            out.append(f"| {name} | {e.get('error', 'no result')} | | | | | | |")
            continue
        rate = m.get("bytes_per_second", 0) / MIB
        before = m.get("rss_before_MiB")
        cpu = "(child)" if "/age/" in name else f"{m['cpu_time'] * TO_SECONDS[m['time_unit']]:.2f}"
        # Every thread of ours, or the age process (bench_exchange records it).
        whole = f"{m['process_cpu_s']:.2f}" if "process_cpu_s" in m else "-"
        out.append(f"| {name} | {seconds(m):.2f} | {spread(e)} | {rate:.0f} | {cpu} | {whole} | {m.get('peak_rss_MiB', 0):.1f} | "
                   + (f"{before:.1f}" if before is not None else "(child process)") + " |")
    for name, e in results.items():
        if "age" in name and e["median"] is not None:
            out.append(f"\n{name}: {e['median'].get('seconds_to_exit', 0):.2f} s to exit before the fsync (median).")


def exchange_ratios(results, out):
    """Fieldvault : age, median against median, for every size with both."""
    lines = []
    for ours, theirs, label in (("export/fieldvault", "encrypt/age", "export : age -r"),
                                ("import/fieldvault", "decrypt/age", "import : age -d")):
        for name, e in results.items():
            if f"/{ours}/" not in name or e["median"] is None:
                continue
            peer = results.get(name.replace(ours, theirs))
            if peer and peer["median"] is not None:
                lines.append(f"- {label} ({name.rsplit('/', 1)[-1]}): **{seconds(e['median']) / seconds(peer['median']):.2f}x** "
                             f"({seconds(e['median']):.3f} s / {seconds(peer['median']):.3f} s)")
    if lines:
        out.append("\nRatios (median / median, same run):\n")
        out.extend(lines)


def issue16(results, out):
    """search/first_page/<q>/vault, search/full/<q>/{vault,plain}, list/full/{vault,plain}."""
    queries = []
    for name in results:
        parts = name.split("/")
        if name.startswith(("search/first_page/", "search/full/")) and len(parts) == 4 and parts[2] not in queries:
            queries.append(parts[2])
    if not queries:
        return
    out.append("### First page and complete search (ms wall (CPU), median of 3)\n")
    out.append("| query | hits | first page, vault | full, vault | full, plain 4 KiB | vault : plain (CPU) "
               "| full, vault, 2 MiB cache | full, plain, 2 MiB cache |")
    out.append("|---|---|---|---|---|---|---|---|")

    def cell(key):
        e = results.get(key)
        return ms(e["median"]) if e and e["median"] else "-"

    def cpu(key):
        e = results.get(key)
        return e["median"]["cpu_time"] if e and e["median"] else None

    for q in queries:
        first = results.get(f"search/first_page/{q}/vault")
        hits = f"{first['median'].get('total', 0):.0f}" if first and first["median"] else "-"
        v, p = cpu(f"search/full/{q}/vault"), cpu(f"search/full/{q}/plain")
        ratio = f"{v / p:.2f}" if v and p else "-"
        out.append(f"| {q} | {hits} | {cell(f'search/first_page/{q}/vault')} | {cell(f'search/full/{q}/vault')} | "
                   f"{cell(f'search/full/{q}/plain')} | {ratio} | {cell(f'search/full/{q}/vault_cache_2MiB')} | "
                   f"{cell(f'search/full/{q}/plain_cache_2MiB')} |")
    v, p = cpu("list/full/vault"), cpu("list/full/plain")
    out.append(f"| (list) | | {cell('list/first_page/vault')} | {cell('list/full/vault')} | {cell('list/full/plain')} | "
               + (f"{v / p:.2f}" if v and p else "-")
               + f" | {cell('list/full/vault_cache_2MiB')} | {cell('list/full/plain_cache_2MiB')} |\n")


def search(results, context, out):
    issue16(results, out)
    out.append("### Search (ms wall (CPU), median of 3 repetitions)\n")
    queries = []
    for name in results:
        if name.startswith("search/service/") or name.startswith("search/fts/"):
            q = name.rsplit("/", 1)[1]
            if q not in queries:
                queries.append(q)
    page = int(context.get("vault_page_size", "0")) // 1024
    columns = [("service/vault", f"ReportService::search, vault ({page} KiB pages)"),
               ("service_equivalent/plain_4k", "same work, plain 4 KiB"),
               ("fts/vault", "FTS query, vault"),
               ("fts/vault_cache_64MiB", "FTS query, vault, 64 MiB cache"),
               ("fts/plain_4k", "FTS query, plain 4 KiB"),
               ("fts/plain_1k", "FTS query, plain 1 KiB")]
    out.append("| query | hits | " + " | ".join(c[1] for c in columns) + " |")
    out.append("|---|---|" + "---|" * len(columns))
    for q in queries:
        cells, rows = [], "-"
        for key, _ in columns:
            e = results.get(f"search/{key}/{q}")
            if e and e["median"]:
                cells.append(ms(e["median"]))
                rows = f"{e['median'].get('rows', 0):.0f}"
            else:
                cells.append("-")
        out.append(f"| {q} | {rows} | " + " | ".join(cells) + " |")
    out.append("\n### Report list (ms wall (CPU), median of 3)\n")
    out.append("| run | rows | ms |")
    out.append("|---|---|---|")
    for name, e in results.items():
        if name.startswith("list/") and e["median"]:
            out.append(f"| {name} | {e['median'].get('rows', 0):.0f} | {ms(e['median'])} |")
    keys = [k for k in context if k.startswith(("reports", "generated", "export", "vault_", "plain_", "raw_",
                                                  "fts_", "sample_"))]
    if keys:
        out.append("\n### Dataset\n")
        for k in keys:
            out.append(f"- {k}: {context[k]}")


def kdf(results, out):
    out.append("### Argon2id per guess (ms wall (CPU), median of 3)\n")
    out.append("| parameters | ms | opslimit | memlimit MiB |")
    out.append("|---|---|---|---|")
    for name, e in results.items():
        m = e["median"]
        if m:
            out.append(f"| {name} | {ms(m)} | {m.get('opslimit', 0):.0f} | {m.get('memlimit_MiB', 0):.0f} |")


def main():
    folder = pathlib.Path(sys.argv[1])
    out = ["## Fieldvault benchmark results\n"]
    machine = folder / "machine.txt"
    if machine.exists():
        out += ["```", machine.read_text().rstrip(), "```\n"]
    for name, render in (("kdf", kdf), ("attachments", attachments), ("search", search)):
        path = folder / f"{name}.json"
        if not path.exists():
            continue
        results, context = load(path)
        if name == "search":
            render(results, context, out)
        else:
            render(results, out)
        load_file = folder / f"{name}.load"
        if load_file.exists():
            out.append("\n" + "; ".join(load_file.read_text().split("\n")).strip("; "))
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
