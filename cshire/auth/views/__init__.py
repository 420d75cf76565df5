"""Auth pages: sign-in and language (``signin``), users and teams (``admin``).

Importing this package imports every area module, which registers its routes on ``bp``.
"""

from cshire.auth.views import admin, signin  # noqa: F401 - routes register on bp
from cshire.auth.views.blueprint import bp

__all__ = ["bp"]
