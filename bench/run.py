"""Page throughput: serve cshire with gunicorn and load pages with wrk, each as a
ratio of a baseline route measured in the same run.

    make bench BENCH_ARGS="--scale large --seconds 10 --pages profiles kit-version"
    python -m bench.run --list

Steps: generate (or reuse) ``bench/out/bench-<scale>.sqlite`` and serve a copy of it;
start gunicorn with 2 sync workers on a free loopback port; wait for ``/healthz``; sign
in as the bench manager with a session cookie made by the app's own session interface;
run wrk on the baseline (``/healthz``, one query) before and after the pages, and on
every page; time each "after a write" page right after each of a few writes; print the
table and write ``bench/out/results-<scale>.json``. gunicorn is always stopped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import secrets
import shutil
import statistics
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask

from bench import import_events as import_bench
from bench import pages as page_registry
from bench.generate import SCALES, create_bench_app, generate
from bench.load import (
    PROJECT_ROOT,
    Result,
    check_page,
    free_port,
    run_wrk,
    session_cookie,
    settle,
    start_gunicorn,
    stop,
    wait_healthy,
)

BENCH_DIR = Path(__file__).resolve().parent
OUT = BENCH_DIR / "out"
SLOW_SECONDS = 3.0  # a page slower than this per request is not loaded with wrk
GENERATOR_SOURCES = ("generate.py", "foundation.py", "design.py", "process.py", "texts.py")


# --- the database -----------------------------------------------------------------------


def fingerprint() -> str:
    """Changes when the generator or the models change: a stale database is rebuilt."""
    from cshire.extensions import db

    digest = hashlib.sha256()
    for name in GENERATOR_SOURCES:
        digest.update((BENCH_DIR / name).read_bytes())
    for table in sorted(db.metadata.tables.values(), key=lambda t: t.name):
        digest.update(f"{table.name}({','.join(c.name for c in table.c)})".encode())
    return digest.hexdigest()[:16]


def database_for(scale: str, regenerate: bool) -> tuple[Path, dict]:
    """The scale's SQLite file, generated into a temporary file first so an interrupted
    run never leaves a half-filled database that looks reusable."""
    OUT.mkdir(exist_ok=True)
    path, meta_path = OUT / f"bench-{scale}.sqlite", OUT / f"bench-{scale}.json"
    create_bench_app("sqlite://")  # registers every model, for the fingerprint
    wanted = fingerprint()
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if path.exists() and not regenerate and meta.get("fingerprint") == wanted:
        print(f"reusing {path.relative_to(PROJECT_ROOT)} (generated {meta.get('generated')})")
        return path, meta
    if path.exists():
        print("generator or models changed: regenerating" if not regenerate else "regenerating")
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    reports = generate(create_bench_app(f"sqlite:///{partial}"), scale)
    partial.replace(path)
    meta = {
        "fingerprint": wanted, "scale": scale, "generated": _now(),
        "size_mb": round(path.stat().st_size / 1e6, 1),
        "areas": [asdict(report) for report in reports],
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    return path, meta


# --- the run ----------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("bench: wrk is not installed (apt-get install wrk)")
    generated, meta = database_for(args.scale, args.regenerate)
    # Writes during the run go to a copy: the generated data stays as generated.
    database = OUT / f"bench-{args.scale}-run.sqlite"
    for leftover in ("-journal", "-wal", "-shm"):  # of an interrupted run: not this copy's
        database.with_name(database.name + leftover).unlink(missing_ok=True)
    shutil.copyfile(generated, database)
    secret = secrets.token_hex(32)
    app = create_bench_app(f"sqlite:///{database}")
    app.config["SECRET_KEY"] = secret
    names, missing = page_registry.available(app, args.pages)
    for name in missing:
        print(f"skipped {name}: endpoint {_endpoint(name)} not in the app yet")
    paths, viewers = {}, {}
    for name in names:
        try:
            paths[name] = page_registry.PAGES[name](app)
            viewers[name] = page_registry.PAGES[name].viewer_email(app)
        except LookupError as error:  # the generator does not make what the page needs
            print(f"skipped {name}: {error}")
            missing.append(name)
    baseline_path = page_registry.BASELINE(app)
    cookie = session_cookie(app)
    # Each page is loaded as the user it is for (a new hire's home as a new hire).
    cookies = {name: session_cookie(app, email) for name, email in viewers.items()}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = OUT / f"gunicorn-{args.scale}.log"
    process = start_gunicorn(database, secret, port, args.workers, log)
    try:
        wait_healthy(base, process, log)
        after_write = {name: paths.pop(name) for name in list(paths)
                       if isinstance(page_registry.PAGES[name], page_registry.AfterWrite)}
        results = _measure_all(args, base, baseline_path, paths, cookie, cookies,
                               lambda: [_after_writes(args, app, name, base, path,
                                                      cookies[name])
                                        for name, path in after_write.items()])
    finally:
        stop(process)
    _report(args, results, meta, missing)
    imported = _import_events(args.import_events)
    return 0 if all(r.errors == 0 for r in results) and imported else 1


def _import_events(events: int) -> bool:
    """The CLI import of ``events`` journey events into a scratch SQLite database
    (bench/import_events.py), after the pages; False when slower than its target."""
    if not events:
        return True
    timing = import_bench.measure(events)
    print("\n" + "\n".join(timing.lines()))
    out = OUT / "results-import-events.json"
    out.write_text(json.dumps({"measured": _now(), **timing.as_dict()}, indent=2))
    print(f"written to {out.relative_to(PROJECT_ROOT)}")
    return timing.within_target()


def _after_writes(args: argparse.Namespace, app: Flask, name: str, base: str, path: str,
                  cookie: str) -> Result:
    """Time ``path`` once right after each of ``args.writes`` writes.

    Every worker first serves the page once (``_warm``), so what is timed is the cost
    of the change, not of a cold start. Then each write is committed and the page
    requested: whichever worker answers has at least that write to take in. req/s is
    estimated as workers ÷ the median time, as for a page too slow to load; p99
    shows the slowest of the requests. A request not answered is an error.
    """
    write = page_registry.PAGES[name].write
    print(f"{name}: warming {args.workers} workers …", flush=True)
    settle(base)
    _warm(base + path, cookie, args.workers)
    times, errors = [], 0
    for _ in range(args.writes):
        done = write(app)
        check = check_page(base + path, cookie)
        print(f"{name}: after {done}: {check.status} in {check.seconds * 1000:.0f} ms",
              flush=True)
        if check.status == 200:
            times.append(check.seconds)
            continue
        # No answer (a worker died): an error; the restarted worker starts cold, which
        # is not the cost of a write, so every worker is warmed again first.
        errors += 1
        _warm(base + path, cookie, args.workers)
    if not times:
        return Result(name, path, 0.0, 0.0, 0.0, errors, status=0, note="never answered")
    median = statistics.median(times)
    return Result(name, path, args.workers / median, median * 1000, max(times) * 1000, errors,
                  note=f"one request right after each of {args.writes} writes "
                       f"({write.__name__}); req/s estimated as workers ÷ median time, "
                       "p99 column = the slowest")


def _warm(url: str, cookie: str, workers: int) -> None:
    """One concurrent request per worker: a slow first request holds its sync worker,
    so each of the others goes to another worker."""
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda _: check_page(url, cookie), range(workers)))


def _endpoint(name: str) -> str:
    return page_registry.PAGES[name].endpoint


def _measure_all(args: argparse.Namespace, base: str, baseline_path: str,
                 paths: dict[str, str], cookie: str, cookies: dict[str, str],
                 after_writes: Callable[[], list[Result]]) -> list[Result]:
    """wrk on the baseline, the pages, the "after a write" timings (``after_writes``),
    the baseline again. A page that does not answer
    200 is not loaded; one slower than SLOW_SECONDS per request is first served once
    by every worker (its cache may have been cold) and checked again; still that slow,
    it is not loaded either (its abandoned requests would block the workers for
    minutes): its req/s is then estimated from that one request as workers ÷ seconds,
    and flagged."""
    unloaded: list[Result] = []
    for name, path in list(paths.items()):
        check = check_page(base + path, cookies[name])
        if check.status == 200 and check.seconds > SLOW_SECONDS:
            print(f"{name}: first request took {check.seconds:.1f} s; warming every worker")
            _warm(base + path, cookies[name], args.workers)
            check = check_page(base + path, cookies[name])
        ms = check.seconds * 1000
        if check.status != 200:
            why = (f"answered {check.status}" if check.status else "no answer") + (
                f" after {check.seconds:.1f} s"
                + (" (gunicorn's 30 s worker timeout)" if check.seconds >= 29 else ""))
            unloaded.append(Result(name, path, 0.0, ms, ms, 1, status=check.status, note=why))
        elif check.seconds > SLOW_SECONDS:
            unloaded.append(Result(name, path, args.workers / check.seconds, ms, ms, 0,
                                   note=f"not loaded: one request took {check.seconds:.1f} s;"
                                        " req/s estimated as workers ÷ that time"))
        else:
            if check.rewrites_session:
                print(f"note: {name} sets a new session cookie on every request")
            continue
        print(f"{name} ({path}): {unloaded[-1].note}")
        del paths[name]
        settle(base)
    options = {"seconds": args.seconds, "threads": args.threads,
               "connections": args.connections}
    results = []
    for name, path in [("baseline (before)", baseline_path), *paths.items()]:
        print(f"loading {name} ({path}) for {args.seconds} s …", flush=True)
        settle(base)
        results.append(run_wrk(name, base + path, path, cookies.get(name, cookie), **options))
    results.extend(after_writes())
    print(f"loading baseline (after) ({baseline_path}) for {args.seconds} s …", flush=True)
    settle(base)
    results.append(run_wrk("baseline (after)", base + baseline_path, baseline_path, cookie,
                           **options))
    baseline = (results[0].requests_per_s + results[-1].requests_per_s) / 2
    for result in results + unloaded:
        result.ratio = result.requests_per_s / baseline if baseline else None
    return results + unloaded


def _report(args: argparse.Namespace, results: list[Result], meta: dict,
            missing: list[str]) -> None:
    print()
    print(f"scale {args.scale} · gunicorn {args.workers} sync workers · wrk -t{args.threads} "
          f"-c{args.connections} -d{args.seconds}s · ratio = page req/s ÷ mean baseline req/s")
    width = max([20, *(len(r.page) for r in results)])
    print(f"{'page':<{width}} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}  path")
    for r in results:
        ratio = f"{r.ratio:.3f}" if r.ratio is not None and r.ratio < 0.01 else (
            f"{r.ratio:.2f}" if r.ratio is not None else "-")
        rps = f"{r.requests_per_s:,.0f}" if r.requests_per_s >= 10 else f"{r.requests_per_s:.2f}"
        if r.status != 200:
            rps, ratio = f"HTTP {r.status}" if r.status else "no answer", "-"
        marks = " *" if r.note else ""
        errors = f"  ({r.errors} errors)" if r.errors and r.status == 200 else ""
        print(f"{r.page:<{width}} {rps:>9} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {ratio:>6}  "
              f"{r.path}{marks}{errors}")
    for r in results:
        if r.note:
            print(f"* {r.page}: {r.note}")
    before, after = results[0].requests_per_s, _after_baseline(results).requests_per_s
    if before and after and abs(before - after) / max(before, after) > 0.2:
        print(f"warning: the baseline moved from {before:,.0f} to {after:,.0f} req/s during "
              "the run (other load on the machine?): ratios are uncertain by as much")
    out = OUT / f"results-{args.scale}.json"
    out.write_text(json.dumps({
        "measured": _now(), "scale": args.scale, "seconds": args.seconds,
        "workers": args.workers, "wrk": {"threads": args.threads,
                                         "connections": args.connections},
        "database_mb": meta.get("size_mb"), "not_yet_available": missing,
        "results": [asdict(r) for r in results],
    }, indent=2))
    print(f"\nwritten to {out.relative_to(PROJECT_ROOT)}")


def _after_baseline(results: list[Result]) -> Result:
    return next(r for r in results if r.page == "baseline (after)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=[s for s in SCALES if s != "tiny"],
                        default="small")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--pages", nargs="+", metavar="NAME",
                        help=f"default: all available ({', '.join(page_registry.PAGES)})")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--writes", type=int, default=10,
                        help='writes (each timed) per "after a write" page')
    parser.add_argument("--regenerate", action="store_true",
                        help="rebuild the database even if it is up to date")
    parser.add_argument("--import-events", type=int, default=500_000, metavar="N",
                        help="then time the CLI import of N journey events (0: skip)")
    parser.add_argument("--list", action="store_true", help="list the pages and exit")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 120:
        parser.error("--seconds must be between 1 and 120")
    if not 1 <= args.writes <= 100:
        parser.error("--writes must be between 1 and 100")
    if args.list:
        app = create_bench_app("sqlite://")
        present, _missing = page_registry.available(app)
        for name in page_registry.PAGES:
            state = "available" if name in present else "endpoint not in the app yet"
            print(f"{name:<16} {_endpoint(name):<36} {state}")
        return 0
    try:
        return measure(args)
    except KeyError as error:
        parser.error(str(error.args[0]))
    except KeyboardInterrupt:
        print("\ninterrupted; gunicorn stopped")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
