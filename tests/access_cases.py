"""The route × role matrix: what each role gets from every endpoint.

Each package lists its endpoints in ``tests/<package>/access_cases.py`` as ``CASES`` and
builds the objects its URLs need in ``build_world``; ``tests/test_access.py`` runs them
all for every role and fails when an endpoint is missing from the matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from cshire.auth.models import Role

ANONYMOUS = "anonymous"
EVERYONE = frozenset({ANONYMOUS, *(r.value for r in Role)})
SIGNED_IN = frozenset(r.value for r in Role)
MANAGERS = frozenset({Role.MANAGER.value, Role.ADMIN.value})
ADMINS = frozenset({Role.ADMIN.value})


@dataclass(frozen=True)
class Case:
    endpoint: str
    allowed: frozenset[str]
    method: str = "GET"
    url_args: Callable[[SimpleNamespace], dict] = field(default=lambda world: {})
