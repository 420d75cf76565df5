"""Throughput of the CSV reader (cshire.csv_import): rows per second over a generated
file, read from disk as the CLI would. Not a test: run it by hand.

    .venv/bin/python -m bench.csv_import                # 500,000 rows
    .venv/bin/python -m bench.csv_import --rows 100000 --encoding cp932

Three declarations over the same file: text columns only; text plus an integer, a
date and a yes/no parser; and the same with the (much slower) email parser.
"""

import argparse
import tempfile
import time
from pathlib import Path

from cshire.csv_import import Column, CsvImport, email_address, integer, iso_date, yes_no

TEXT_ONLY = [Column("customer", required=True, max_length=200), Column("email"),
             Column("plan"), Column("score"), Column("started_on"), Column("active")]
PARSED = [*TEXT_ONLY[:3], Column("score", parse=integer(minimum=0, maximum=100)),
          Column("started_on", parse=iso_date), Column("active", parse=yes_no)]
WITH_EMAIL = [TEXT_ONLY[0], Column("email", parse=email_address), *PARSED[2:]]


def write_file(path: Path, rows: int, encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as out:
        out.write("customer,email,plan,score,started_on,active\r\n")
        for n in range(rows):
            out.write(f"顧客 {n},user{n}@example.com,standard,{n % 101},"
                      f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d},{'yes' if n % 2 else 'no'}\r\n")


def measure(path: Path, columns: list[Column]) -> tuple[int, float]:
    with path.open("rb") as source:
        started = time.perf_counter()
        reader = CsvImport(source, columns, max_rows=None)
        count = sum(1 for _row in reader)
        elapsed = time.perf_counter() - started
    assert not reader.problems, reader.problems.kept()[:3]
    return count, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "cp932"), default="utf-8")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        write_file(path, args.rows, args.encoding)
        size = path.stat().st_size / 1e6
        for label, columns in (("text only", TEXT_ONLY), ("parsed", PARSED),
                               ("parsed + email", WITH_EMAIL)):
            count, elapsed = measure(path, columns)
            print(f"{label:15} {count:>9,} rows  {size:6.1f} MB  {elapsed:6.2f} s  "
                  f"{count / elapsed:>9,.0f} rows/s")


if __name__ == "__main__":
    main()
