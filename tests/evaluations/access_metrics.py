"""Route × role cases for evaluations' metrics pages (see tests/access_cases.py).

The world's CSM is in a team whose manager is not the signed-in user of the matrix:
a manager or CSM reaching that CSM's pages is refused (object-level), only an admin
gets through. The CSM themself and their manager are in test_metrics_views.py.
"""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from cshire.auth.models import Role
from cshire.evaluations.models.kpis import KpiValue
from cshire.extensions import db
from tests import factories
from tests.access_cases import ADMINS, Case

MEASURED = frozenset({Role.MANAGER.value, Role.ADMIN.value, Role.CSM.value})


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    world.metrics_manager = factories.user(Role.MANAGER)
    team = factories.team(manager=world.metrics_manager)
    world.metrics_csm = factories.user(Role.CSM, team=team)
    world.metrics_kpi = KpiValue(user_id=world.metrics_csm.id, metric="nps",
                                 period=f"{date.today().year}-Q1", value=Decimal(40), n=12)
    db.session.add(world.metrics_kpi)
    db.session.flush()


def _csm(world: SimpleNamespace) -> dict:
    return {"user_id": world.metrics_csm.id}


def _kpi(world: SimpleNamespace) -> dict:
    return {"kpi_id": world.metrics_kpi.id}


CASES = [
    Case("evaluations.metrics", MEASURED),
    Case("evaluations.metrics_csv", MEASURED),
    Case("evaluations.metrics_member", ADMINS, url_args=_csm),
    Case("evaluations.kpi_new", ADMINS, url_args=_csm),
    Case("evaluations.kpi_new", ADMINS, method="POST", url_args=_csm),
    Case("evaluations.kpi_edit", ADMINS, url_args=_kpi),
    Case("evaluations.kpi_edit", ADMINS, method="POST", url_args=_kpi),
]
