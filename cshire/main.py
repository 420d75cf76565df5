"""The home page every signed-in user lands on (their to-dos), and the health check."""

from flask import Blueprint, jsonify, render_template
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from cshire.auth.access import public, signed_in
from cshire.dashboard import nav_for
from cshire.extensions import db
from cshire.home import home_pipelines, home_todos
from cshire.interviews.messages import APPLICATION_STATUS_LABELS

bp = Blueprint("main", __name__)


@bp.app_context_processor
def navigation() -> dict:
    return {"nav_links": nav_for(current_user)}


@bp.route("/")
@signed_in
def dashboard():
    return render_template("main/dashboard.html", todos=home_todos(current_user),
                           pipelines=home_pipelines(current_user), links=nav_for(current_user),
                           statuses=APPLICATION_STATUS_LABELS)


@bp.route("/healthz")
@public
def healthz():
    """For load balancers: 200 when the app and its database answer, 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")
