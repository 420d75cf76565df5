"""Imports of CRM exports: customer accounts, their journey events and KPI values.

Each import reads a CSV file with the kernel reader (``cshire.csv_import``: UTF-8 or
Shift_JIS, header checked, every value parsed), checks every row against the others and
against the database, and raises ``EvaluationImportError`` listing every bad line before
anything is written: all or nothing. ``dry_run`` checks and counts without writing —
the preview of the upload page. Services never commit.

- Accounts are upserted by ``external_id``: a changed name, owner, touch model or ARR
  updates the row, so importing the same file twice changes nothing. The owner must be
  an existing, active user (any role): a deactivated person cannot own customers.
- Journey events are facts from the CRM: one per account, journey, stage and date. An
  event already imported, or repeated in the file, is ignored and counted. ``entered_at``
  is a date; a date and time (``2026-07-05T10:00:00``, with or without seconds or a UTC
  offset) counts as the date written in it — no time-zone conversion, the CRM's own
  calendar day is the one that matters.
- KPI values are upserted per person, metric and period. The person may be deactivated:
  a value for a period when someone still worked here remains a fact.

Speed (a CRM may export half a million events): rows are streamed, never turned into
ORM objects; accounts are looked up in one dict built by one query; events already in
the database are read per chunk of accounts; writes are executemany batches of Core
statements (``cshire.cache.bump`` marks the transaction as writing).
"""

import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any

from sqlalchemy import String, Table, bindparam, insert, select, type_coerce, update

from cshire import cache
from cshire.auth.models import User
from cshire.csv_import import (
    CellError,
    Column,
    CsvImport,
    Row,
    decimal_number,
    email_address,
    in_batches,
    integer,
    iso_date,
    max_length_of,
    one_of,
)
from cshire.database import utcnow
from cshire.evaluations.messages import EvaluationImportError
from cshire.evaluations.models.accounts import CHURNED, CustomerAccount, JourneyEvent, TouchModel
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.rules.periods import parse_period
from cshire.extensions import db
from cshire.training.models.journey import Journey

LOOKUP_BATCH = 1000  # values per IN list (databases cap the parameters of a statement)
WRITE_BATCH = 5000  # rows per executemany
PROGRESS_EVERY = 5000  # rows between two progress reports
SAMPLE_ROWS = 10  # rows the preview shows

# Where an import stands: ``progress(phase, done, total)`` with phase "check" (bytes of
# the file read) or "write" (rows written). The CLI draws it as progress bars.
Progress = Callable[[str, int, int], None]


# --- parsers ----------------------------------------------------------------------------

_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?",
    re.ASCII)
_METRIC = re.compile(r"[a-z0-9][a-z0-9_-]*", re.ASCII)


@lru_cache(maxsize=16384)
def entered_on(value: str) -> date:
    """A date (``iso_date``), or the date written in an ISO date and time. Remembered:
    an export of half a million events has a few thousand distinct days, and parsing
    each row's day again was a fifth of the import's time."""
    try:
        return iso_date(value)
    except CellError:
        match = _DATE_TIME.fullmatch(value)
        if match is None:
            raise CellError("import_entered_at") from None
        try:
            return iso_date(match[1])
        except CellError:
            raise CellError("import_entered_at") from None


def period_label(value: str) -> str:
    """``2026-07`` or ``2026-Q3`` (any case), as ``parse_period`` writes it."""
    try:
        return parse_period(value).label
    except ValueError:
        raise CellError("import_period") from None


def metric_code(value: str) -> str:
    code = value.lower()
    if not _METRIC.fullmatch(code):
        raise CellError("import_metric")
    return code


# --- the declarations -------------------------------------------------------------------

ACCOUNT_COLUMNS = (
    Column("external_id", required=True, max_length=max_length_of(CustomerAccount.external_id),
           example="CRM-00042"),
    Column("name", required=True, max_length=max_length_of(CustomerAccount.name),
           example="Example Corp"),
    Column("owner_email", required=True, parse=email_address, example="csm@example.com"),
    Column("touch_model", required=True, parse=one_of(*(t.value for t in TouchModel)),
           example="high"),
    # Numeric(14, 2)
    Column("arr", parse=decimal_number(minimum=0, maximum=Decimal("999999999999.99"),
                                       places=2), example="1200000"),
)
EVENT_COLUMNS = (
    Column("account_external_id", required=True,
           max_length=max_length_of(CustomerAccount.external_id), example="CRM-00042"),
    Column("stage", required=True, max_length=max_length_of(JourneyEvent.stage_code),
           example="onboarding"),
    Column("entered_at", required=True, parse=entered_on, example="2026-07-05"),
)
_KPI_LIMIT = Decimal("9999999999.99")  # Numeric(12, 2)
KPI_COLUMNS = (
    Column("email", required=True, parse=email_address, example="csm@example.com"),
    Column("metric", required=True, max_length=max_length_of(KpiValue.metric),
           parse=metric_code, example="nps"),
    Column("period", required=True, parse=period_label, example="2026-07"),
    Column("value", required=True,
           parse=decimal_number(minimum=-_KPI_LIMIT, maximum=_KPI_LIMIT, places=2),
           example="42.5"),
    Column("n", parse=integer(minimum=0, maximum=2_000_000_000), example="18"),
)


# --- results ----------------------------------------------------------------------------


@dataclass
class SampleRow:
    """One of the first rows of the file, and what the import does with it: "create",
    "update", "unchanged" or "duplicate" (an event ignored)."""

    line: int
    cells: tuple[Any, ...]
    outcome: str
    key: Any = field(default=None, repr=False)


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # events ignored: already imported, or repeated in the file
    sample: list[SampleRow] = field(default_factory=list)

    def note(self, row: Row, cells: tuple[Any, ...], outcome: str, key: Any = None) -> None:
        """Count the row, and keep it for the preview if it is one of the first."""
        self.rows += 1
        if outcome == "create":
            self.created += 1
        elif outcome == "update":
            self.updated += 1
        elif outcome == "unchanged":
            self.unchanged += 1
        else:
            self.duplicates += 1
        if len(self.sample) < SAMPLE_ROWS:
            self.sample.append(SampleRow(row.line, cells, outcome, key))


# --- accounts ---------------------------------------------------------------------------


def import_accounts(source: IO[bytes] | bytes, *, max_rows: int | None, dry_run: bool = False,
                    progress: Progress | None = None) -> ImportSummary:
    """Upsert customer accounts from a CSV of ``ACCOUNT_COLUMNS`` (see the module)."""
    reader, rows = _read(source, ACCOUNT_COLUMNS, max_rows, progress)
    owners = _users_by_email({row["owner_email"] for row in rows})
    existing = _accounts_by_external_id({row["external_id"] for row in rows})
    first_line: dict[str, int] = {}
    for row in rows:
        external_id, email = row["external_id"], row["owner_email"]
        if external_id in first_line:
            reader.add_problem(row.line, "account_duplicate", field="external_id",
                               external_id=external_id, first=first_line[external_id])
        first_line.setdefault(external_id, row.line)
        owner = owners.get(email)
        if owner is None:
            reader.add_problem(row.line, "owner_unknown", field="owner_email", email=email)
        elif not owner[1]:
            reader.add_problem(row.line, "owner_inactive", field="owner_email", email=email)
    reader.raise_if_problems()
    summary, creates, updates = ImportSummary(), [], []
    for row in rows:
        values = (row["name"], owners[row["owner_email"]][0], row["touch_model"], row["arr"])
        current = existing.get(row["external_id"])
        if current is None:
            outcome = "create"
            creates.append((row["external_id"], *values))
        elif current[1:] == values:
            outcome = "unchanged"
        else:
            outcome = "update"
            updates.append((current[0], *values))
        summary.note(row, (row["external_id"], row["name"], row["owner_email"],
                           row["touch_model"], row["arr"]), outcome)
    if not dry_run:
        _write_accounts(creates, updates, progress)
    return summary


_ACCOUNT_FIELDS = ("external_id", "name", "owner_id", "touch_model", "arr", "created_at",
                   "updated_at")


def _write_accounts(creates: list[tuple], updates: list[tuple],
                    progress: Progress | None) -> None:
    table, now = CustomerAccount.__table__, utcnow()
    total, done = len(creates) + len(updates), 0
    for batch in in_batches(creates, WRITE_BATCH):
        _insert_rows(table, _ACCOUNT_FIELDS, [(*row, now, now) for row in batch])
        done += len(batch)
        _report(progress, "write", done, total)
    statement = (update(table).where(table.c.id == bindparam("account_id"))
                 .values(name=bindparam("new_name"), owner_id=bindparam("new_owner"),
                         touch_model=bindparam("new_touch"), arr=bindparam("new_arr"),
                         updated_at=now))
    for batch in in_batches(updates, WRITE_BATCH):
        db.session.execute(statement, [
            {"account_id": account_id, "new_name": name, "new_owner": owner_id,
             "new_touch": touch, "new_arr": arr}
            for account_id, name, owner_id, touch, arr in batch])
        done += len(batch)
        _report(progress, "write", done, total)
    if total:
        cache.bump()


def _accounts_by_external_id(external_ids: Iterable[str]) -> dict[str, tuple]:
    """external_id → (id, name, owner_id, touch_model, arr) of those already stored."""
    c = CustomerAccount
    found: dict[str, tuple] = {}
    for batch in in_batches(sorted(external_ids), LOOKUP_BATCH):
        for external_id, *rest in db.session.execute(
                select(c.external_id, c.id, c.name, c.owner_id, c.touch_model, c.arr)
                .where(c.external_id.in_(batch))):
            found[external_id] = tuple(rest)
    return found


def _users_by_email(emails: Iterable[str]) -> dict[str, tuple[int, bool]]:
    """email → (id, active) of the users with those (lower-cased) emails."""
    found: dict[str, tuple[int, bool]] = {}
    for batch in in_batches(sorted(emails), LOOKUP_BATCH):
        for email, user_id, active in db.session.execute(
                select(User.email, User.id, User.active).where(User.email.in_(batch))):
            found[email.lower()] = (user_id, active)
    return found


# --- journey events ---------------------------------------------------------------------

_DAY_BITS = 22  # date.max.toordinal() < 2**22
_DAY_MASK = (1 << _DAY_BITS) - 1


class _EventKeys:
    """An event (account id, stage, date) as one int, ``((account_id × number of stages
    + stage index) << _DAY_BITS) | the day's ordinal``, computed inline where it runs
    once a row: a set of half a million ints is a fraction of the memory, and of the
    time, of a set of tuples."""

    def __init__(self, stage_codes: list[str]) -> None:
        self.codes = stage_codes
        self.index = {code: i for i, code in enumerate(stage_codes)}
        self.folded = {code.casefold(): i for i, code in enumerate(stage_codes)}
        self.width = len(stage_codes)

    def stage(self, text: str) -> int | None:
        found = self.index.get(text)
        return found if found is not None else self.folded.get(text.casefold())


def find_journey(code: str) -> Journey:
    journey = db.session.scalar(select(Journey).where(Journey.code == code.strip()))
    if journey is None:
        raise EvaluationImportError("unknown_journey", code=code.strip())
    return journey


def import_events(journey_code: str, source: IO[bytes] | bytes, *, max_rows: int | None,
                  dry_run: bool = False, progress: Progress | None = None) -> ImportSummary:
    """Add journey events from a CSV of ``EVENT_COLUMNS`` to the journey with
    ``journey_code``; events already there or repeated in the file are ignored."""
    journey = find_journey(journey_code)
    keys = _EventKeys([stage.code for stage in journey.stages] + [CHURNED])
    stage_list = ", ".join(keys.codes[:-1])
    accounts: dict[str, int] = dict(db.session.execute(  # type: ignore[arg-type]
        select(CustomerAccount.external_id, CustomerAccount.id)).all())
    reader, stream = _reader(source, EVENT_COLUMNS, max_rows)
    summary, new, in_file = ImportSummary(), set(), set()
    # The loop runs once a row: names bound locally, the key computed inline.
    index, width, add, rows = keys.index, keys.width, new.add, 0
    for row in _tracked(reader, stream, progress):
        rows += 1
        external_id, stage_text = row["account_external_id"], row["stage"]
        account_id, stage = accounts.get(external_id), index.get(stage_text)
        if stage is None:
            stage = keys.stage(stage_text)  # written in another case
        if account_id is None:
            reader.add_problem(row.line, "account_unknown", field="account_external_id",
                               external_id=external_id)
        if stage is None:
            reader.add_problem(row.line, "stage_unknown", field="stage", stage=stage_text,
                               journey=journey.code, stages=stage_list)
        if account_id is None or stage is None or reader.problems:
            continue  # the file is refused: only its problems matter now
        key = ((account_id * width + stage) << _DAY_BITS) | row["entered_at"].toordinal()
        if rows <= SAMPLE_ROWS:
            summary.sample.append(SampleRow(row.line, (
                external_id, keys.codes[stage], row["entered_at"]),
                "duplicate" if key in new else "create", key))
        add(key)
        in_file.add(account_id)
    reader.raise_if_problems()
    # Counted at the end: a key per distinct event, the rest repeated in the file.
    summary.rows, summary.created = rows, len(new)
    summary.duplicates = rows - len(new)
    _drop_stored_events(journey.id, keys, in_file, new, summary)
    if not dry_run:
        _write_events(journey.id, keys, new, progress)
    return summary


def _drop_stored_events(journey_id: int, keys: _EventKeys, account_ids: set[int],
                        new: set[int], summary: ImportSummary) -> None:
    """Remove from ``new`` the events already stored, counting them as duplicates. Only
    the accounts that have events on the journey are read (none on a first import)."""
    e = JourneyEvent
    stored = set(db.session.scalars(
        select(e.account_id).where(e.journey_id == journey_id).distinct()))
    # The day as the driver returns it (SQLite: its text, not parsed into a date for
    # each of half a million rows), turned into its ordinal once per distinct value.
    ordinals: dict[Any, int] = {}
    index, width, found = keys.index, keys.width, 0
    query = select(e.account_id, e.stage_code, type_coerce(e.entered_on, String)).where(
        e.journey_id == journey_id)
    wanted = account_ids & stored
    # Most of the journey's accounts: one pass over its events beats an IN list per
    # thousand accounts (the re-import of a whole export).
    batches = [query] if 2 * len(wanted) > len(stored) else [
        query.where(e.account_id.in_(batch)) for batch in in_batches(sorted(wanted),
                                                                     LOOKUP_BATCH)]
    for batch_query in batches if wanted else ():
        for account_id, code, day in db.session.execute(batch_query):
            stage = index.get(code)
            if stage is None:
                continue  # a stage since removed from the journey: no file row can match
            ordinal = ordinals.get(day)
            if ordinal is None:
                ordinal = ordinals[day] = (
                    date.fromisoformat(day) if isinstance(day, str) else day).toordinal()
            key = ((account_id * width + stage) << _DAY_BITS) | ordinal
            if key in new:
                new.discard(key)
                found += 1
    summary.created -= found
    summary.duplicates += found
    for sample in summary.sample:
        if sample.outcome == "create" and sample.key not in new:
            sample.outcome = "duplicate"


_EVENT_ROW = ("account_id", "stage_code", "entered_on", "journey_id", "imported_at")


def _write_events(journey_id: int, keys: _EventKeys, new: set[int],
                  progress: Progress | None) -> None:
    """Insert the events in key order (by account: the unique index is filled in
    order), each row's values bound once per distinct day rather than once per row."""
    table, done = JourneyEvent.__table__, 0
    bind_day, stamp = _binder(table.c.entered_on), _binder(table.c.imported_at)(utcnow())
    days: dict[int, Any] = {}
    codes, width = keys.codes, keys.width
    with _sqlite_cache():
        for batch in in_batches(sorted(new), WRITE_BATCH):
            rows = []
            for key in batch:
                ordinal = key & _DAY_MASK
                day = days.get(ordinal)
                if day is None:
                    day = days[ordinal] = bind_day(date.fromordinal(ordinal))
                account_id, stage = divmod(key >> _DAY_BITS, width)
                rows.append((account_id, codes[stage], day, journey_id, stamp))
            _insert_rows(table, _EVENT_ROW, rows, bound=True)
            done += len(batch)
            _report(progress, "write", done, len(new))
    if new:
        cache.bump()


SQLITE_IMPORT_CACHE_KIB = 65536  # the write phase's page cache: its indexes stay in memory


@contextmanager
def _sqlite_cache() -> Iterator[None]:
    """On SQLite, a larger page cache while the events are written (the default 2 MB
    spills the two event indexes to disk page by page: a third slower), then the
    connection's own again; elsewhere nothing."""
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _binder(column) -> Callable[[Any], Any]:
    """The value ``_insert_rows`` hands the driver for ``column``: its type's bind
    processor where values go through one (SQLite's executemany), else the value."""
    dialect = db.session.connection().dialect
    if dialect.driver == "psycopg" or dialect.paramstyle != "qmark":
        return lambda value: value
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    return processor or (lambda value: value)


# --- KPI values -------------------------------------------------------------------------


def import_kpis(source: IO[bytes] | bytes, *, actor: User | None, max_rows: int | None,
                dry_run: bool = False, progress: Progress | None = None) -> ImportSummary:
    """Upsert KPI values from a CSV of ``KPI_COLUMNS``, entered by ``actor`` (None from
    the command line)."""
    reader, rows = _read(source, KPI_COLUMNS, max_rows, progress)
    users = _users_by_email({row["email"] for row in rows})
    existing = _kpi_values({user_id for user_id, _active in users.values()})
    first_line: dict[tuple, int] = {}
    for row in rows:
        email, which = row["email"], (row["email"], row["metric"], row["period"])
        if which in first_line:
            reader.add_problem(row.line, "kpi_duplicate", email=email, metric=row["metric"],
                               period=row["period"], first=first_line[which])
        first_line.setdefault(which, row.line)
        if email not in users:
            reader.add_problem(row.line, "kpi_user_unknown", field="email", email=email)
    reader.raise_if_problems()
    summary, creates, updates = ImportSummary(), [], []
    for row in rows:
        user_id = users[row["email"]][0]
        current = existing.get((user_id, row["metric"], row["period"]))
        if current is None:
            outcome = "create"
            creates.append((user_id, row["metric"], row["period"], row["value"], row["n"]))
        elif current[1:] == (row["value"], row["n"]):
            outcome = "unchanged"
        else:
            outcome = "update"
            updates.append((current[0], row["value"], row["n"]))
        summary.note(row, (row["email"], row["metric"], row["period"], row["value"], row["n"]),
                     outcome)
    if not dry_run:
        _write_kpis(creates, updates, actor.id if actor is not None else None, progress)
    return summary


def _kpi_values(user_ids: Iterable[int]) -> dict[tuple, tuple]:
    """(user_id, metric, period) → (id, value, n) of those users' stored values."""
    k = KpiValue
    found: dict[tuple, tuple] = {}
    for batch in in_batches(sorted(user_ids), LOOKUP_BATCH):
        for value_id, user_id, metric, period, value, n in db.session.execute(
                select(k.id, k.user_id, k.metric, k.period, k.value, k.n)
                .where(k.user_id.in_(batch))):
            found[(user_id, metric, period)] = (value_id, value, n)
    return found


_KPI_FIELDS = ("user_id", "metric", "period", "value", "n", "note", "entered_by_id",
               "entered_at")


def _write_kpis(creates: list[tuple], updates: list[tuple], actor_id: int | None,
                progress: Progress | None) -> None:
    table, now = KpiValue.__table__, utcnow()
    total, done = len(creates) + len(updates), 0
    for batch in in_batches(creates, WRITE_BATCH):
        _insert_rows(table, _KPI_FIELDS, [(*row, "", actor_id, now) for row in batch])
        done += len(batch)
        _report(progress, "write", done, total)
    statement = (update(table).where(table.c.id == bindparam("value_id"))
                 .values(value=bindparam("new_value"), n=bindparam("new_n"),
                         entered_by_id=actor_id, entered_at=now))
    for batch in in_batches(updates, WRITE_BATCH):
        db.session.execute(statement, [
            {"value_id": value_id, "new_value": value, "new_n": n}
            for value_id, value, n in batch])
        done += len(batch)
        _report(progress, "write", done, total)
    if total:
        cache.bump()


# --- writing ----------------------------------------------------------------------------


def _insert_rows(table: Table, fields: tuple[str, ...], rows: list[tuple], *,
                 bound: bool = False) -> None:
    """Insert ``rows`` (tuples of ``fields``) into ``table`` in the session's
    transaction, with the driver's fastest bulk path: COPY on PostgreSQL (psycopg) —
    an executemany of INSERTs runs each row as a statement of its own, tens of times
    slower; on SQLite one executemany of values converted once per distinct value (a
    date or the import's timestamp repeats on thousands of rows; none when ``bound``:
    the values went through ``_binder`` already). Elsewhere, Core."""
    connection = db.session.connection()
    dialect = connection.dialect
    if dialect.driver == "psycopg":
        statement = f"COPY {table.name} ({', '.join(fields)}) FROM STDIN"
        with connection.connection.dbapi_connection.cursor() as cursor, \
                cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    elif dialect.paramstyle == "qmark":
        processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                      for name in fields]
        if any(processors) and not bound:
            rows = _converted(rows, processors)
        connection.exec_driver_sql(  # names from the model, values bound
            f"INSERT INTO {table.name} ({', '.join(fields)}) "  # noqa: S608
            f"VALUES ({', '.join('?' * len(fields))})", rows)
    else:
        connection.execute(insert(table), [dict(zip(fields, row, strict=True))
                                           for row in rows])


def _converted(rows: list[tuple], processors: list[Callable[[Any], Any] | None]) -> list:
    """``rows`` with each column through its type's bind processor, column by column and
    once per distinct value (a date or the import's timestamp repeats on thousands of
    rows): the lookups run in C, not a Python call per cell."""
    columns = list(zip(*rows, strict=True))
    for number, processor in enumerate(processors):
        if processor is not None:
            done = {value: processor(value) for value in set(columns[number])
                    if value is not None}
            done[None] = None
            columns[number] = map(done.__getitem__, columns[number])
    return list(zip(*columns, strict=True))


# --- reading ----------------------------------------------------------------------------


def _reader(source: IO[bytes] | bytes, columns: tuple[Column, ...],
            max_rows: int | None) -> tuple[CsvImport, IO[bytes]]:
    """The reader of ``source``, and the stream it reads (its position tells progress)."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    return CsvImport(stream, columns, max_rows=max_rows,
                     error_class=EvaluationImportError), stream


def _read(source: IO[bytes] | bytes, columns: tuple[Column, ...], max_rows: int | None,
          progress: Progress | None) -> tuple[CsvImport, list[Row]]:
    """The reader and its good rows, in memory: accounts and KPI values are one row per
    customer or person and period, far fewer than events."""
    reader, stream = _reader(source, columns, max_rows)
    return reader, list(_tracked(reader, stream, progress))


def _tracked(reader: CsvImport, stream: IO[bytes], progress: Progress | None) -> Iterator[Row]:
    """The reader's rows, reporting the bytes read every ``PROGRESS_EVERY`` rows."""
    if progress is None:
        yield from reader
        return
    start = stream.tell()
    total = stream.seek(0, io.SEEK_END) - start
    stream.seek(start)
    for count, row in enumerate(reader, start=1):
        if count % PROGRESS_EVERY == 0:
            progress("check", min(stream.tell() - start, total), total)
        yield row
    progress("check", total, total)


def _report(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)
