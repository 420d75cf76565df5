"""Markdown written by managers (lessons, instructions, playbooks) → safe HTML.

markdown-it-py parses CommonMark with raw HTML switched off, and nh3 (the Ammonia
sanitiser) then keeps only an allow-list of tags and attributes, so neither a pasted
``<script>`` nor a ``javascript:`` link reaches a reader's browser. Links open in a new
tab without giving the opened page a handle on this one.
"""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "del", "img",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                      "th": {"align"}, "td": {"align"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "js-default": CommonMark without raw HTML, plus tables and strikethrough.
    return MarkdownIt("js-default", {"linkify": False, "typographer": False})


def render_markdown(text: str | None) -> Markup:
    """Sanitised HTML of ``text``; an empty string for nothing."""
    if not text:
        return Markup("")
    html = _parser().render(text)
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values={"a": {"target": "_blank"}},
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above
