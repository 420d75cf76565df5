"""One way to paginate a ``select`` from the query string (?page=N)."""

from flask import current_app, request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from cshire.extensions import db


def paginate(query: Select, per_page: int | None = None) -> Pagination:
    """A page of ``query``; an out-of-range or malformed page number is clamped, not an
    error, because such links come from bookmarks and old e-mails."""
    per_page = per_page or current_app.config["PER_PAGE"]
    page = request.args.get("page", 1, type=int) or 1
    result = db.paginate(query, page=max(page, 1), per_page=per_page, error_out=False)
    if result.page > 1 and not result.items and result.pages:
        result = db.paginate(query, page=result.pages, per_page=per_page, error_out=False)
    return result
