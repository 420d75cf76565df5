"""A seeded dataset for the metrics pages: the hand-computed accounts of
tests/evaluations/test_metrics_rules.py split between two CSMs of one team.

Journey A → B → C, period 2026-Q3, as of 2026-10-15.

    CSM one: a1 (A 07-05, B 07-20, C 10-20), a2 (A 06-10, A 07-03, B 07-10),
             a3 (A 08-01, B 09-30)
        A→B: entered 2 (a1 a3), converted 2 (15 and 60 days) → 100%, median 37.5
        B→C: entered 3, converted 0 → 0%              (weakest step: B→C)
    CSM two: a4 (B 09-01, A 09-15, B 10-01), a5 (A 07-01, churned 08-01)
        A→B: entered 2, converted 1 (16 days) → 50%
        B→C: entered 1 (a4), converted 0 → 0%         (weakest step: B→C)
    Team: A→B 3 of 4 → 75%, median 16; B→C 0 of 4 → 0%.
"""

from dataclasses import dataclass
from datetime import date
from itertools import count

from cshire.auth.models import Role, Team, User
from cshire.evaluations.models.accounts import CustomerAccount, JourneyEvent
from cshire.extensions import db
from cshire.training.models.journey import Journey
from tests import factories
from tests.training import factories as training

AS_OF = "2026-10-15"
PERIOD = "2026-Q3"
_sequence = count(1)


@dataclass
class World:
    journey: Journey
    manager: User
    team: Team
    csm: User
    csm2: User
    manager2: User
    team2: Team
    admin: User


def account(owner: User, journey: Journey, *events: tuple[str, str]) -> CustomerAccount:
    """An account of ``owner`` with its events, ``("A", "2026-07-05")``."""
    n = next(_sequence)
    created = CustomerAccount(external_id=f"acct-{n}", name=f"Account {n}",
                              owner_id=owner.id, touch_model="high")
    db.session.add(created)
    db.session.flush()
    db.session.add_all(JourneyEvent(account_id=created.id, journey_id=journey.id,
                                    stage_code=code, entered_on=date.fromisoformat(day))
                       for code, day in events)
    db.session.flush()
    return created


def seed(*, with_events: bool = True) -> World:
    manager = factories.user(Role.MANAGER, name="Maya Manager")
    team = factories.team(name="Onboarding East", manager=manager)
    csm = factories.user(Role.CSM, team=team, name="Chris One", email="chris@example.org")
    csm2 = factories.user(Role.CSM, team=team, name="Dana Two", email="dana@example.org")
    manager2 = factories.user(Role.MANAGER, name="Other Manager")
    team2 = factories.team(name="Success West", manager=manager2)
    admin = factories.user(Role.ADMIN)
    journey = training.journey(("A", "B", "C"), code="core")
    if with_events:
        account(csm, journey, ("A", "2026-07-05"), ("B", "2026-07-20"), ("C", "2026-10-20"))
        account(csm, journey, ("A", "2026-06-10"), ("A", "2026-07-03"), ("B", "2026-07-10"))
        account(csm, journey, ("A", "2026-08-01"), ("B", "2026-09-30"))
        account(csm2, journey, ("B", "2026-09-01"), ("A", "2026-09-15"), ("B", "2026-10-01"))
        account(csm2, journey, ("A", "2026-07-01"), ("churned", "2026-08-01"))
    db.session.commit()
    return World(journey, manager, team, csm, csm2, manager2, team2, admin)


def query(**extra) -> dict:
    return {"journey": "core", "period": PERIOD, "as_of": AS_OF, **extra}
