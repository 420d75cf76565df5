"""Error pages: a clear page in the user's language, never a stack trace."""

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from cshire.extensions import db

PAGES = {
    400: (_l("Bad request"),
          _l("The request could not be understood. Please go back and try again.")),
    403: (_l("Not allowed"), _l("You do not have access to this page.")),
    404: (_l("Not found"), _l("There is no page at this address, or it is not yours to see.")),
    405: (_l("Not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("Too large"), _l("The upload is larger than the limit of 5 MB.")),
    500: (_l("Something went wrong"),
          _l("An unexpected error occurred. It has been logged; please try again.")),
}
CSRF_MESSAGE = _l(
    "The form had expired or was sent from elsewhere. Please reload the page and submit "
    "again; your input was not saved."
)


def render_error(status: int, detail: str | None = None):
    title, message = PAGES.get(status, PAGES[500])
    return render_template(
        "errors/error.html", status=status, title=title, message=detail or message
    ), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(400, str(CSRF_MESSAGE))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/static/"):
            return error
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        # Roll back first: the failed transaction would poison the error page's queries.
        db.session.rollback()
        app.logger.exception("Unhandled error on %s", request.path)
        return render_error(500)
