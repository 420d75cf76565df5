"""A per-process cache of rendered pages, invalidated by one data generation counter.

**The generation.** One row, ``data_generations['data']``, counts committed changes.
Every transaction that writes anything (other than login throttling) adds one to it,
from Session events registered once here, so no service or view can forget to
invalidate. The increment is an ordinary row update inside the writing transaction:
it becomes visible exactly when the data does and disappears with it on rollback.
It runs just before COMMIT (not at the first flush), so on PostgreSQL the row lock
it takes is held only for the instant of the commit: writers do not queue behind
each other's long transactions, and no lock-order deadlock can form with it.

Writes that bypass the ORM flush are covered too: ORM-enabled bulk
``update()``/``delete()``/``insert()`` through ``db.session.execute`` are seen by the
``do_orm_execute`` hook; raw SQL (``text()``) must call :func:`bump`.

**The cache.** :func:`cached_page` keeps rendered HTML keyed by the page, the viewer,
their language, their session's CSRF token, the generation and the current minute.
A page is served from it only while nothing at all has changed since it was rendered.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from flask import Flask, Response, current_app, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import BigInteger, String, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from cshire.extensions import db

GENERATION = "data"
MAX_ENTRIES = 512
# Tables whose changes never show on a page (login throttling is written by failed
# sign-ins, which must not flush everyone's cache).
IGNORED_TABLES = frozenset({"login_attempts", "data_generations"})
_WROTE = "cshire.cache.wrote"


class DataGeneration(db.Model):
    """A named counter of committed changes; ``'data'`` covers every table."""

    __tablename__ = "data_generations"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


# ------------------------------------------------------------------ generation

_GENERATIONS = DataGeneration.__table__
_SELECT_GENERATION = select(_GENERATIONS.c.value).where(_GENERATIONS.c.name == GENERATION)


def current_generation() -> int:
    """The committed generation: one primary-key SELECT (0 before the first write).

    Read it BEFORE loading the data a page shows. A writer committing in between
    then leaves newer data under the older generation, a key no later reader asks
    for; read after, older data could be stored under the newer generation and
    served until the next write.
    """
    # On the session's connection (same transaction), without the ORM's overhead.
    value = db.session.connection().execute(_SELECT_GENERATION).scalar()
    return int(value or 0)


def bump(session: Session | None = None) -> None:
    """Mark the current transaction as writing: the generation moves at its commit.
    Only needed after raw SQL writes; ORM flushes and bulk statements are seen."""
    (session if session is not None else db.session()).info[_WROTE] = True


def _counts(instance: Any) -> bool:
    return getattr(instance, "__tablename__", None) not in IGNORED_TABLES


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(_WROTE):
        return
    if (
        any(_counts(obj) for obj in session.new)
        or any(_counts(obj) for obj in session.deleted)
        or any(_counts(obj) and session.is_modified(obj) for obj in session.dirty)
    ):
        session.info[_WROTE] = True


def _do_orm_execute(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) not in IGNORED_TABLES:
            state.session.info[_WROTE] = True


def _before_commit(session: Session) -> None:
    # Commit flushes after this hook; flush first so its changes are counted.
    session.flush()
    if session.info.pop(_WROTE, False):
        _increment(session.connection())


def _after_transaction_end(session: Session, transaction: Any) -> None:
    # A rolled-back transaction's writes are gone: forget them. (A savepoint rolled
    # back leaves the mark, which costs at most one spare increment.)
    if transaction.parent is None:
        session.info.pop(_WROTE, None)


def _increment(connection: Any) -> None:
    table = DataGeneration.__table__
    increment = (
        table.update().where(table.c.name == GENERATION).values(value=table.c.value + 1)
    )
    if connection.execute(increment).rowcount:
        return
    # First write ever: create the row. ON CONFLICT covers two first writers racing
    # (on PostgreSQL the second waits for the first and then inserts nothing).
    dialect = {"postgresql": postgresql, "sqlite": sqlite}.get(connection.dialect.name)
    if dialect is None:
        raise RuntimeError(f"cshire.cache: unsupported database {connection.dialect.name}")
    connection.execute(
        dialect.insert(table).values(name=GENERATION, value=0)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    connection.execute(increment)


# ----------------------------------------------------------------------- pages


class PageCache:
    """A small thread-safe LRU of rendered bodies."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bytes, str] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, entry: tuple[bytes, str]) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


class Memo:
    """A small per-process LRU for results that are expensive to compute and keyed by
    what they were computed from (e.g. a fingerprint of the rows they read), so a
    changed input is simply a new key and a stale value is never served.

    One ``Memo`` per kind of result, held by ``init_app`` on the app (never at module
    level: tests build many apps). Thread-safe; computing happens outside the lock, so
    two threads may compute the same value once each, which is harmless.
    """

    def __init__(self, max_entries: int) -> None:
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def known(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def memo(name: str, max_entries: int = 256) -> Memo:
    """The app's memo called ``name``, created on first use."""
    memos: dict[str, Memo] = current_app.extensions.setdefault("cshire.memos", {})
    if name not in memos:
        memos[name] = Memo(max_entries)
    return memos[name]


def page_cache() -> PageCache:
    return current_app.extensions["cshire.page_cache"]


def _page_key(key_parts: Hashable, generation: int) -> Hashable:
    if session.get(current_app.config["WTF_CSRF_FIELD_NAME"]) is None:
        generate_csrf()  # the raw token must exist before it keys the entry
    return (
        request.endpoint,
        key_parts,
        request.query_string,  # the page echoes request.full_path
        current_user.get_id(),  # nobody is served another viewer's page
        str(get_locale()),
        session.get(current_app.config["WTF_CSRF_FIELD_NAME"]),  # forms' tokens stay valid
        generation,
        int(time.time() // 60),  # bounds any time-dependent text to a minute
    )


def cached_page(
    key_parts: Hashable, render: Callable[[], Any], *, generation: int | None = None
) -> Any:
    """``render()``'s response, served from the cache while no data has changed.

    Pass ``generation`` when the view read it before loading anything itself (see
    :func:`current_generation`). Only a GET answered 200 is stored, and nothing is
    served or stored while the session holds flashed messages (they show once).
    """
    if generation is None:
        generation = current_generation()
    if request.method != "GET" or session.get("_flashes"):
        return render()
    key = _page_key(key_parts, generation)
    cache = page_cache()
    entry = cache.get(key)
    if entry is not None:
        body, mimetype = entry
        return Response(body, mimetype=mimetype)
    response = current_app.make_response(render())
    if response.status_code == 200 and not response.is_streamed:
        cache.put(key, (response.get_data(), response.mimetype or "text/html"))
    return response


def init_app(app: Flask) -> None:
    app.extensions["cshire.page_cache"] = PageCache(app.config.get("PAGE_CACHE_SIZE", MAX_ENTRIES))
    # ``db.session`` stands for Flask-SQLAlchemy's Session class: listen once per process.
    for name, listener in (
        ("before_flush", _before_flush),
        ("do_orm_execute", _do_orm_execute),
        ("before_commit", _before_commit),
        ("after_transaction_end", _after_transaction_end),
    ):
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)
