"""Shared data of the imports tests: a CSV file from lines, a journey, owners."""

from cshire.auth.models import Role, User
from tests import factories
from tests.training import factories as training


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


ACCOUNTS_HEADER = "external_id,name,owner_email,touch_model,arr"
EVENTS_HEADER = "account_external_id,stage,entered_at"
KPIS_HEADER = "email,metric,period,value,n"


def owner(email: str = "owner@example.org", *, active: bool = True) -> User:
    return factories.user(Role.CSM, email=email, active=active)


def journey(code: str = "main"):
    return training.journey(("onboarding", "adoption", "renewal"), milestones_per_stage=1,
                            code=code)
