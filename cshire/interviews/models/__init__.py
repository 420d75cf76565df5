"""Hiring models. ``design`` is what managers prepare (profiles, question bank, kits);
``process`` is what happens with candidates (openings, interviews, scorecards)."""

from cshire.interviews.models.design import *  # noqa: F403
from cshire.interviews.models.design import __all__ as _design
from cshire.interviews.models.process import *  # noqa: F403
from cshire.interviews.models.process import __all__ as _process

__all__ = [*_design, *_process]
