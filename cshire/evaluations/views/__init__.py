"""Evaluation pages, one module per area.

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.evaluations.views import calibration, cycles, evaluations  # noqa: F401 - routes
from cshire.evaluations.views.blueprint import bp

__all__ = ["bp"]
