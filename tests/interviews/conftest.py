"""What the hiring-design page tests share: a client signed in as a manager, and two
small readers of responses and tables."""

import pytest
from sqlalchemy import func, select

from cshire.auth.models import Role
from cshire.extensions import db


@pytest.fixture
def manager(as_role):
    """A client signed in as a manager (who defines profiles, questions and kits)."""
    return as_role(Role.MANAGER)


def page(response) -> str:
    return response.get_data(as_text=True)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))
