"""Hiring views, one module per area; importing them registers their routes on ``bp``."""

from cshire.interviews.views import (  # noqa: F401
    analytics,
    interviews,
    kits,
    openings,
    profiles,
    questions,
    scorecards,
)
