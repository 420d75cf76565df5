"""`make test`: the whole suite on SQLite, then again on PostgreSQL when
TEST_DATABASE_URL is set (CI always sets it), then ruff and import-linter.
Exits non-zero on any failure."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str]) -> int:
    print("+", " ".join(args), flush=True)
    return subprocess.call(args, cwd=ROOT, env=env)


def main() -> int:
    base = dict(os.environ, TMPDIR=str(ROOT / ".tmp"))
    (ROOT / ".tmp").mkdir(exist_ok=True)
    base.pop("TEST_DATABASE_URL", None)
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sys.argv[1:]]
    status = run(pytest, base)
    postgres_url = os.environ.get("TEST_DATABASE_URL")
    if postgres_url:
        print("\n== The same suite on PostgreSQL ==", flush=True)
        status |= run(pytest, dict(base, TEST_DATABASE_URL=postgres_url))
    elif os.environ.get("CI") == "true":
        print("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run is required.")
        status |= 1
    status |= run([sys.executable, "-m", "ruff", "check", "."], base)
    status |= run([str(Path(sys.executable).parent / "lint-imports")], base)
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
