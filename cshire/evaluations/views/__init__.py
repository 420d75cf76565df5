"""Evaluation pages, one module per area.

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.evaluations.views import (  # noqa: F401 - routes register on bp
    calibration,
    cycles,
    evaluations,
    imports,
    kpis,
    metrics,
)
from cshire.evaluations.views.blueprint import bp

__all__ = ["bp"]
