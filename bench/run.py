"""Page throughput: serve cshire with gunicorn and load pages with wrk, each as a
ratio of a baseline route measured in the same run.

    make bench BENCH_ARGS="--scale large --seconds 10 --pages profiles kit-version"
    python -m bench.run --list

Steps: generate (or reuse) ``bench/out/bench-<scale>.sqlite``; start gunicorn with 2
sync workers on a free loopback port; wait for ``/healthz``; sign in as the bench
manager with a session cookie made by the app's own session interface; run wrk on the
baseline (``/healthz``, one query) before and after the pages, and on every page; print
the table and write ``bench/out/results-<scale>.json``. gunicorn is always stopped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask

from bench import pages as page_registry
from bench.generate import BENCH_MANAGER, SCALES, create_bench_app, generate

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
USER_AGENT = "cshire-bench"
HOST = "127.0.0.1"  # loopback only, always
GENERATOR_SOURCES = ("generate.py", "design.py", "process.py", "texts.py")


@dataclass
class Result:
    page: str
    path: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx/3xx responses plus socket errors
    ratio: float | None = None
    status: int = 200  # of the check before loading; a page not answering 200 is not loaded


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


# --- gunicorn -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(database: Path, secret: str, port: int, workers: int,
                   log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": secret,
           "CSHIRE_ENV": "production"}
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "sync",
               "-b", f"{HOST}:{port}", "app:app"]
    with log.open("w") as handle:
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=handle,
                                stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (gunicorn stops its workers gracefully), then SIGKILL its group."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def wait_healthy(base: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{_tail(log)}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"/healthz did not answer within {timeout:.0f} s:\n{_tail(log)}")


def settle(base: str, timeout: float = 30) -> None:
    """Wait until the workers are idle again: after a slow page, requests wrk abandoned
    are still queued, and the next measurement would pay for them."""
    deadline, quick = time.monotonic() + timeout, 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.perf_counter()
        with urllib.request.urlopen(base + "/healthz", timeout=timeout) as response:  # noqa: S310
            response.read()
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# --- signing in -------------------------------------------------------------------------


def session_cookie(app: Flask) -> str:
    """A signed-in session for the bench manager, as a browser holds it after logging in:
    the user id; Flask-Login's session identifier for wrk's address and User-Agent
    (without it, session protection marks the session non-fresh and re-signs the cookie
    on every response, or in "strong" mode signs the user out); and a CSRF token (else
    every page with a form would store a new one and re-sign the cookie)."""
    from flask_login.utils import _create_identifier
    from sqlalchemy import select

    from cshire.auth.models import User
    from cshire.extensions import db

    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == BENCH_MANAGER))
        with app.test_request_context(environ_base={"REMOTE_ADDR": HOST},
                                      headers={"User-Agent": USER_AGENT}):
            identifier = _create_identifier()
        data = {"_user_id": str(user_id), "_fresh": True, "_id": identifier,
                app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"): secrets.token_hex(20)}
        return app.session_interface.get_signing_serializer(app).dumps(data)


def headers(cookie: str) -> dict[str, str]:
    return {"Cookie": f"session={cookie}", "User-Agent": USER_AGENT}


def check_page(url: str, cookie: str) -> tuple[int, bool]:
    """(status without following redirects, whether the response rewrote the session)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers=headers(cookie))  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, "session=" in (response.headers.get("Set-Cookie") or "")
    except urllib.error.HTTPError as error:
        return error.code, False


# --- wrk --------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def run_wrk(name: str, url: str, path: str, cookie: str, *, seconds: int, threads: int,
            connections: int) -> Result:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s"]
    for key, value in headers(cookie).items():
        command += ["-H", f"{key}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True,
                            timeout=seconds + 30).stdout
    return Result(name, path, *parse_wrk(output))


def parse_wrk(output: str) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p99 ms, errors) from wrk's ``--latency`` report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\b",
                                           output, re.MULTILINE)
    }
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return rps, latency["50"], latency["99"], errors


# --- the run ----------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("bench: wrk is not installed (apt-get install wrk)")
    database, meta = database_for(args.scale, args.regenerate)
    secret = secrets.token_hex(32)
    app = create_bench_app(f"sqlite:///{database}")
    app.config["SECRET_KEY"] = secret
    names, missing = page_registry.available(app, args.pages)
    for name in missing:
        print(f"skipped {name}: endpoint {_endpoint(name)} not in the app yet")
    paths = {name: page_registry.PAGES[name](app) for name in names}
    baseline_path = page_registry.BASELINE(app)
    cookie = session_cookie(app)
    port = free_port()
    base = f"http://{HOST}:{port}"
    log = OUT / f"gunicorn-{args.scale}.log"
    process = start_gunicorn(database, secret, port, args.workers, log)
    try:
        wait_healthy(base, process, log)
        results = _measure_all(args, base, baseline_path, paths, cookie)
    finally:
        stop(process)
    _report(args, results, meta, missing)
    return 0 if all(r.errors == 0 for r in results) else 1


def _endpoint(name: str) -> str:
    return page_registry.PAGES[name].endpoint


def _measure_all(args: argparse.Namespace, base: str, baseline_path: str,
                 paths: dict[str, str], cookie: str) -> list[Result]:
    failed: list[Result] = []
    for name, path in list(paths.items()):
        status, rewrites = check_page(base + path, cookie)
        if status != 200:  # not loaded: a 500 or a redirect to the login page is no result
            print(f"error: {name} ({path}) answered {status}, not 200; not loaded")
            failed.append(Result(name, path, 0.0, 0.0, 0.0, errors=1, status=status))
            del paths[name]
        elif rewrites:
            print(f"note: {name} sets a new session cookie on every request")
    options = {"seconds": args.seconds, "threads": args.threads,
               "connections": args.connections}
    runs = [("baseline (before)", baseline_path), *paths.items(),
            ("baseline (after)", baseline_path)]
    results = []
    for name, path in runs:
        print(f"loading {name} ({path}) for {args.seconds} s …", flush=True)
        settle(base)
        results.append(run_wrk(name, base + path, path, cookie, **options))
    baseline = (results[0].requests_per_s + results[-1].requests_per_s) / 2
    for result in results:
        result.ratio = result.requests_per_s / baseline if baseline else None
    return results + failed


def _report(args: argparse.Namespace, results: list[Result], meta: dict,
            missing: list[str]) -> None:
    print()
    print(f"scale {args.scale} · gunicorn {args.workers} sync workers · wrk -t{args.threads} "
          f"-c{args.connections} -d{args.seconds}s · ratio = page req/s ÷ mean baseline req/s")
    print(f"{'page':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}  path")
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        flag = f"  ({r.errors} errors)" if r.errors else ""
        if r.status != 200:
            print(f"{r.page:<20} {'HTTP ' + str(r.status):>9} {'-':>8} {'-':>8} {'-':>6}  {r.path}"
                  "  (not loaded)")
            continue
        print(f"{r.page:<20} {r.requests_per_s:>9,.0f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} "
              f"{ratio:>6}  {r.path}{flag}")
    out = OUT / f"results-{args.scale}.json"
    out.write_text(json.dumps({
        "measured": _now(), "scale": args.scale, "seconds": args.seconds,
        "workers": args.workers, "wrk": {"threads": args.threads,
                                         "connections": args.connections},
        "database_mb": meta.get("size_mb"), "not_yet_available": missing,
        "results": [asdict(r) for r in results],
    }, indent=2))
    print(f"\nwritten to {out.relative_to(PROJECT_ROOT)}")


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
    parser.add_argument("--regenerate", action="store_true",
                        help="rebuild the database even if it is up to date")
    parser.add_argument("--list", action="store_true", help="list the pages and exit")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 120:
        parser.error("--seconds must be between 1 and 120")
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
