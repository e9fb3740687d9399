#!/usr/bin/env python3
"""bench/run.sh's arithmetic.

stages.py LOG RSS SIZE RUN: one pipeline run's stages from its log (epoch-millisecond timestamps)
and its RSS samples ("epoch_ms kB"), as lines "SIZE RUN STAGE SECONDS PEAK_KB".
stages.py --summary STAGES FLOORS [PEERS]: medians per size and stage, messages per second, growth
of the time per message with size (1.0 = linear), the ratios to the read-and-count floor and, with
PEERS ("SIZE RUN WALL_S COMPUTE_S PEAK_KB EXIT_CODE" per DuckDB peer run), the median peer time and
the ratio pipeline / DuckDB.
"""
import statistics
import sys

# (stage, the log line that ends it); the run starts at the publication's first line
MARKERS = [
    ("ingest", "IngestJob: ingest wrote"),
    ("relationships", "RelationshipsJob: relationships as of"),
    ("cohorts", "CohortsJob: cohorts as of"),
    ("attribution", "AttributionJob: attribution as of"),
    ("kpis", "KpisJob: kpis as of"),
    ("report", "ReportJob: report for"),
    ("publish", "Publication: published version"),
]
START = "Publication: run "
ORDER = ["startup"] + [m[0] for m in MARKERS] + ["pipeline"]


def stamp(line):
    head = line.split(" ", 1)[0]
    return int(head) if head.isdigit() else None


def one_run(log, rss, size, run):
    lines = open(log, encoding="utf-8", errors="replace").read().splitlines()
    samples = [tuple(map(int, l.split())) for l in open(rss) if len(l.split()) == 2]
    begin = samples[0][0] if samples else None
    start = next(stamp(l) for l in lines if START in l and stamp(l))
    bounds = [("startup", begin or start, start)]
    last = start
    for stage, marker in MARKERS:
        t = next((stamp(l) for l in lines if marker in l and stamp(l)), None)
        if t is None:
            sys.exit(f"stages.py: no '{marker}' in {log}")
        bounds.append((stage, last, t))
        last = t
    bounds.append(("pipeline", begin or start, last))
    for stage, a, b in bounds:
        peak = max([kb for t, kb in samples if a <= t <= b] or [0])
        print(f"{size} {run} {stage} {(b - a) / 1000:.3f} {peak}")


def summary(stages_file, floors_file, peers_file=None):
    rows = [l.split() for l in open(stages_file) if l.strip()]
    floors = [l.split() for l in open(floors_file) if l.strip()]
    peers = [l.split() for l in open(peers_file) if l.strip()] if peers_file else []
    sizes = sorted({int(r[0]) for r in rows})
    med = {}
    print("\nmedians over runs (wall seconds, messages per second, peak RSS of the JVM during the stage)")
    print(f"{'messages':>10} {'stage':<14} {'runs':>4} {'median s':>9} {'msg/s':>10} {'peak MiB':>9}")
    for n in sizes:
        for stage in ORDER:
            sel = [r for r in rows if int(r[0]) == n and r[2] == stage]
            if not sel:
                continue
            s = statistics.median(float(r[3]) for r in sel)
            kb = statistics.median(int(r[4]) for r in sel)
            med[(n, stage)] = s
            rate = f"{n / s:,.0f}" if s > 0 and stage not in ("startup", "publish") else "-"
            print(f"{n:>10,} {stage:<14} {len(sel):>4} {s:>9.1f} {rate:>10} {kb / 1024:>9,.0f}")
        fl = [float(f[2]) for f in floors if int(f[0]) == n]
        if fl:
            med[(n, "floor")] = statistics.median(fl)
            print(f"{n:>10,} {'floor':<14} {len(fl):>4} {med[(n, 'floor')]:>9.1f} {n / med[(n, 'floor')]:>10,.0f}")
        pe = [p for p in peers if int(p[0]) == n and p[5] == "0"]  # runs that computed and matched
        if pe:
            med[(n, "duckdb")] = statistics.median(float(p[2]) for p in pe)
            med[(n, "duckdb_compute")] = statistics.median(float(p[3]) for p in pe)
            kb = statistics.median(int(p[4]) for p in pe)
            print(f"{n:>10,} {'duckdb peer':<14} {len(pe):>4} {med[(n, 'duckdb')]:>9.1f} "
                  f"{n / med[(n, 'duckdb')]:>10,.0f} {kb / 1024:>9,.0f}")
    if len(sizes) > 1:
        base = sizes[0]
        print(f"\ngrowth: seconds per message at each size over that at {base:,} (1.0 = linear)")
        for stage in ORDER[1:]:
            if (base, stage) in med and med[(base, stage)] > 0:
                parts = [f"{n:,}: {(med[(n, stage)] / n) / (med[(base, stage)] / base):.2f}"
                         for n in sizes if (n, stage) in med]
                print(f"  {stage:<14} " + ", ".join(parts))
    print("\nratios to the floor (same size, same invocation)")
    for n in sizes:
        if (n, "floor") not in med:
            continue
        f = med[(n, "floor")]
        core = sum(med.get((n, s), 0) for s in ("ingest", "relationships", "cohorts"))
        print(f"  {n:,}: pipeline / floor {med[(n, 'pipeline')] / f:.1f}x, "
              f"ingest + relationships + cohorts / floor {core / f:.1f}x")
    if peers:
        print("\nratios to the DuckDB peer (same data, same invocation; the peer's wall time includes its JVM start "
              "and the parity check)")
        for n in sizes:
            failed = sum(1 for p in peers if int(p[0]) == n and p[5] != "0")
            if (n, "duckdb") not in med:
                if failed:
                    print(f"  {n:,}: the peer failed or disagreed in every run ({failed})")
                continue
            work = sum(med.get((n, s), 0) for s in ("ingest", "relationships", "cohorts", "attribution"))
            print(f"  {n:,}: pipeline / DuckDB {med[(n, 'pipeline')] / med[(n, 'duckdb')]:.1f}x, "
                  f"ingest + relationships + cohorts + attribution / DuckDB computing "
                  f"{work / med[(n, 'duckdb_compute')]:.1f}x (peer computing {med[(n, 'duckdb_compute')]:.1f}s); "
                  f"parity {'FAILED in ' + str(failed) + ' run(s) (left out of the medians)' if failed else 'equal in every run'}")


if __name__ == "__main__":
    if sys.argv[1] == "--summary":
        summary(*sys.argv[2:5])
    else:
        one_run(*sys.argv[1:5])
