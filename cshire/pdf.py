"""HTML → PDF with WeasyPrint and the bundled Japanese font.

Every PDF template extends ``templates/pdf/base.html``, which loads
``static/fonts/ipaexg.ttf`` (IPAexGothic) by ``@font-face``, so Japanese renders with
real glyphs even on a machine without any CJK font installed.

How the font is found, whatever the working directory:
:func:`render_pdf_template` passes ``pdf_font_url``, the absolute ``file://`` URL of the
font, to the template. A template rendered some other way falls back to the relative
``fonts/ipaexg.ttf``, which resolves against :func:`render_pdf`'s default ``base_url``,
the ``cshire/static`` folder. A wrong path would fail quietly (WeasyPrint only logs
"Font-face … cannot be loaded"), hence the tests that watch the ``weasyprint`` logger.

What a PDF may load: only ``data:`` URLs and files inside ``cshire/static``. Nothing from
the network (the app must work offline, and a rendered page must not be a way to make
the server fetch URLs) and no other local file.

``import weasyprint`` costs about half a second, so it happens on the first render, once
per process, and never at import time of this module.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from flask import Response, current_app, render_template

FONT_FAMILY = "IPAexGothic"
STATIC_DIR = Path(__file__).resolve().parent / "static"
FONT_PATH = STATIC_DIR / "fonts" / "ipaexg.ttf"
FONT_URL = FONT_PATH.as_uri()

_weasyprint: ModuleType | None = None
_fetcher_class: type | None = None


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML string to PDF bytes.

    Relative URLs (stylesheets, images, the font) resolve against ``base_url``, by default
    the ``cshire/static`` folder: ``<img src="img/logo.png">`` means
    ``cshire/static/img/logo.png``.
    """
    weasyprint = _load_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    document = weasyprint.HTML(
        string=html,
        base_url=base_url or STATIC_DIR.as_uri() + "/",
        url_fetcher=_static_fetcher(),
    )
    # One FontConfiguration per document: it owns the @font-face fonts and their temp files.
    return document.write_pdf(font_config=FontConfiguration())


def render_pdf_template(template_name: str, **context: Any) -> bytes:
    """Render a Jinja template (normally extending ``pdf/base.html``) to PDF bytes.

    Needs an application context. Adds ``pdf_font_url`` and, unless given, ``lang``
    (the current Flask-Babel locale when Babel is set up, else ``"en"``).
    """
    context.setdefault("pdf_font_url", FONT_URL)
    context.setdefault("lang", _current_language())
    return render_pdf(render_template(template_name, **context))


def pdf_response(template_name: str, filename: str, *, ascii_filename: str | None = None,
                 **context: Any) -> Response:
    """A download response for a rendered PDF template.

    ``filename`` may be Japanese: it is sent as RFC 5987 ``filename*`` (UTF-8) with an
    ASCII ``filename`` fallback for old clients (``ascii_filename``, else ``filename``
    with its non-ASCII letters dropped). Reports hold personal data, hence
    ``Cache-Control: no-store``.
    """
    pdf = render_pdf_template(template_name, **context)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = content_disposition(filename, ascii_filename)
    response.headers["Cache-Control"] = "no-store"
    return response


def content_disposition(filename: str, ascii_filename: str | None = None, *,
                        extension: str = "pdf", disposition: str = "attachment") -> str:
    """``attachment`` header value (RFC 6266) with an ASCII ``filename`` and the UTF-8
    name in ``filename*`` (RFC 5987).

    The ASCII name is ``filename`` transliterated where Unicode allows (é → e), every
    other run of characters made one separator. When that would drop letters (a
    Japanese name: "スコアカード-前田 七海" would give "document.pdf"), it is
    ``ascii_filename`` instead, which the caller makes unique with an id.
    """
    name = _safe_filename(filename, extension)
    chosen = ascii_filename if ascii_filename and _drops_letters(name) else name
    fallback = (_ascii_filename(chosen, extension) or _ascii_filename(name, extension)
                or f"document.{extension}")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _drops_letters(filename: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", filename)
    return any(ord(c) > 127 and unicodedata.category(c)[0] in "LN" for c in decomposed)


def _ascii_filename(filename: str, extension: str = "pdf") -> str:
    """``filename`` in ASCII letters, digits, ``.``, ``_`` and ``-``; "" if no letter or
    digit is left."""
    stem = _safe_filename(filename, extension).rpartition(".")[0]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9.]+", lambda m: "-" if "-" in m[0] else "_", ascii_stem)
    ascii_stem = re.sub(r"[-_.]{2,}", lambda m: "-" if "-" in m[0] else m[0][0], ascii_stem)
    ascii_stem = ascii_stem.strip("._-")
    return f"{ascii_stem}.{extension}" if re.search(r"[A-Za-z0-9]", ascii_stem) else ""


def _safe_filename(filename: str, extension: str = "pdf") -> str:
    """Drop path parts, control characters and quotes; always end in ``.<extension>``."""
    name = re.split(r"[\\/]", filename)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C" and c not in "\"'")
    name = name.strip(" .")
    if not name.lower().endswith(f".{extension}"):
        name = f"{name or 'document'}.{extension}"
    return name


def _current_language() -> str:
    if "babel" in current_app.extensions:
        from flask_babel import get_locale

        locale = get_locale()
        if locale is not None:
            return locale.language
    return "en"


def _load_weasyprint() -> ModuleType:
    """Import WeasyPrint on first use only; later calls reuse the module."""
    global _weasyprint
    if _weasyprint is None:
        import weasyprint

        _weasyprint = weasyprint
    return _weasyprint


def _static_fetcher() -> Any:
    """A URL fetcher limited to ``data:`` URLs and files under ``cshire/static``.

    Anything else raises, which WeasyPrint logs as an error and skips (the PDF is still
    written, without that resource).
    """
    global _fetcher_class
    if _fetcher_class is None:
        weasyprint = _load_weasyprint()

        class StaticOnlyFetcher(weasyprint.URLFetcher):
            def fetch(self, url: str, headers: Any = None) -> Any:
                if not _is_allowed_url(url):
                    raise ValueError(f"PDF may not load {url!r}: only cshire/static files")
                return super().fetch(url, headers)

        _fetcher_class = StaticOnlyFetcher
    return _fetcher_class()


def _is_allowed_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return path.is_relative_to(STATIC_DIR)
