"""The sign-in throttle: a service (it never commits) that counts attempts atomically.

The scheme (OWASP's "Blocking Brute Force Attacks": lock the combination of account and
client, with a slower cap per account against attacks from many addresses):

- Each attempt is **counted before the password is checked**, with one atomic
  ``UPDATE … RETURNING`` per key (after an ``INSERT … ON CONFLICT DO NOTHING`` creates the
  row): parallel requests can neither both slip under the limit nor race to insert the
  same row. The attempts beyond the limit are refused without checking the password.
- **Email + client address**: ``per_address`` attempts per window (default 5 per 15
  minutes). A stranger who guesses passwords locks out only themselves: the real user,
  signing in from another address, is not affected.
- **Email alone**: ``per_email`` attempts per window (default 50 per 15 minutes) from all
  addresses together — only an attack spread over many addresses reaches it. Attempts
  already refused by the first key do not count here, so one address cannot use up the
  email's allowance.
- A successful sign-in takes its own attempt back off both counts: failures count,
  successes do not — and however requests interleave, no more than ``per_address``
  wrong passwords are ever checked for one email from one address in one window.
  Windows are fixed: the count starts afresh ``window_minutes`` after the window's first
  attempt.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, update
from sqlalchemy.dialects import postgresql, sqlite

from cshire.auth.messages import AuthError
from cshire.auth.models import LoginAttempt
from cshire.extensions import db


@dataclass(frozen=True)
class ThrottlePolicy:
    per_address: int = 5
    per_email: int = 50
    window_minutes: int = 15

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.window_minutes)


def count_sign_in_attempt(email: str, client: str, policy: ThrottlePolicy,
                          now: datetime) -> None:
    """Count one attempt for ``email`` from ``client``; raise ``locked`` beyond a limit."""
    for key, limit in ((f"address:{email}|{client}", policy.per_address),
                       (f"email:{email}", policy.per_email)):
        attempts, started = _count(key, policy.window, now)
        if attempts > limit:
            raise AuthError("locked", minutes=_minutes_left(started + policy.window, now))


def forgive_sign_in_attempt(email: str, client: str) -> None:
    """A successful sign-in: its attempt does not count (atomic, like the counting)."""
    db.session.execute(
        update(LoginAttempt)
        .where(LoginAttempt.key.in_([f"address:{email}|{client}", f"email:{email}"]),
               LoginAttempt.attempts > 0)
        .values(attempts=LoginAttempt.attempts - 1))


def _count(key: str, window: timedelta, now: datetime) -> tuple[int, datetime]:
    table = LoginAttempt.__table__
    insert = postgresql.insert if db.session.get_bind().dialect.name == "postgresql" \
        else sqlite.insert
    db.session.execute(insert(table).values(key=key, attempts=0, window_started_at=now)
                       .on_conflict_do_nothing(index_elements=["key"]))
    expired = table.c.window_started_at <= now - window
    statement = (
        update(table).where(table.c.key == key)
        .values(attempts=case((expired, 1), else_=table.c.attempts + 1),
                window_started_at=case((expired, now), else_=table.c.window_started_at))
        .returning(table.c.attempts, table.c.window_started_at)
    )
    attempts, started = db.session.execute(statement).one()
    # SQLite hands back what it stored as text; both databases store UTC.
    if isinstance(started, str):
        started = datetime.fromisoformat(started)
    if started.tzinfo is None:
        started = started.replace(tzinfo=now.tzinfo)
    return attempts, started


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds() / 60))
