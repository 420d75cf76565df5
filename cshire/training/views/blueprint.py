"""The training blueprint (pages under /training); the area modules beside it add their
routes."""

from flask import Blueprint

bp = Blueprint("training", __name__, url_prefix="/training")
