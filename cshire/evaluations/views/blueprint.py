"""The evaluations blueprint (pages under /evaluations); the area modules beside it add
their routes."""

from flask import Blueprint

bp = Blueprint("evaluations", __name__, url_prefix="/evaluations")
