"""Hiring views, one module per area; importing them registers their routes on ``bp``."""

from cshire.interviews.views import kits, profiles, questions  # noqa: F401
from cshire.interviews.views import analytics, interviews, openings, scorecards  # noqa: F401
