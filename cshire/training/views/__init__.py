"""Training pages, one module per area.

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.training.views import (  # noqa: F401 - routes register on bp
    assignments,
    curriculum,
    enrolments,
    friction,
    journey,
    journey_stages,
    quizzes,
    readiness,
    reviews,
    sandbox,
    tabs,
)
from cshire.training.views.blueprint import bp

__all__ = ["bp"]
