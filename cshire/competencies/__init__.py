"""The shared competency model: competencies, categories and anchored levels."""

from flask import Blueprint

bp = Blueprint("competencies", __name__, url_prefix="/competencies")

from cshire.competencies import views  # noqa: E402, F401 - routes register on bp
