"""The hiring blueprint (pages under /hiring); the area modules beside it add their routes."""

from flask import Blueprint

bp = Blueprint("interviews", __name__, url_prefix="/hiring")
