"""Training pages, one module per area.

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.training.views import (
    assignments,
    curriculum,
    enrolments,
    friction,
    quizzes,
    readiness,
    reviews,
    sandbox,
)
from cshire.training.views.blueprint import bp

__all__ = ["assignments", "bp", "curriculum", "enrolments", "friction", "quizzes", "readiness",
           "reviews", "sandbox"]
