"""Serving and loading for ``bench.run``: gunicorn on a free loopback port, a signed-in
session cookie, one checked request per page, and wrk with its report parsed."""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from bench.generate import BENCH_MANAGER

PROJECT_ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "cshire-bench"
HOST = "127.0.0.1"  # loopback only, always


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
    note: str = ""


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
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"/healthz did not answer within {timeout:.0f} s:\n{_tail(log)}")


def settle(base: str, timeout: float = 60) -> None:
    """Wait until the workers are idle again: after a slow page, requests wrk abandoned
    are still queued, and the next measurement would pay for them."""
    deadline, quick = time.monotonic() + timeout, 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=timeout) as response:  # noqa: S310
                response.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            quick = 0
            time.sleep(0.5)
            continue
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0
    if quick < 3:
        print(f"warning: the server was still busy after {timeout:.0f} s")


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# --- signing in -------------------------------------------------------------------------


def session_cookie(app: Flask, email: str = BENCH_MANAGER) -> str:
    """A signed-in session for ``email`` (the bench manager unless a page says otherwise),
    as a browser holds it after logging in:
    the user id; Flask-Login's session identifier for wrk's address and User-Agent
    (without it, session protection marks the session non-fresh and re-signs the cookie
    on every response, or in "strong" mode signs the user out); and a CSRF token (else
    every page with a form would store a new one and re-sign the cookie)."""
    from flask_login.utils import _create_identifier
    from sqlalchemy import select

    from cshire.auth.models import User
    from cshire.extensions import db

    with app.app_context():
        # The session id carries the user's session token (revocable sessions).
        user_id = db.session.scalar(select(User).where(User.email == email)).get_id()
        with app.test_request_context(environ_base={"REMOTE_ADDR": HOST},
                                      headers={"User-Agent": USER_AGENT}):
            identifier = _create_identifier()
        data = {"_user_id": user_id, "_fresh": True, "_id": identifier,
                app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"): secrets.token_hex(20)}
        return app.session_interface.get_signing_serializer(app).dumps(data)


def headers(cookie: str) -> dict[str, str]:
    return {"Cookie": f"session={cookie}", "User-Agent": USER_AGENT}


@dataclass
class Check:
    status: int  # 0: no answer (connection closed, e.g. gunicorn killed a worker at 30 s)
    seconds: float
    rewrites_session: bool


def check_page(url: str, cookie: str, timeout: float = 90) -> Check:
    """One request before loading: its status (redirects not followed), its time, and
    whether the response re-signed the session cookie."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers=headers(cookie))  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
            rewrites = "session=" in (response.headers.get("Set-Cookie") or "")
            return Check(response.status, time.perf_counter() - started, rewrites)
    except urllib.error.HTTPError as error:
        return Check(error.code, time.perf_counter() - started, False)
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return Check(0, time.perf_counter() - started, False)


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
