"""Hiring pages, one module per area.

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.interviews.views import (  # noqa: F401 - routes register on bp
    analytics,
    candidates,
    decisions,
    exemplars,
    interviews,
    kits,
    openings,
    profiles,
    questions,
    scoring,
)
from cshire.interviews.views.blueprint import bp

__all__ = ["bp"]
