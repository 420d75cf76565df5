"""Every package's models, imported in one place for Alembic and ``flask shell``."""

from cshire.audit import AuditEntry
from cshire.auth.models import LoginAttempt, OrganisationSettings, Role, RoleGrant, Team, User
from cshire.cache import DataGeneration
from cshire.competencies.models import Competency, CompetencyCategory, CompetencyLevel
from cshire.evaluations.models import accounts, cycles, kpis
from cshire.training.models import curriculum, enrolments, journey, sandbox, work
from cshire.uploads import StoredFile

__all__ = [
    "AuditEntry",
    "Competency",
    "CompetencyCategory",
    "CompetencyLevel",
    "DataGeneration",
    "LoginAttempt",
    "OrganisationSettings",
    "Role",
    "RoleGrant",
    "StoredFile",
    "Team",
    "User",
    "accounts",
    "curriculum",
    "cycles",
    "enrolments",
    "journey",
    "kpis",
    "sandbox",
    "work",
]
