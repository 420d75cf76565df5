"""One way to paginate a ``select`` from the query string (?page=N)."""

from flask import current_app, request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from cshire.extensions import db

# Far beyond any list; keeps OFFSET within every database's integer.
MAX_PAGE = 1_000_000


def paginate(query: Select, per_page: int | None = None) -> Pagination:
    """A page of ``query``; an out-of-range or malformed page number is clamped, not an
    error, because such links come from bookmarks and old e-mails."""
    per_page = per_page or current_app.config["PER_PAGE"]
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), MAX_PAGE)
    result = db.paginate(query, page=page, per_page=per_page, error_out=False)
    if result.page > 1 and not result.items and result.pages:
        result = db.paginate(query, page=result.pages, per_page=per_page, error_out=False)
    return result
