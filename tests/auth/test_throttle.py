"""The sign-in throttle (cshire/auth/throttle.py): attempts counted atomically per email
and client address, with a slower cap per email; a stranger cannot lock a user out."""

import threading
from collections import Counter
from datetime import timedelta

import pytest

from cshire.auth.models import LoginAttempt, Role
from cshire.auth.services import AuthError, ThrottlePolicy, authenticate
from cshire.database import utcnow
from cshire.extensions import db
from tests import factories
from tests.factories import PASSWORD

POLICY = ThrottlePolicy(per_address=3, per_email=10, window_minutes=15)
HOME, ATTACKER = "192.0.2.10", "198.51.100.66"


def _sign_in(email, password, *, client=HOME, now=None, policy=POLICY):
    return authenticate(email, password, policy, client=client, now=now)


def _fail(email, times, *, client=HOME, now=None, policy=POLICY) -> None:
    for _ in range(times):
        with pytest.raises(AuthError):
            _sign_in(email, "wrong-password!", client=client, now=now, policy=policy)


def test_authenticate_accepts_the_right_password_case_insensitively(app):
    user = factories.user(email="Ana@Example.org")
    assert _sign_in(" ANA@example.org ", PASSWORD) is user
    assert user.last_login_at is not None


def test_wrong_password_and_unknown_email_give_the_same_error(app):
    factories.user(email="ana@example.org")
    with pytest.raises(AuthError) as wrong:
        _sign_in("ana@example.org", "nope-nope-nope")
    with pytest.raises(AuthError) as unknown:
        _sign_in("nobody@example.org", "nope-nope-nope")
    assert wrong.value.code == unknown.value.code == "invalid"


def test_deactivated_user_cannot_sign_in(app):
    factories.user(email="gone@example.org", active=False)
    with pytest.raises(AuthError, match="invalid"):
        _sign_in("gone@example.org", PASSWORD)


@pytest.mark.parametrize("email", ["ana@example.org", "nobody@example.org"])
def test_repeated_failures_lock_the_email_from_that_address_whether_or_not_it_exists(
        app, email):
    factories.user(email="ana@example.org")
    now = utcnow()
    _fail(email, POLICY.per_address, now=now)
    with pytest.raises(AuthError) as locked:
        _sign_in(email, PASSWORD, now=now + timedelta(minutes=1))
    assert locked.value.code == "locked"
    assert locked.value.params["minutes"] == 14


def test_a_stranger_cannot_lock_the_user_out(app):
    """The stranger locks only their own address; the user signs in from home."""
    user = factories.user(Role.ADMIN, email="admin@example.org")
    _fail("admin@example.org", 20, client=ATTACKER)
    assert _sign_in("admin@example.org", PASSWORD, client=HOME) is user


def test_attempts_refused_at_one_address_do_not_use_up_the_emails_allowance(app):
    factories.user(email="ana@example.org")
    _fail("ana@example.org", POLICY.per_email * 3, client=ATTACKER)
    email_row = db.session.query(LoginAttempt).filter_by(key="email:ana@example.org").one()
    assert email_row.attempts == POLICY.per_address


def test_an_attack_from_many_addresses_meets_the_cap_per_email(app):
    factories.user(email="ana@example.org")
    for n in range(POLICY.per_email):
        _fail("ana@example.org", 1, client=f"203.0.113.{n}")
    with pytest.raises(AuthError, match="locked"):
        _sign_in("ana@example.org", PASSWORD, client="203.0.113.250")


def test_the_lock_expires_with_its_window(app):
    factories.user(email="ana@example.org")
    start = utcnow()
    _fail("ana@example.org", POLICY.per_address, now=start)
    assert _sign_in("ana@example.org", PASSWORD, now=start + timedelta(minutes=16))


def test_successful_sign_ins_do_not_count(app):
    factories.user(email="ana@example.org")
    for _ in range(POLICY.per_address * 3):
        assert _sign_in("ana@example.org", PASSWORD)
    _fail("ana@example.org", POLICY.per_address - 1)
    assert _sign_in("ana@example.org", PASSWORD)
    db.session.flush()
    counts = {a.key: a.attempts for a in db.session.query(LoginAttempt)}
    assert counts[f"address:ana@example.org|{HOME}"] == POLICY.per_address - 1


def test_attempts_outside_the_window_start_a_new_count(app):
    factories.user(email="ana@example.org")
    start = utcnow()
    for minutes in (0, 20, 40):
        _fail("ana@example.org", 1, now=start + timedelta(minutes=minutes))
    assert _sign_in("ana@example.org", PASSWORD, now=start + timedelta(minutes=41))


def test_the_wrong_attempts_beyond_the_limit_are_not_even_checked(app):
    factories.user(email="ana@example.org")
    codes = []
    for _ in range(POLICY.per_address + 4):
        with pytest.raises(AuthError) as refused:
            _sign_in("ana@example.org", "wrong-password!")
        codes.append(refused.value.code)
    assert codes == ["invalid"] * POLICY.per_address + ["locked"] * 4
    with pytest.raises(AuthError, match="locked"):
        _sign_in("ana@example.org", PASSWORD)  # even the right password, from here


def _parallel_sign_ins(race_app, passwords: list[str], client: str) -> Counter:
    """Each password tried at once on its own thread and database connection."""
    results: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(len(passwords))

    def attempt(password: str) -> None:
        http = race_app.test_client()
        start.wait()
        response = http.post("/login", data={"email": "ana@example.org",
                                              "password": password},
                             environ_base={"REMOTE_ADDR": client})
        body = response.get_data(as_text=True)
        outcome = ("in" if response.status_code == 302 else
                   "locked" if "Too many failed sign-ins" in body else
                   "invalid" if "not correct" in body else f"HTTP {response.status_code}")
        with lock:
            results[outcome] += 1

    threads = [threading.Thread(target=attempt, args=(p,)) for p in passwords]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_forty_parallel_wrong_passwords_get_exactly_five_checked(race_app):
    with race_app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    results = _parallel_sign_ins(race_app, ["wrong-password!"] * 40, client=ATTACKER)
    assert results == Counter({"invalid": 5, "locked": 35})


def test_the_right_password_among_parallel_wrong_ones_counts_within_the_limit(race_app):
    with race_app.app_context():
        factories.user(email="ana@example.org")
        db.session.commit()
    results = _parallel_sign_ins(race_app, ["wrong-password!"] * 39 + [PASSWORD],
                                 client=ATTACKER)
    assert sum(results.values()) == 40 and set(results) <= {"in", "invalid", "locked"}
    # Five wrong ones checked, whatever the order; the right one gets in only when it
    # came within the limit (its attempt is then forgiven).
    assert results["invalid"] == 5 and results["in"] <= 1
