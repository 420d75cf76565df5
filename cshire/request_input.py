"""What every request's input passes before a view sees it.

- ``<int:…>`` ids are bounded to PostgreSQL's ``integer`` (2³¹ − 1): a larger number in a
URL matches no route (404) instead of reaching the database, which would refuse it with
  an error (PostgreSQL) or overflow (SQLite, beyond 2⁶³). ``id_arg`` does the same
  for ids in the query string.
- A NUL character in the path, the query string or a form field answers 400: no browser
  sends one, PostgreSQL cannot store one in text, and it would otherwise surface as a
  database error deep inside a view.
"""

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """Werkzeug's integer converter with ``max`` defaulting to the largest id."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None,
                 max: int | None = MAX_ID, signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def init_app(app: Flask) -> None:
    """Before any blueprint adds its routes."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    if "\x00" in request.path or _has_nul(request.args) or (
            request.method == "POST" and _has_nul(request.form)):
        abort(400)


def _has_nul(values) -> bool:
    return any("\x00" in key or "\x00" in value
               for key, value in values.items(multi=True))


def id_arg(name: str) -> int | None:
    """An id from the query string (``?opening=3``), or None when it is missing,
    malformed or beyond any id — a hand-edited link is ignored, never a server error."""
    value = request.args.get(name, type=int)
    return value if value is not None and 0 < value <= MAX_ID else None
