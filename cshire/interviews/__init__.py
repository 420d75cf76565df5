"""Hiring: high-performer profiles, question bank, interview kits, interviews, scorecards."""

from flask import Blueprint

bp = Blueprint("interviews", __name__, url_prefix="/hiring")

from cshire.interviews import views  # noqa: E402, F401 - routes register on bp
