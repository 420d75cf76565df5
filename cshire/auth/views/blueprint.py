"""The auth blueprint; the area modules beside it add their routes to it."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
