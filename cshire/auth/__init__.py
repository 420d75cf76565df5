"""Users, roles, teams, sign-in and the access rules every endpoint declares."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from cshire.auth import admin_views, views  # noqa: E402, F401 - routes register on bp
